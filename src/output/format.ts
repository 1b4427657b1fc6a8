/** Number formatting shared by the renderers. */
import { thousands } from "../digits.js";

export { thousands };

export function fixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return "n/a";
  const s = x.toFixed(digits);
  return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s;
}

export function signed(x: number, digits: number): string {
  const s = fixed(x, digits);
  return x > 0 && s !== (0).toFixed(digits) ? `+${s}` : s;
}

export function percent(p: number, digits = 1): string {
  return `${fixed(100 * p, digits)}%`;
}

/**
 * One way to write each kind of figure, used by the CLI's renderers and the HTML report alike, so the
 * same number reads the same in a terminal, in Markdown and in the report.
 */
export const FIGURES = {
  /** A count that may be a half (Kemeny distance: a tie counts 1/2): "2,119", "2,119.5". */
  count: (x: number): string =>
    Number.isNaN(x)
      ? "n/a"
      : Number.isInteger(x)
        ? thousands(x)
        : x.toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  /** A share of pairs or battles (Kemeny's share of all battles). */
  share: (x: number): string => fixed(x, 3),
  /** A rank correlation (Kendall tau-b, Spearman rho). */
  correlation: (x: number): string => fixed(x, 3),
  /** Top-k overlap. */
  overlap: (x: number): string => fixed(x, 2),
  /** A share of orders, contests or trials, read as a percentage (the plan's percentile among round orders). */
  percentile: (p: number): string => (Number.isNaN(p) ? "-" : percent(p, 0)),
  /** A mean rank shift (positive = falls). */
  shift: (x: number): string => signed(x, 2),
  /** A mean absolute rank shift. */
  absShift: (x: number): string => fixed(x, 2),
  /** E[S] and its spread in the studies (fixed digits: runs of 2,000 contests). */
  expected: (x: number): string => fixed(x, 3),
  /** A rank, or a whole number of places. */
  whole: (x: number): string => String(x),
};
