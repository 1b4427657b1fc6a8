/** Text boxes of an SVG drawn by ECharts, measured with the charts' own width table: overlaps are found in code. */
import { type Box, overlaps } from "../src/output/charts/labels.js";
import { textWidth } from "../src/output/charts/text.js";

export interface SvgText {
  text: string;
  box: Box;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const attr = (attrs: string, name: string) => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];

/** Every non-empty <text> with its axis-aligned box after its transform (translate, or a rotation matrix). */
export function svgTexts(svg: string): SvgText[] {
  const out: SvgText[] = [];
  for (const m of svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)) {
    const attrs = m[1];
    const text = m[2].replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);
    if (text.trim() === "") continue;
    const size = Number(/font-size:(\d+(?:\.\d+)?)px/.exec(attrs)?.[1] ?? 12);
    const x = Number(attr(attrs, "x") ?? 0);
    const y = Number(attr(attrs, "y") ?? 0);
    const w = textWidth(text, size);
    const anchor = attr(attrs, "text-anchor") ?? "start";
    const x0 = anchor === "middle" ? x - w / 2 : anchor === "end" ? x - w : x;
    const baseline = attr(attrs, "dominant-baseline") ?? "alphabetic";
    const y0 = baseline === "central" ? y - size / 2 : baseline === "hanging" ? y : y - 0.8 * size;
    let [a, b, c, d, e, f] = [1, 0, 0, 1, 0, 0];
    const t = attr(attrs, "transform") ?? "";
    const tr = /translate\(([-\d.e]+)[ ,]+([-\d.e]+)\)/.exec(t);
    const mx = /matrix\(([^)]*)\)/.exec(t);
    if (tr) [e, f] = [Number(tr[1]), Number(tr[2])];
    if (mx) [a, b, c, d, e, f] = mx[1].split(/[ ,]+/).map(Number);
    const corners = [
      [x0, y0],
      [x0 + w, y0],
      [x0, y0 + size],
      [x0 + w, y0 + size],
    ].map(([px, py]) => [a * px + c * py + e, b * px + d * py + f]);
    const xs = corners.map((p) => p[0]);
    const ys = corners.map((p) => p[1]);
    out.push({ text, box: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) } });
  }
  return out;
}

/** Pairs of texts whose boxes overlap by more than `slack` px each way (glyph boxes include some air). */
export function overlappingTexts(texts: readonly SvgText[], slack = 1): [string, string][] {
  const shrink = (b: Box): Box => ({ x0: b.x0 + slack, y0: b.y0 + slack, x1: b.x1 - slack, y1: b.y1 - slack });
  const out: [string, string][] = [];
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++)
      if (overlaps(shrink(texts[i].box), shrink(texts[j].box))) out.push([texts[i].text, texts[j].text]);
  return out;
}

/** Texts that run off a figure of this size. */
export function textsOutside(texts: readonly SvgText[], width: number, height: number): string[] {
  return texts.filter((t) => t.box.x0 < -0.5 || t.box.y0 < -0.5 || t.box.x1 > width + 0.5 || t.box.y1 > height + 0.5).map((t) => t.text);
}
