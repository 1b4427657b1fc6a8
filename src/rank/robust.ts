/**
 * rliable's robust aggregates on normalised scores: interquartile mean, optimality gap and the
 * probability of improvement, with a seeded stratified bootstrap over columns for intervals.
 */

import { chunkRng } from "../engine/rng.js";
import { at, isMissing, rowView } from "../grid/grid.js";
import { competitionRanks, DEFAULT_SEED, percentileInterval, RNG_STREAMS, type Rng, uniformIndex } from "../stats/stats.js";
import { matrixGrid, type Normalisation, normalisationDefinitions, normalise, presentValues, type ScoreMatrix } from "./matrix.js";
import { missingNotes } from "./mean.js";
import type { RankingOptions, RankingResult } from "./types.js";

/** IQM: scipy.stats.trim_mean(x, 0.25) of a model's normalised column scores (drop floor(n/4) lowest and highest, average the rest). */
export const iqmDefinition =
  "Interquartile mean (rliable): sort a model's n normalised column scores, drop floor(n/4) from each end " +
  "(scipy.stats.trim_mean(x, 0.25), as rliable), and average the rest; 95% intervals from a stratified bootstrap of the " +
  "columns (the resample the definition allows with one score per cell), each replicate O(M K) from the times each column is drawn.";

/** Optimality gap: gamma - mean over columns of min(score, gamma), gamma = 1 on normalised scores; lower is better. */
export const optimalityGapDefinition =
  "Optimality gap (rliable): gamma - mean over a model's columns of min(normalised score, gamma), gamma = 1; lower is better; " +
  "95% intervals from a stratified bootstrap of the columns, O(M K) per replicate.";

/** P(X > Y) with one score per cell: mean over shared columns of 1 (X higher), 1/2 (tie), 0 (Y higher). */
export const improvementDefinition =
  "Probability of improvement (rliable, one run per cell): P(X > Y) = mean over the columns where both models are scored " +
  "of 1 if X scores higher, 1/2 if tied, 0 otherwise.";

/** How intervals are drawn, printed as a note. */
export const bootstrapDescription =
  "95% percentile intervals from a seeded stratified bootstrap over columns: each replicate redraws, within each stratum, " +
  "as many columns as it has, with replacement (rliable's task bootstrap; with one score per cell there are no runs to resample)";

