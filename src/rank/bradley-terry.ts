/**
 * Bradley-Terry ratings by ridge-penalised maximum likelihood on battle counts (ties are half a
 * win each way), centred at 1000 without anchoring, with seeded multinomial-bootstrap intervals.
 */

import { chunkRng } from "../engine/rng.js";
import { DEFAULT_SEED, percentileInterval, RNG_STREAMS, type Rng, uniformIndex } from "../stats/stats.js";
import { type BattleCounts, battlesFromMatrix, pairBattles, totalBattles } from "./battles.js";
import { BT_DEFAULT_RIDGE, battleGroups, fitBradleyTerry, MAX_SWEEPS } from "./bradley-terry-fit.js";
import type { ScoreMatrix } from "./matrix.js";
import type { RankingOptions, RankingResult } from "./types.js";

export { type BradleyTerryFit, BT_DEFAULT_RIDGE, battleGroups, fitBradleyTerry } from "./bradley-terry-fit.js";

/** Bradley-Terry: P(a beats b) = sigmoid(ln10 (beta_a - beta_b)), ridge-penalised MLE, rating 400 beta + 1000 (mean 1000), bootstrap intervals, interval ranks. */
export const definition =
  "Bradley-Terry: P(a beats b) = 1 / (1 + 10^-(beta_a - beta_b)), fitted by maximum likelihood on the battle counts " +
  "(a tie is half a win each way) with a ridge penalty (lambda / 2) sum beta^2 so that a model that never loses stays " +
  "finite; rating = 400 beta + 1000 (mean 1000, no anchor model); 95% intervals from a seeded multinomial bootstrap " +
  "of the battles (2.5% and 97.5% quantiles); rank(m) = 1 + number of models whose lower bound exceeds m's upper bound.";

/** Default number of multinomial bootstrap resamples. */
export const BT_DEFAULT_RESAMPLES = 100;
/** Bootstrap replicates stop earlier: 1e-7 beta = 4e-5 rating points, far below any interval width. */
const BOOTSTRAP_TOL = 1e-7;

/** rank(m) = 1 + number of models whose lower bound exceeds m's upper bound. */
export function intervalRanks(intervals: ReadonlyArray<readonly [number, number]>): number[] {
  return intervals.map(([, hi]) => 1 + intervals.filter(([lo]) => lo > hi).length);
}

/**
 * A sampler of multinomial resamples of the battles: each call draws as many battles as there are,
 * uniformly with replacement (one uniform index into the list of battles per draw).
 */
export function battleResampler(counts: BattleCounts): (rng: Rng) => BattleCounts {
  const n = counts.models.length;
  const total = totalBattles(counts);
  if (!Number.isInteger(total)) throw new Error("Bradley-Terry bootstrap: battle counts must be whole numbers");
  // Battles are listed cell by cell; cell c = (a, b, kind) with a < b (kind 0 = a wins, 1 = b wins,
  // 2 = tie) holds battles cellStart[c] .. cellStart[c + 1] - 1.
  const cellStart: number[] = [0];
  const cellA: number[] = [];
  const cellB: number[] = [];
  const cellKind: number[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const sizes = [counts.wins[a * n + b], counts.wins[b * n + a], counts.ties[a * n + b]];
      for (let kind = 0; kind < 3; kind++) {
        if (sizes[kind] <= 0) continue;
        cellStart.push(cellStart[cellStart.length - 1] + sizes[kind]);
        cellA.push(a);
        cellB.push(b);
        cellKind.push(kind);
      }
    }
  }
  // Times each battle is drawn: one increment per draw, then each cell's battles summed in order
  // (a draw used to look its cell up in a per-battle table first: two cache misses per draw instead
  // of one on large fields, for the same counts).
  const times = new Uint32Array(total);
  return (rng) => {
    times.fill(0);
    for (let t = 0; t < total; t++) times[uniformIndex(rng, total)]++;
    const drawn = new Float64Array(cellA.length);
    for (let c = 0; c < drawn.length; c++) {
      let sum = 0;
      for (let i = cellStart[c]; i < cellStart[c + 1]; i++) sum += times[i];
      drawn[c] = sum;
    }
    const out: BattleCounts = { models: [...counts.models], wins: new Float64Array(n * n), ties: new Float64Array(n * n) };
    drawn.forEach((times, c) => {
      const a = cellA[c];
      const b = cellB[c];
      if (cellKind[c] === 0) out.wins[a * n + b] = times;
      else if (cellKind[c] === 1) out.wins[b * n + a] = times;
      else {
        out.ties[a * n + b] = times;
        out.ties[b * n + a] = times;
      }
    });
    return out;
  };
}

