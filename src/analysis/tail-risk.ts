/** Tail risk of a model's column scores: CVaR, the mean of its worst alpha share. */

import { type Normalisation, normalise, presentValues, type ScoreMatrix } from "../rank/matrix.js";
import { finiteMean } from "../stats/stats.js";

/** CVaR_alpha: mean of the worst alpha share of a model's column scores; with n scores, the floor(alpha n) lowest count fully and the next one with weight alpha n - floor(alpha n). */
export const cvarDefinition =
  "CVaR_alpha: the mean of a model's worst alpha share of column scores (alpha = 0.25 by default). With n scores sorted " +
  "ascending, the floor(alpha n) lowest count fully and the next one with the fractional weight alpha n - floor(alpha n), " +
  "all divided by alpha n (the lower-tail mean of the empirical distribution; with alpha n < 1 it is the minimum).";

/** CVaR_alpha of one sample as in `cvarDefinition` (NaN for an empty sample). */
export function cvar(xs: readonly number[], alpha = 0.25): number {
  if (!(alpha > 0 && alpha <= 1)) throw new Error(`CVaR: alpha must be in (0, 1], got ${alpha}`);
  const n = xs.length;
  if (n === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mass = alpha * n;
  const whole = Math.min(n, Math.floor(mass + 1e-12));
  let s = 0;
  for (let i = 0; i < whole; i++) s += sorted[i];
  const frac = mass - whole;
  if (frac > 1e-12 && whole < n) s += frac * sorted[whole];
  return s / mass;
}

/** CVaR and mean of each model's column scores. */
export interface TailRisk {
  cvar: number[];
  mean: number[];
  /** Columns scored per model (missing cells are skipped). */
  counts: number[];
  alpha: number;
  normalisation: Normalisation;
}

/** CVaR_alpha and mean of each model's available (optionally normalised) column scores. */
export function tailRisk(matrix: ScoreMatrix, alpha = 0.25, normalisation: Normalisation = "none"): TailRisk {
  const m = normalise(matrix, normalisation);
  const rows = m.models.map((_, i) => presentValues(m, i));
  return {
    cvar: rows.map((xs) => cvar(xs, alpha)),
    mean: rows.map(finiteMean),
    counts: rows.map((xs) => xs.length),
    alpha,
    normalisation,
  };
}
