/**
 * Sampling noise of benchmark scores, and how much of each round's contest it decides.
 * Standard errors come, in order of preference, from per-item results (sd / sqrt(n)), from the
 * file's own stderr figures, or from item counts for accuracy-type scores (sqrt(p (1 - p) / n),
 * an approximation that is reported as such).
 */

import { normalCdf } from "../engine/normal.js";
import { at, column, type Grid, makeGrid, rowView, set } from "../grid/grid.js";
import type { RoundPlan } from "../plan/plan.js";
import { type ScoreTable, tableGrid } from "../table/types.js";

export type ErrorSource = "items" | "stderr" | "binomial" | "none";

export interface CellErrors {
  /** Standard error of each cell: a models x benchmarks grid's values, like table.scores (NaN = unknown). */
  se: Float64Array;
  source: ErrorSource;
  notes: string[];
}

/** The scale of a benchmark's scores: 1 when they lie in [0, 1], 100 when in [0, 100], else null. */
function accuracyScale(values: readonly number[]): number | null {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0 || finite.some((v) => v < 0)) return null;
  const max = Math.max(...finite);
  return max <= 1 ? 1 : max <= 100 ? 100 : null;
}

/** Standard errors of every cell, from the best information the table has. */
export function cellErrors(table: ScoreTable): CellErrors {
  const B = table.benchmarks.length;
  const scores = tableGrid(table);
  const ex = table.extras;
  if (table.items && ex?.stderr) {
    return { se: ex.stderr, source: "items", notes: ["standard errors from the per-item results (sd / sqrt(n) per model and benchmark)"] };
  }
  if (ex?.stderr && Array.from(ex.stderr).some(Number.isFinite)) {
    return { se: ex.stderr, source: "stderr", notes: ["standard errors as given in the input file"] };
  }
  if (ex?.count && Array.from(ex.count).some(Number.isFinite)) {
    const se = makeGrid(scores.rows, B);
    const count = tableGrid(table, ex.count);
    const skipped: string[] = [];
    for (let b = 0; b < B; b++) {
      const scale = accuracyScale(Array.from(column(scores, b)));
      if (scale === null) {
        skipped.push(table.benchmarks[b].name);
        continue;
      }
      for (let m = 0; m < table.models.length; m++) {
        const p = at(scores, m, b) / scale;
        const items = at(count, m, b);
        if (Number.isFinite(p) && items > 0) set(se, m, b, scale * Math.sqrt((p * (1 - p)) / items));
      }
    }
    const notes = ["approximation: standard errors from item counts as sqrt(p (1 - p) / n), treating each score as an accuracy"];
    if (skipped.length > 0) notes.push(`no standard error for benchmarks not on a 0-1 or 0-100 scale: ${skipped.join(", ")}`);
    return { se: se.values, source: "binomial", notes };
  }
  return {
    se: makeGrid(scores.rows, B).values,
    source: "none",
    notes: ["no standard errors, item counts or per-item results: noise unknown"],
  };
}

/** Standard error of each round score, a rounds x models grid as the round scores: the mean of independent benchmark estimates. */
export function roundErrors(table: ScoreTable, plan: RoundPlan, cells: CellErrors): Grid {
  const M = table.models.length;
  const se = tableGrid(table, cells.se);
  const index = new Map(table.benchmarks.map((b, i) => [b.name, i]));
  const out = makeGrid(plan.rounds.length, M, 0);
  plan.rounds.forEach((round, k) => {
    const cols = round.benchmarks.map((name) => index.get(name) as number);
    for (let m = 0; m < M; m++) {
      let v = 0;
      for (const b of cols) v += at(se, m, b) ** 2;
      set(out, k, m, Math.sqrt(v) / cols.length);
    }
  });
  return out;
}

export interface ColumnNoise {
  name: string;
  models: number;
  /** (max - min) / mean of the model scores. */
  signal: number;
  /** Mean standard error / mean score. */
  noise: number;
  snr: number;
  /** Mean over pairs of 2 min(p, 1 - p), p = P(the better model wins under noise): 1 = a coin flip. */
  coinFlipShare: number;
  lowSignal: boolean;
}

export const SIGNAL_NOISE_DEFINITION =
  "signal = (max - min) / mean of the models' scores; noise = mean standard error / mean score; SNR = signal / noise. " +
  "Coin-flip share = mean over model pairs of 2 min(p, 1 - p), where p = Phi(|difference| / sqrt(se_a^2 + se_b^2)): " +
  "0 when every match is decided beyond doubt, 1 when every match is a coin flip. A column is flagged when its share exceeds 0.5 " +
  "(most of its matches are mostly noise).";

function columnNoise(name: string, values: number[], errors: number[]): ColumnNoise {
  const idx = values.map((_, i) => i).filter((i) => Number.isFinite(values[i]));
  const v = idx.map((i) => values[i]);
  const e = idx.map((i) => errors[i]);
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const signal = (Math.max(...v) - Math.min(...v)) / Math.abs(mean);
  const known = e.filter(Number.isFinite);
  const noise = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length / Math.abs(mean) : Number.NaN;
  let share = 0;
  let pairs = 0;
  for (let a = 0; a < v.length; a++) {
    for (let b = a + 1; b < v.length; b++) {
      const s = Math.hypot(e[a], e[b]);
      if (!Number.isFinite(s)) continue;
      const d = Math.abs(v[a] - v[b]);
      const p = s > 0 ? normalCdf(d / s) : d > 0 ? 1 : 0.5;
      share += 2 * Math.min(p, 1 - p);
      pairs++;
    }
  }
  const coinFlipShare = pairs > 0 ? share / pairs : Number.NaN;
  return { name, models: v.length, signal, noise, snr: signal / noise, coinFlipShare, lowSignal: coinFlipShare > 0.5 };
}

export interface NoiseReport {
  source: ErrorSource;
  definition: string;
  benchmarks: ColumnNoise[];
  rounds: ColumnNoise[];
  notes: string[];
}

export function noiseReport(table: ScoreTable, plan: RoundPlan, cells = cellErrors(table)): NoiseReport {
  const scores = tableGrid(table);
  const se = tableGrid(table, cells.se);
  const benchmarks = table.benchmarks.map((b, j) => columnNoise(b.name, Array.from(column(scores, j)), Array.from(column(se, j))));
  const rse = roundErrors(table, plan, cells);
  const index = new Map(table.benchmarks.map((b, i) => [b.name, i]));
  const rounds = plan.rounds.map((r, k) => {
    const cols = r.benchmarks.map((n) => index.get(n) as number);
    const values = table.models.map(
      (_, m) => cols.reduce((a, b) => a + (table.benchmarks[b].lowerIsBetter ? -1 : 1) * at(scores, m, b), 0) / cols.length,
    );
    return columnNoise(r.name, values, Array.from(rowView(rse, k)));
  });
  const flagged = rounds.filter((r) => r.lowSignal).map((r) => r.name);
  const notes = [...cells.notes];
  if (flagged.length > 0) notes.push(`rounds whose matches are mostly decided by sampling noise: ${flagged.join(", ")}`);
  return { source: cells.source, definition: SIGNAL_NOISE_DEFINITION, benchmarks, rounds, notes };
}
