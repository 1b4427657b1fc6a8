/** The look shared by every chart: fonts, colour-blind-safe colours, sizes. */
import type { RobustnessLabel } from "../../run/sensitivity.js";

/** First available wins: the page's UI font, then fonts resvg finds on a Linux server. */
export const FONT_FAMILY = "Inter, 'Segoe UI', 'Helvetica Neue', Arial, 'DejaVu Sans', 'Liberation Sans', sans-serif";

export const INK = "#1f2933";
export const MUTED = "#616e7c";
export const GRID_LINE = "#e4e7eb";

/** Okabe-Ito, ordered so that consecutive T settings stay distinguishable. */
export const SERIES_COLOURS = ["#0072B2", "#E69F00", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];
export const SERIES_SYMBOLS = ["circle", "diamond", "triangle", "rect", "roundRect", "pin", "arrow"];

export const LABEL_COLOURS: Record<RobustnessLabel, string> = {
  generalist: "#009E73",
  balanced: "#8a96a3",
  specialist: "#D55E00",
  undetermined: "#c3cad2",
};

/** Sequential (share of contests) and diverging (win share: lose - even - win) colour ramps. */
export const SEQUENTIAL = ["#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"];
export const DIVERGING = ["#b2182b", "#f4a582", "#f7f7f7", "#92c5de", "#2166ac"];

/** Pixels per model row in charts that list models, and the bounds of a chart's height. */
export const ROW_HEIGHT = 18;
export function heightFor(rows: number, chrome = 120, min = 320): number {
  return Math.max(min, Math.round(rows * ROW_HEIGHT + chrome));
}

/** Room for the longest model name on a category axis (about 6.5 px a character at 11 px). */
export function labelRoom(names: readonly string[], max = 260): number {
  const longest = names.reduce((n, s) => Math.max(n, s.length), 0);
  return Math.min(max, Math.max(60, Math.round(longest * 6.5) + 16));
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