/** scipy.stats.trim_mean: drop floor(cut * n) values from each end of the sorted sample, mean of the rest. */
export function trimmedMean(xs: readonly number[], cut: number): number {
  const n = xs.length;
  if (n === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const drop = Math.floor(cut * n);
  if (drop >= n - drop) throw new Error(`trimmedMean: cut ${cut} leaves nothing of ${n} values`);
  let s = 0;
  for (let i = drop; i < n - drop; i++) s += sorted[i];
  return s / (n - 2 * drop);
}

/** rliable's interquartile mean: trimmedMean(xs, 0.25). */
export function interquartileMean(xs: readonly number[]): number {
  return trimmedMean(xs, 0.25);
}

/** rliable's optimality gap: gamma - mean(min(x, gamma)). */
export function optimalityGap(xs: readonly number[], gamma = 1): number {
  if (xs.length === 0) return Number.NaN;
  let s = 0;
  for (const x of xs) s += Math.min(x, gamma);
  return gamma - s / xs.length;
}

/** P(X > Y) over the columns where both are present (ties 1/2), with the number of such columns. */
export function probabilityOfImprovement(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  columns?: readonly number[],
): { estimate: number; columns: number } {
  const idx = columns ?? Array.from({ length: x.length }, (_, i) => i);
  let s = 0;
  let n = 0;
  for (const c of idx) {
    if (Number.isNaN(x[c]) || Number.isNaN(y[c])) continue;
    n++;
    s += x[c] > y[c] ? 1 : x[c] === y[c] ? 0.5 : 0;
  }
  return { estimate: n === 0 ? Number.NaN : s / n, columns: n };
}

/** One stratified resample of column indices: within each stratum, as many draws with replacement as it has columns. */
export function stratifiedColumnResample(strata: readonly number[], rng: Rng): number[] {
  const groups = new Map<number, number[]>();
  strata.forEach((s, c) => {
    const g = groups.get(s);
    if (g) g.push(c);
    else groups.set(s, [c]);
  });
  const out: number[] = [];
  for (const cols of groups.values()) {
    for (let i = 0; i < cols.length; i++) out.push(cols[uniformIndex(rng, cols.length)]);
  }
  return out;
}

/** Options of the robust aggregates (defaults: min-max, 1000 resamples, seed 1, one stratum, gamma 1). */
export interface RobustOptions {
  normalisation?: Normalisation;
  resamples?: number;
  seed?: number;
  strata?: readonly number[];
  gamma?: number;
}

/** IQM and optimality gap per model with their 95% intervals. */
export interface RobustAggregates {
  iqm: number[];
  iqmIntervals: [number, number][];
  gap: number[];
  gapIntervals: [number, number][];
  counts: number[];
  normalisation: Normalisation;
  resamples: number;
}

/** Default bootstrap size for the robust aggregates (they are cheap). */
export const ROBUST_DEFAULT_RESAMPLES = 1000;

function resolveStrata(matrix: ScoreMatrix, strata: readonly number[] | undefined): readonly number[] {
  const s = strata ?? matrix.columns.map(() => 0);
  if (s.length !== matrix.columns.length) {
    throw new Error(`strata: ${s.length} labels for ${matrix.columns.length} columns`);
  }
  return s;
}

/**
 * Bootstrap draws of one robust aggregate for every model: draws[m][r] for replicate r (columns
 * chunkRng(seed, r, robust stream)). A replicate is summarised by how many times it drew each
 * column, so a model's statistic costs O(K) with no sort: its present columns are sorted once, and
 * the IQM walks them in ascending order, each value repeated as often as drawn (the same sum in the
 * same order as sorting the drawn values); the gap adds min(x, gamma) over the drawn columns in
 * draw order (as before).
 */
function bootstrapDraws(
  norm: ScoreMatrix,
  which: "iqm" | "gap",
  strata: readonly number[],
  resamples: number,
  seed: number,
  gamma: number,
): Float64Array[] {
  const n = norm.models.length;
  const k = norm.columns.length;
  const g = matrixGrid(norm);
  const rows = norm.models.map((_, m) => rowView(g, m));
  const draws = norm.models.map(() => new Float64Array(resamples));
  // Each model's present columns, by ascending value (IQM), or in column order (gap).
  const sortedCols = norm.models.map((_, m) => {
    const cols: number[] = [];
    for (let c = 0; c < k; c++) if (!isMissing(at(g, m, c))) cols.push(c);
    return which === "iqm" ? cols.sort((a, b) => at(g, m, a) - at(g, m, b)) : cols;
  });
  const times = new Int32Array(k);
  for (let r = 0; r < resamples; r++) {
    const cols = stratifiedColumnResample(strata, chunkRng(seed, r, RNG_STREAMS.robust));
    if (which === "gap") {
      for (let m = 0; m < n; m++) draws[m][r] = gapOfDrawn(rows[m], cols, gamma);
      continue;
    }
    times.fill(0);
    for (const c of cols) times[c]++;
    for (let m = 0; m < n; m++) draws[m][r] = iqmOfCounts(rows[m], sortedCols[m], times);
  }
  return draws;
}

/** optimalityGap of a row's drawn columns, missing cells skipped, summed in draw order. */
function gapOfDrawn(row: Float64Array, cols: readonly number[], gamma: number): number {
  let s = 0;
  let n = 0;
  for (const c of cols) {
    const v = row[c];
    if (isMissing(v)) continue;
    s += Math.min(v, gamma);
    n++;
  }
  return n === 0 ? Number.NaN : gamma - s / n;
}

/** interquartileMean of a row's drawn values, from its columns in ascending order and the times each was drawn. */
function iqmOfCounts(row: Float64Array, ascending: readonly number[], times: Int32Array): number {
  let total = 0;
  for (const c of ascending) total += times[c];
  if (total === 0) return Number.NaN;
  const drop = Math.floor(0.25 * total);
  let s = 0;
  let pos = 0; // index, in the sorted drawn values, of the next copy
  for (const c of ascending) {
    const copies = times[c];
    const v = row[c];
    for (let t = 0; t < copies; t++, pos++) if (pos >= drop && pos < total - drop) s += v;
    if (pos >= total - drop) break;
  }
  return s / (total - 2 * drop);
}

/** IQM (which = "iqm") or optimality gap of every model on the normalised matrix, with bootstrap intervals. */
function robustAggregate(matrix: ScoreMatrix, which: "iqm" | "gap", options: RobustOptions) {
  const how = options.normalisation ?? "minmax";
  const resamples = options.resamples ?? ROBUST_DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const gamma = options.gamma ?? 1;
  const strata = resolveStrata(matrix, options.strata);
  const norm = normalise(matrix, how);
  const rows = norm.models.map((_, m) => presentValues(norm, m));
  const point = rows.map((xs) => (which === "iqm" ? interquartileMean(xs) : optimalityGap(xs, gamma)));
  const draws = bootstrapDraws(norm, which, strata, resamples, seed, gamma);
  // Sorted natively first (NaN last), percentileInterval then sorts an already sorted copy, in linear time.
  const intervals = draws.map((d) => percentileInterval(d.sort()));
  return { point, intervals, counts: rows.map((xs) => xs.length), normalisation: how, resamples };
}

/** IQM and optimality gap of every model (on the normalised matrix), with bootstrap intervals. */
export function robustAggregates(matrix: ScoreMatrix, options: RobustOptions = {}): RobustAggregates {
  const iqm = robustAggregate(matrix, "iqm", options);
  const gap = robustAggregate(matrix, "gap", options);
  return {
    iqm: iqm.point,
    iqmIntervals: iqm.intervals,
    gap: gap.point,
    gapIntervals: gap.intervals,
    counts: iqm.counts,
    normalisation: iqm.normalisation,
    resamples: iqm.resamples,
  };
}

/** P(X > Y) between models a and b with a seeded stratified-bootstrap 95% interval (scale-free: no normalisation). */
export function probabilityOfImprovementInterval(
  matrix: ScoreMatrix,
  a: number,
  b: number,
  options: Omit<RobustOptions, "normalisation" | "gamma"> = {},
): { estimate: number; interval: [number, number]; columns: number } {
  const resamples = options.resamples ?? ROBUST_DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const strata = resolveStrata(matrix, options.strata);
  const x = rowView(matrixGrid(matrix), a);
  const y = rowView(matrixGrid(matrix), b);
  const { estimate, columns } = probabilityOfImprovement(x, y);
  const draws = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    const cols = stratifiedColumnResample(strata, chunkRng(seed, r, RNG_STREAMS.robust));
    draws[r] = probabilityOfImprovement(x, y, cols).estimate;
  }
  return { estimate, interval: percentileInterval(draws), columns };
}

