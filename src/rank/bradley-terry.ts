/**
 * Bradley-Terry ratings by ridge-penalised maximum likelihood on battle counts (ties are half a
 * win each way), centred at 1000 without anchoring, with seeded Poisson-bootstrap intervals whose
 * resamples threads can share (see Resampling).
 */

import { chunkRng } from "../engine/rng.js";
import { DEFAULT_SEED, percentileInterval, RNG_STREAMS } from "../stats/stats.js";
import type { BattleCounts } from "./battles.js";
import { BT_DEFAULT_RIDGE, fitPairTable, MAX_SWEEPS } from "./bradley-terry-fit.js";
import {
  type BattleTable,
  battleTableFromCounts,
  battleTableFromMatrix,
  emptyTable,
  type PairTable,
  tableGroups,
  tablePlayed,
} from "./bradley-terry-table.js";
import type { ScoreMatrix } from "./matrix.js";
import { type PoissonSampler, poissonResample, poissonSampler } from "./poisson.js";
import { type RankingOptions, type RankingResult, type Resampling, runResampling } from "./types.js";

export { type BradleyTerryFit, BT_DEFAULT_RIDGE, battleGroups, fitBradleyTerry } from "./bradley-terry-fit.js";

/** Bradley-Terry: P(a beats b) = sigmoid(ln10 (beta_a - beta_b)), ridge-penalised MLE, rating 400 beta + 1000 (mean 1000), Poisson-bootstrap intervals, interval ranks. */
export const definition =
  "Bradley-Terry: P(a beats b) = 1 / (1 + 10^-(beta_a - beta_b)), fitted by maximum likelihood on the battle counts " +
  "(a tie is half a win each way) with a ridge penalty (lambda / 2) sum beta^2 so that a model that never loses stays " +
  "finite; rating = 400 beta + 1000 (mean 1000, no anchor model); 95% intervals from a seeded Poisson bootstrap of the " +
  "battles (each pair's count of each outcome redrawn as Poisson of that count, O(M^2) per resample; each resample " +
  "refitted from the full-data estimate until no beta moves by 1% of the smallest standard error) with the 2.5% and 97.5% " +
  "quantiles; rank(m) = 1 + number of models whose lower bound exceeds m's upper bound.";

/** Default number of bootstrap resamples. */
export const BT_DEFAULT_RESAMPLES = 100;
/**
 * A bootstrap refit stops when no beta moves by more than this share of the smallest standard error
 * (1 / sqrt of a model's diagonal Fisher information at the full-data fit): its error is then about
 * 1% of a standard error, against a Monte Carlo error of the 2.5% quantile of 100 resamples near 30%.
 */
const BOOTSTRAP_REL_TOL = 0.01;
/** Never tighter than this (4e-5 rating points). */
const BOOTSTRAP_MIN_TOL = 1e-7;
/**
 * Over-relaxation of the full-data fit's short steps (see FitSettings.relax): from zero it halves the
 * sweeps (58 to 29 at 1,756 models, 51 to 28 at 5,000). Warm-started refits do not gain from it.
 */
const FULL_FIT_RELAX = 1.3;
/** Counts above this get 64-bit resample tables (a Poisson draw of them could pass 16 bits). */
const NARROW_MAX_COUNT = 16384;

/** rank(m) = 1 + number of models whose lower bound exceeds m's upper bound. */
export function intervalRanks(intervals: ReadonlyArray<readonly [number, number]>): number[] {
  const lows = intervals.map(([lo]) => lo).filter((lo) => !Number.isNaN(lo));
  lows.sort((a, b) => a - b);
  // Models whose lower bound exceeds hi: those after the last lower bound <= hi (binary search), not a scan per model.
  return intervals.map(([, hi]) => {
    let lo = 0;
    let up = lows.length;
    while (lo < up) {
      const mid = (lo + up) >>> 1;
      if (lows[mid] > hi) up = mid;
      else lo = mid + 1;
    }
    return 1 + lows.length - lo;
  });
}

