/** The look shared by every chart: fonts, colour-blind-safe colours, sizes. */
import type { RobustnessLabel } from "../../run/sensitivity.js";
import { labelRoomFor, shortNames } from "./text.js";

/** First available wins: the page's UI font, then fonts resvg finds on a Linux server. */
export const FONT_FAMILY = "Inter, 'Segoe UI', 'Helvetica Neue', Arial, 'DejaVu Sans', 'Liberation Sans', sans-serif";

export const INK = "#1f2933";
export const MUTED = "#616e7c";
export const GRID_LINE = "#e4e7eb";

/**
 * Okabe-Ito, ordered so that consecutive T settings stay distinguishable. Its yellow is left out: it
 * vanishes on white paper.
 */
export const SERIES_COLOURS = ["#0072B2", "#E69F00", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#000000"];
export const SERIES_SYMBOLS = ["circle", "diamond", "triangle", "rect", "roundRect", "pin", "arrow"];
const SERIES_DASHES = ["solid", "dashed", "dotted"] as const;

/**
 * The look of series n, never repeated within 49 series: the colour cycles fastest, and each further
 * group of seven colours changes marker and dash together (colour-blind readers and grey-scale prints
 * tell the groups apart by shape).
 */
export function seriesLook(n: number): { colour: string; symbol: string; dash: (typeof SERIES_DASHES)[number] } {
  const group = Math.floor(n / SERIES_COLOURS.length);
  return {
    colour: SERIES_COLOURS[n % SERIES_COLOURS.length],
    symbol: SERIES_SYMBOLS[group % SERIES_SYMBOLS.length],
    dash: SERIES_DASHES[group % SERIES_DASHES.length],
  };
}

export const TITLE_SIZE = 15;
export const SUBTITLE_SIZE = 11;

/**
 * The chart's title on the figure itself (a file pasted into a paper keeps it), with a subtitle that
 * says what is left out. `height` is the room it takes at the top.
 */
export function titleBlock(text: string, subtitle?: string) {
  return {
    title: {
      text,
      left: 8,
      top: 4,
      textStyle: { fontSize: TITLE_SIZE, fontWeight: 600 as const, color: INK },
      ...(subtitle ? { subtext: subtitle, itemGap: 4, subtextStyle: { fontSize: SUBTITLE_SIZE, color: MUTED } } : {}),
    },
    height: subtitle ? 46 : 30,
  };
}

export const LABEL_COLOURS: Record<RobustnessLabel, string> = {
  generalist: "#009E73",
  balanced: "#8a96a3",
  specialist: "#D55E00",
  undetermined: "#c3cad2",
};
/** A shape per label beside its colour, so that the labels stay apart without colour vision. */
export const LABEL_SYMBOLS: Record<RobustnessLabel, string> = {
  generalist: "circle",
  balanced: "rect",
  specialist: "triangle",
  undetermined: "diamond",
};

/** Sequential (share of contests) and diverging (win share: lose - even - win) colour ramps. */
export const SEQUENTIAL = ["#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];
export const DIVERGING = ["#b2182b", "#f4a582", "#f7f7f7", "#92c5de", "#2166ac"];

/** Pixels per model row in charts that list models, and the bounds of a chart's height. */
export const ROW_HEIGHT = 18;
export function heightFor(rows: number, chrome = 120, min = 320): number {
  return Math.max(min, Math.round(rows * ROW_HEIGHT + chrome));
}

/** Widest model label on an axis, in px; longer names are cut in the middle (full names in tooltips). */
export const MAX_NAME_WIDTH = 240;
export const NAME_SIZE = 11;

/** Distinct short labels for model names and the measured margin they need. */
export function modelLabels(names: readonly string[], fontSize = NAME_SIZE, maxWidth = MAX_NAME_WIDTH): { labels: string[]; room: number } {
  const labels = shortNames(names, maxWidth, fontSize);
  return { labels, room: labelRoomFor(labels, fontSize) };
}

/** Options every chart starts from: no animation (SVG files, screenshots), one font. */
export function baseOption() {
  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: FONT_FAMILY, color: INK, fontSize: 12 },
  };
}

/** Values rounded for the page (JSON size) without changing what the chart shows. */
export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Range bars without custom rendering code, one per row: an invisible bar up to each low end, and
 * stacked on it a visible one as long as the range. A named range is in the legend; an unnamed one
 * ignores the mouse, as its base does.
 */
export function rangeBars(
  stack: string,
  lows: readonly number[],
  highs: readonly number[],
  look: { colour: string; width: number; name?: string },
) {
  const named = look.name !== undefined;
  return [
    {
      type: "bar" as const,
      stack,
      data: lows.map((v) => round(v)),
      itemStyle: { color: "transparent" },
      barWidth: look.width,
      silent: true,
      tooltip: { show: false },
    },
    {
      type: "bar" as const,
      ...(named ? { name: look.name } : {}),
      stack,
      data: highs.map((v, i) => round(v - lows[i])),
      itemStyle: { color: look.colour },
      barWidth: look.width,
      ...(named ? {} : { silent: true }),
      tooltip: { show: false },
    },
  ];
}

/** The category axis of a chart with one row per model, best at the top, titled "model" above the names. */
export function modelAxis(labels: readonly string[]) {
  return {
    type: "category" as const,
    name: "model",
    // Above the names (the axis is inverted: its start is the top).
    nameLocation: "start" as const,
    nameTextStyle: { align: "right" as const, color: MUTED },
    data: [...labels],
    inverse: true,
    axisLabel: { fontSize: NAME_SIZE, color: MUTED, interval: 0 },
    axisTick: { show: false },
  };
}
