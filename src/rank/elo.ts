/**
 * Online Elo over battles, kept as a legacy view: its result depends on the order of the battles,
 * so it is run over many random orders and summarised by the median and a 95% range.
 */

import { chunkRng } from "../engine/rng.js";
import { competitionRanks, DEFAULT_SEED, median, percentileInterval, RNG_STREAMS, shuffleInPlace } from "../stats/stats.js";
import { type BattleCounts, type BattleList, battlesFromMatrix, expandBattles } from "./battles.js";
import type { ScoreMatrix } from "./matrix.js";
import type { RankingOptions, RankingResult } from "./types.js";

/** Elo (legacy): start 1000, E_a = 1/(1+10^((R_b-R_a)/400)), R_a += K(S_a-E_a), R_b -= K(S_a-E_a), K = 4; median over R seeded random battle orders. */
export const definition =
  "Elo (legacy, order-dependent): ratings start at 1000; after each battle, with E_a = 1 / (1 + 10^((R_b - R_a) / 400)) " +
  "and S_a = 1, 1/2 or 0, R_a += K (S_a - E_a) and R_b -= K (S_a - E_a), K = 4; the rating is the median over R random " +
  "battle orders (seeded), with the 2.5%-97.5% range of those orders as interval.";

/** Default number of random battle orders. */
export const ELO_DEFAULT_ORDERS = 100;
/** Default K factor. */
export const ELO_DEFAULT_K = 4;
/** Everyone's starting rating. */
export const ELO_START = 1000;
const LN10_OVER_400 = Math.LN10 / 400;

/** One pass of Elo over the battles in the given order (default: list order). */
export function eloRun(list: BattleList, nModels: number, order?: ArrayLike<number>, k = ELO_DEFAULT_K, start = ELO_START): Float64Array {
  const r = new Float64Array(nModels).fill(start);
  const total = list.a.length;
  for (let t = 0; t < total; t++) {
    const i = order ? order[t] : t;
    const a = list.a[i];
    const b = list.b[i];
    const expected = 1 / (1 + Math.exp((r[b] - r[a]) * LN10_OVER_400)); // 10^((R_b - R_a) / 400)
    const delta = k * (list.scoreA[i] - expected);
    r[a] += delta;
    r[b] -= delta;
  }
  return r;
}

/** Largest field whose battles pack into 32 bits: 15 bits per model index, 2 for the outcome. */
const MAX_PACKED_MODELS = 32767;

/** Each battle as one word: a * 2^17 + b * 4 + outcome (0: b wins, 1: tie, 2: a wins). */
function packBattles(list: BattleList): Uint32Array {
  const out = new Uint32Array(list.a.length);
  for (let i = 0; i < out.length; i++) out[i] = list.a[i] * 131072 + list.b[i] * 4 + list.scoreA[i] * 2;
  return out;
}

/** eloRun over packed battles, in array order (the same arithmetic, so the same ratings). */
function eloRunPacked(battles: Uint32Array, nModels: number, k: number): Float64Array {
  const r = new Float64Array(nModels).fill(ELO_START);
  for (let t = 0; t < battles.length; t++) {
    const c = battles[t];
    const a = c >>> 17;
    const b = (c >>> 2) & 0x7fff;
    const expected = 1 / (1 + Math.exp((r[b] - r[a]) * LN10_OVER_400));
    const delta = k * ((c & 3) * 0.5 - expected);
    r[a] += delta;
    r[b] -= delta;
  }
  return r;
}

/** Options of eloRatings: resamples = number of orders (default 100), seed, K (default 4). */
export interface EloOptions {
  resamples?: number;
  seed?: number;
  k?: number;
}

/** Median ratings over the orders and their 2.5%-97.5% range. */
export interface EloRatings {
  /** Median rating over the random orders. */
  ratings: number[];
  intervals: [number, number][];
  orders: number;
  battles: number;
}

/** Elo over `orders` random permutations of the battles; order r is drawn from chunkRng(seed, r, elo stream). */
export function eloRatings(counts: BattleCounts, options: EloOptions = {}): EloRatings {
  const orders = options.resamples ?? ELO_DEFAULT_ORDERS;
  const seed = options.seed ?? DEFAULT_SEED;
  const k = options.k ?? ELO_DEFAULT_K;
  if (!(orders >= 1)) throw new Error("Elo needs at least one battle order");
  const n = counts.models.length;
  if (n > MAX_PACKED_MODELS) throw new Error(`Elo: at most ${MAX_PACKED_MODELS} models (got ${n})`);
  const list = expandBattles(counts);
  const packed = packBattles(list);
  const order = new Uint32Array(packed.length);
  const draws = counts.models.map(() => new Float64Array(orders));
  for (let o = 0; o < orders; o++) {
    // Shuffling the packed battles themselves plays them in the same order as shuffling their
    // indices (the same swaps), but the pass then reads memory in sequence instead of jumping
    // through a permutation into three arrays: 2.5x faster at 1,804 models (9.8 million battles).
    order.set(packed);
    shuffleInPlace(order, chunkRng(seed, o, RNG_STREAMS.elo));
    const r = eloRunPacked(order, n, k);
    for (let m = 0; m < n; m++) draws[m][o] = r[m];
  }
  // A model without a battle keeps the start value in every order: it has no rating.
  const played = new Uint8Array(n);
  for (let i = 0; i < list.a.length; i++) played[list.a[i]] = played[list.b[i]] = 1;
  return {
    ratings: draws.map((d, m) => (played[m] ? median(d) : Number.NaN)),
    intervals: draws.map((d, m): [number, number] => (played[m] ? percentileInterval(d) : [Number.NaN, Number.NaN])),
    orders,
    battles: list.a.length,
  };
}

/** Registry entry point. */
export function rankByElo(matrix: ScoreMatrix, options: RankingOptions = {}): RankingResult {
  const seed = options.seed ?? DEFAULT_SEED;
  const elo = eloRatings(battlesFromMatrix(matrix), { resamples: options.resamples, seed, k: options.eloK });
  return {
    scores: elo.ratings,
    ranks: competitionRanks(elo.ratings),
    intervals: elo.intervals,
    notes: [
      "legacy view: online Elo depends on battle order; prefer Bradley-Terry for a static table",
      `K = ${options.eloK ?? ELO_DEFAULT_K}, ${elo.battles} battles (one per pair per column), median of ${elo.orders} random orders, seed ${seed}`,
      "the interval is the spread over battle orders, not a sampling interval",
      ...unrated(elo.ratings),
    ],
  };
}

function unrated(ratings: readonly number[]): string[] {
  const n = ratings.filter((r) => Number.isNaN(r)).length;
  return n === 0 ? [] : [`${n} model(s) have no battle (no column shared with another model) and are unrated`];
}