/** Options of bradleyTerryRatings (defaults: ridge 0.01, 100 resamples, seed 1). */
export interface BradleyTerryOptions {
  ridge?: number;
  resamples?: number;
  seed?: number;
}

/** Ratings, 95% bootstrap intervals and interval ranks, with what produced them. */
export interface BradleyTerryRatings {
  ratings: number[];
  intervals: [number, number][];
  ranks: number[];
  ridge: number;
  resamples: number;
  groups: number;
  converged: boolean;
}

/** The full-data fit and what the resamples read (the battle table in shared memory where possible). */
export interface BradleyTerryPrepared {
  table: BattleTable;
  ridge: number;
  resamples: number;
  seed: number;
  beta: Float64Array;
  played: Uint8Array;
  groups: number;
  converged: boolean;
  /** Convergence threshold of the refits (beta units). */
  tol: number;
  /** Resample tables 64-bit (counts above 16,384). */
  wide: boolean;
  /** Largest count to redraw (bounds the Poisson tables). */
  maxCount: number;
}

const toRating = (b: number) => 400 * b + 1000;

/** The full-data fit of a battle table, with the settings of its bootstrap. */
export function prepareBradleyTerry(table: BattleTable, options: BradleyTerryOptions): BradleyTerryPrepared {
  const ridge = options.ridge ?? BT_DEFAULT_RIDGE;
  const resamples = options.resamples ?? BT_DEFAULT_RESAMPLES;
  const { group, groups } = tableGroups(table);
  const fit = fitPairTable(table, ridge, { groups: group, relax: FULL_FIT_RELAX });
  let maxCount = 0;
  for (let i = 0; i < table.win2.length; i++) maxCount = Math.max(maxCount, table.win2[i]);
  if (resamples > 0 && table.win2 instanceof Float64Array) {
    for (let i = 0; i < table.win2.length; i++) {
      if (!Number.isInteger((table.win2[i] - table.ties[i]) / 2) || !Number.isInteger(table.ties[i])) {
        throw new Error("Bradley-Terry bootstrap: battle counts must be whole numbers");
      }
    }
  }
  let minSe = Number.POSITIVE_INFINITY;
  for (const c of fit.curvature) if (c > 0) minSe = Math.min(minSe, 1 / Math.sqrt(c));
  return {
    table,
    ridge,
    resamples,
    seed: options.seed ?? DEFAULT_SEED,
    beta: fit.beta,
    played: tablePlayed(table),
    groups,
    converged: fit.converged,
    tol: Math.max(BOOTSTRAP_MIN_TOL, BOOTSTRAP_REL_TOL * (Number.isFinite(minSe) ? minSe : 1)),
    wide: table.win2 instanceof Float64Array || maxCount > 2 * NARROW_MAX_COUNT,
    maxCount,
  };
}

/**
 * Ratings of resamples from .. to - 1, one row of n + 1 values each: the n ratings (NaN for a model
 * that drew no battle in that resample) and 1 if the refit converged. Resample r is drawn from
 * chunkRng(seed, r, Bradley-Terry stream) and refitted from the full-data estimate.
 */
export function bradleyTerryDraws(p: BradleyTerryPrepared, from: number, to: number, scratch: Map<string, unknown>): Float64Array {
  const n = p.table.n;
  const key = `bradley-terry ${n} ${p.wide}`;
  let work = scratch.get(key) as { table: PairTable; sampler: PoissonSampler } | undefined;
  if (!work) {
    const t = emptyTable(n, p.wide);
    work = { table: { n, win2: t.win2, games: t.games }, sampler: poissonSampler(p.maxCount) };
    scratch.set(key, work);
  }
  const out = new Float64Array((to - from) * (n + 1));
  for (let r = from; r < to; r++) {
    poissonResample(p.table, work.table, work.sampler, chunkRng(p.seed, r, RNG_STREAMS.bradleyTerry));
    const { group } = tableGroups(work.table);
    const fit = fitPairTable(work.table, p.ridge, { start: p.beta, tol: p.tol, groups: group });
    const inResample = tablePlayed(work.table);
    const row = (r - from) * (n + 1);
    for (let m = 0; m < n; m++) out[row + m] = inResample[m] ? toRating(fit.beta[m]) : Number.NaN;
    out[row + n] = fit.converged ? 1 : 0;
  }
  return out;
}