/** One multinomial resample of the battles (see battleResampler). */
export function resampleBattles(counts: BattleCounts, rng: Rng): BattleCounts {
  return battleResampler(counts)(rng);
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

/** Ratings 400 beta + 1000 from the full data, bootstrap intervals (replicate r uses chunkRng(seed, r, BT stream)). */
export function bradleyTerryRatings(counts: BattleCounts, options: BradleyTerryOptions = {}): BradleyTerryRatings {
  const ridge = options.ridge ?? BT_DEFAULT_RIDGE;
  const resamples = options.resamples ?? BT_DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const fit = fitBradleyTerry(counts, ridge);
  const toRating = (b: number) => 400 * b + 1000;
  const n = counts.models.length;
  const draws = counts.models.map(() => new Float64Array(resamples));
  let converged = fit.converged;
  const resample = battleResampler(counts);
  for (let r = 0; r < resamples; r++) {
    const resampled = resample(chunkRng(seed, r, RNG_STREAMS.bradleyTerry));
    const boot = fitBradleyTerry(resampled, ridge, fit.beta, BOOTSTRAP_TOL);
    converged &&= boot.converged;
    // A model that drew no battle in this resample has no rating there (the draw is dropped).
    const inResample = playedModels(resampled);
    for (let m = 0; m < n; m++) draws[m][r] = inResample[m] ? toRating(boot.beta[m]) : Number.NaN;
  }
  // A model with no battle at all has no rating (the ridge alone would put it at 1000).
  const played = playedModels(counts);
  const ratings = Array.from(fit.beta, (b, m) => (played[m] ? toRating(b) : Number.NaN));
  const intervals: [number, number][] = ratings.map((x, m): [number, number] =>
    !played[m] ? [Number.NaN, Number.NaN] : resamples > 0 ? percentileInterval(draws[m]) : [x, x],
  );
  const ranks = intervalRanks(intervals).map((r, m) => (played[m] ? r : Number.NaN));
  return {
    ratings,
    intervals,
    ranks,
    ridge,
    resamples,
    groups: new Set(battleGroups(counts)).size,
    converged,
  };
}

/** Whether each model has at least one battle. */
function playedModels(counts: BattleCounts): boolean[] {
  const n = counts.models.length;
  return counts.models.map((_, m) => {
    for (let b = 0; b < n; b++) if (b !== m && pairBattles(counts, m, b) > 0) return true;
    return false;
  });
}

/** Registry entry point. Ranks are interval ranks; scores are the point ratings. */
export function rankByBradleyTerry(matrix: ScoreMatrix, options: RankingOptions = {}): RankingResult {
  const seed = options.seed ?? DEFAULT_SEED;
  const bt = bradleyTerryRatings(battlesFromMatrix(matrix), { ridge: options.ridge, resamples: options.resamples, seed });
  const notes = [
    `ridge penalty lambda = ${bt.ridge} on beta (keeps models that never lose finite; shrinks ratings slightly toward 1000)`,
    `ratings centred at mean 1000, no anchor model; ${bt.resamples} multinomial bootstrap resamples of the battles, seed ${seed}`,
    "rank = 1 + number of models whose whole interval lies above this model's (models that cannot be separated share a rank)",
  ];
  if (bt.groups > 1) {
    notes.push(`${bt.groups} groups of models never met (directly or indirectly): ratings are comparable only within a group`);
  }
  const unplayed = bt.ratings.filter((r) => Number.isNaN(r)).length;
  if (unplayed > 0) notes.push(`${unplayed} model(s) have no battle (no column shared with another model) and are unrated`);
  if (!bt.converged) notes.push(`fit did not converge within ${MAX_SWEEPS} sweeps: ratings are approximate`);
  return { scores: bt.ratings, ranks: bt.ranks, intervals: bt.intervals, notes };
}
