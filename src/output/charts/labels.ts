/**
 * Point labels placed without overlap: a greedy pass in priority order tries a few spots around each
 * point and keeps the first whose box clears every marker, every label already placed and the frame.
 * ECharts' own hideOverlap drops labels silently; here a point left unnamed is counted, so the
 * figure can say so.
 */
import { textWidth } from "./text.js";

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface LabelPoint {
  /** Pixel position of the marker's centre. */
  x: number;
  y: number;
  text: string;
}

/** Where a label went: its centre's offset from the marker's centre, and its box. */
export interface PlacedLabel {
  dx: number;
  dy: number;
  box: Box;
}

export const LABEL_SIZE = 10;
const LINE = LABEL_SIZE + 4;
const GAP = 3;

export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function inside(a: Box, frame: Box): boolean {
  return a.x0 >= frame.x0 && a.x1 <= frame.x1 && a.y0 >= frame.y0 && a.y1 <= frame.y1;
}

/** Candidate centre offsets around a marker of radius r for a label w px wide: right, left, above, below, then the corners. */
function candidates(w: number, r: number): [number, number][] {
  const side = r + GAP + w / 2;
  const up = r + GAP + LINE / 2;
  return [
    [side, 0],
    [-side, 0],
    [0, -up],
    [0, up],
    [side, -up + 2],
    [side, up - 2],
    [-side, -up + 2],
    [-side, up - 2],
    [side, -LINE],
    [side, LINE],
    [-side, -LINE],
    [-side, LINE],
    // Above or below, starting or ending at the marker.
    [w / 2 - r, -up],
    [-(w / 2 - r), -up],
    [w / 2 - r, up],
    [-(w / 2 - r), up],
  ];
}

/**
 * Labels for `points` in the given (priority) order; undefined where no spot is free. `radius` is the
 * markers' radius: every marker is an obstacle, so no label covers a point.
 */
export function placeLabels(points: readonly LabelPoint[], frame: Box, radius: number, fontSize = LABEL_SIZE): (PlacedLabel | undefined)[] {
  const markers = points.map((p) => ({ x0: p.x - radius, y0: p.y - radius, x1: p.x + radius, y1: p.y + radius }));
  const placed: Box[] = [];
  return points.map((p, i) => {
    const w = textWidth(p.text, fontSize) + 2;
    const h = fontSize + 4;
    for (const [dx, dy] of candidates(w, radius)) {
      const box = { x0: p.x + dx - w / 2, y0: p.y + dy - h / 2, x1: p.x + dx + w / 2, y1: p.y + dy + h / 2 };
      if (!inside(box, frame)) continue;
      if (placed.some((b) => overlaps(b, box))) continue;
      if (markers.some((m, j) => j !== i && overlaps(m, box))) continue;
      placed.push(box);
      return { dx, dy, box };
    }
    return undefined;
  });
}

/** Pixel position on an axis spanning [min, max] over [from, to] px; `log` for a logarithmic axis. */
export function axisScale(min: number, max: number, from: number, to: number, log = false): (v: number) => number {
  const f = log ? Math.log10 : (v: number) => v;
  const a = f(min);
  const b = f(max);
  return (v: number) => from + ((f(v) - a) / (b - a || 1)) * (to - from);
}

/** An axis range padded by a share of its span on both sides (so edge points keep room for a label). */
export function padded(values: readonly number[], share = 0.06, log = false): [number, number] {
  if (log) {
    const lo = Math.log10(Math.min(...values));
    const hi = Math.log10(Math.max(...values));
    const pad = (hi - lo || 1) * share;
    return [10 ** (lo - pad), 10 ** (hi + pad)];
  }
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo || 1) * share;
  return [lo - pad, hi + pad];
}

/** The ECharts label of a placed point: centred on the marker, moved by the offset. */
export function echartsLabel(p: PlacedLabel | undefined, color: string, fontSize = LABEL_SIZE) {
  if (!p) return { show: false };
  return {
    show: true,
    position: "inside" as const,
    align: "center" as const,
    verticalAlign: "middle" as const,
    offset: [Math.round(p.dx * 10) / 10, Math.round(p.dy * 10) / 10],
    fontSize,
    color,
    formatter: "{b}",
  };
}