/** Ratings, intervals (percentiles of the resamples' ratings) and interval ranks. */
export function bradleyTerryFinish(p: BradleyTerryPrepared, draws: Float64Array): BradleyTerryRatings {
  const n = p.table.n;
  const width = n + 1;
  let converged = p.converged;
  for (let r = 0; r < p.resamples; r++) converged &&= draws[r * width + n] === 1;
  // A model with no battle at all has no rating (the ridge alone would put it at 1000).
  const ratings = Array.from(p.beta, (b, m) => (p.played[m] ? toRating(b) : Number.NaN));
  const column = new Float64Array(p.resamples);
  const intervals = ratings.map((x, m): [number, number] => {
    if (!p.played[m]) return [Number.NaN, Number.NaN];
    if (p.resamples === 0) return [x, x];
    for (let r = 0; r < p.resamples; r++) column[r] = draws[r * width + m];
    column.sort(); // native numeric sort (NaN last): percentileInterval then sorts a sorted copy, in linear time
    return percentileInterval(column);
  });
  const ranks = intervalRanks(intervals).map((r, m) => (p.played[m] ? r : Number.NaN));
  return { ratings, intervals, ranks, ridge: p.ridge, resamples: p.resamples, groups: p.groups, converged };
}

/** Ratings 400 beta + 1000 from the full data, bootstrap intervals (replicate r uses chunkRng(seed, r, BT stream)). */
export function bradleyTerryRatings(counts: BattleCounts, options: BradleyTerryOptions = {}): BradleyTerryRatings {
  const p = prepareBradleyTerry(battleTableFromCounts(counts), options);
  return bradleyTerryFinish(p, bradleyTerryDraws(p, 0, p.resamples, new Map()));
}

function notesOf(bt: BradleyTerryRatings, seed: number): string[] {
  const notes = [
    `ridge penalty lambda = ${bt.ridge} on beta (keeps models that never lose finite; shrinks ratings slightly toward 1000)`,
    `ratings centred at mean 1000, no anchor model; ${bt.resamples} Poisson bootstrap resamples of the battles, seed ${seed}`,
    "rank = 1 + number of models whose whole interval lies above this model's (models that cannot be separated share a rank)",
  ];
  if (bt.groups > 1) {
    notes.push(`${bt.groups} groups of models never met (directly or indirectly): ratings are comparable only within a group`);
  }
  const unplayed = bt.ratings.filter((r) => Number.isNaN(r)).length;
  if (unplayed > 0) notes.push(`${unplayed} model(s) have no battle (no column shared with another model) and are unrated`);
  if (!bt.converged) notes.push(`fit did not converge within ${MAX_SWEEPS} sweeps: ratings are approximate`);
  return notes;
}

/** The registry's resampling: prepare (table and full fit), draws (refitted resamples), finish (intervals, ranks, notes). */
export const bradleyTerryResampling: Resampling<BradleyTerryPrepared> = {
  prepare: (matrix: ScoreMatrix, options: RankingOptions) =>
    prepareBradleyTerry(battleTableFromMatrix(matrix), { ridge: options.ridge, resamples: options.resamples, seed: options.seed }),
  count: (p) => p.resamples,
  draws: bradleyTerryDraws,
  finish: (p, draws): RankingResult => {
    const bt = bradleyTerryFinish(p, draws);
    return { scores: bt.ratings, ranks: bt.ranks, intervals: bt.intervals, notes: notesOf(bt, p.seed) };
  },
};

/** Registry entry point. Ranks are interval ranks; scores are the point ratings. */
export function rankByBradleyTerry(matrix: ScoreMatrix, options: RankingOptions = {}): RankingResult {
  return runResampling(bradleyTerryResampling, matrix, options);
}