function robustNotes(agg: { normalisation: Normalisation; resamples: number; counts: number[] }, total: number, seed: number): string[] {
  return [
    `normalisation: ${agg.normalisation} (${normalisationDefinitions[agg.normalisation]})`,
    `${bootstrapDescription}; ${agg.resamples} resamples, seed ${seed}`,
    ...missingNotes(agg.counts, total),
  ];
}

/** Registry entry point: interquartile mean. */
export function rankByIqm(matrix: ScoreMatrix, options: RankingOptions = {}): RankingResult {
  const agg = robustAggregate(matrix, "iqm", options);
  return {
    scores: agg.point,
    ranks: competitionRanks(agg.point),
    intervals: agg.intervals,
    notes: robustNotes(agg, matrix.columns.length, options.seed ?? DEFAULT_SEED),
    details: { "columns scored": agg.counts },
  };
}

/** Registry entry point: optimality gap (scores = -gap so that higher is better; intervals are of -gap). */
export function rankByOptimalityGap(matrix: ScoreMatrix, options: RankingOptions = {}): RankingResult {
  const agg = robustAggregate(matrix, "gap", options);
  const scores = agg.point.map((g) => -g);
  const notes = robustNotes(agg, matrix.columns.length, options.seed ?? DEFAULT_SEED);
  if (agg.normalisation === "minmax") {
    notes.push("with min-max scores (all <= 1) and gamma = 1 the gap is 1 - mean, so it orders models exactly as the min-max mean");
  } else {
    notes.push(`gamma = 1 is meaningful only when 1 is the target score on every column (normalisation here: ${agg.normalisation})`);
  }
  return {
    scores,
    ranks: competitionRanks(scores),
    intervals: agg.intervals.map(([lo, hi]): [number, number] => [-hi, -lo]),
    notes,
    details: { "optimality gap": agg.point, "columns scored": agg.counts },
  };
}
