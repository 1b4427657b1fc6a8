/**
 * Online Elo over battles, kept as a legacy view: its result depends on the order of the battles,
 * so it is run over many random orders and summarised by the median and a 95% range. The orders are
 * shared among threads (see Resampling): order r depends on the seed and r alone.
 */

import { thousands } from "../digits.js";
import { chunkRng } from "../engine/rng.js";
import { competitionRanks, DEFAULT_SEED, median, percentileInterval, RNG_STREAMS } from "../stats/stats.js";
import { type BattleCounts, type BattleList, expandBattles } from "./battles.js";
import { bucketedShuffle, playPacked, type ShuffleWork, shuffleWork, strengths } from "./elo-orders.js";
import type { ScoreMatrix } from "./matrix.js";
import { battleCount, countPair, playedModels, sharedBuffer } from "./pairs.js";
import { type RankingOptions, type RankingResult, type Resampling, runResampling } from "./types.js";

/**
 * Elo is not computed when its orders would replay more battles than this in all (about 25 s of
 * one core), or when its battles alone would not fit in 256 MB. It cannot be sampled instead: its
 * ratings keep spreading as battles accumulate (at 1,756 models x 6 columns the leader's rating
 * still rises by 90 points between 2^23 and 2^25 battles), so a sample of the battles gives another
 * result, not an estimate of this one.
 */
export const ELO_MAX_UPDATES = 2 ** 31;
export const ELO_MAX_BATTLES = 2 ** 26;

/** Elo (legacy): start 1000, E_a = 1/(1+10^((R_b-R_a)/400)), R_a += K(S_a-E_a), R_b -= K(S_a-E_a), K = 4; median over R seeded random battle orders. */
export const definition =
  "Elo (legacy, order-dependent): ratings start at 1000; after each battle, with E_a = 1 / (1 + 10^((R_b - R_a) / 400)) " +
  "and S_a = 1, 1/2 or 0, R_a += K (S_a - E_a) and R_b -= K (S_a - E_a), K = 4; the rating is the median over R random " +
  "battle orders (seeded; each a uniformly random permutation drawn by a bucketed shuffle: every battle draws a random " +
  "bucket, then each cache-sized bucket is shuffled and played in turn), with the 2.5%-97.5% range of those orders as " +
  "interval. O(battles) per order; not computed (said in the notes) above 2^31 battle updates in all or 2^26 battles.";

/** Default number of random battle orders. */
export const ELO_DEFAULT_ORDERS = 100;
/** Default K factor. */
export const ELO_DEFAULT_K = 4;
/** Everyone's starting rating. */
export const ELO_START = 1000;
const LN10_OVER_400 = Math.LN10 / 400;

/** One pass of Elo over the battles in the given order (default: list order): the definition, written out. */
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

/** Each battle of a list as one word: a * 2^17 + b * 4 + outcome (0: b wins, 1: tie, 2: a wins). */
export function packBattles(list: BattleList): Uint32Array {
  const out = new Uint32Array(sharedBuffer(list.a.length * 4));
  for (let i = 0; i < out.length; i++) out[i] = list.a[i] * 131072 + list.b[i] * 4 + list.scoreA[i] * 2;
  return out;
}

/** The battles of a matrix packed in expandBattles' order (pairs a < b: a's wins, b's, then ties), without the float tables. */
function packMatrixBattles(matrix: ScoreMatrix, total: number): Uint32Array {
  const n = matrix.models.length;
  const k = matrix.columns.length;
  const out = new Uint32Array(sharedBuffer(total * 4));
  const c = new Int32Array(3);
  let i = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      countPair(matrix.values, k, a, b, c);
      const code = a * 131072 + b * 4;
      for (let t = 0; t < c[0]; t++) out[i++] = code + 2;
      for (let t = 0; t < c[1]; t++) out[i++] = code;
      for (let t = 0; t < c[2]; t++) out[i++] = code + 1;
    }
  }
  return out;
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

/** What the orders read: the packed battles, or null when there are too many to replay (see ELO_MAX_UPDATES). */
export interface EloPrepared {
  models: number;
  orders: number;
  seed: number;
  k: number;
  battles: number;
  packed: Uint32Array | null;
  played: Uint8Array;
}

function checked(models: number, options: EloOptions) {
  const orders = options.resamples ?? ELO_DEFAULT_ORDERS;
  if (!(orders >= 1)) throw new Error("Elo needs at least one battle order");
  if (models > MAX_PACKED_MODELS) throw new Error(`Elo: at most ${MAX_PACKED_MODELS} models (got ${models})`);
  return { orders, seed: options.seed ?? DEFAULT_SEED, k: options.k ?? ELO_DEFAULT_K };
}

/** Whether orders x battles is within what Elo replays (ELO_MAX_UPDATES, ELO_MAX_BATTLES). */
export function eloFeasible(battles: number, orders: number): boolean {
  return battles <= ELO_MAX_BATTLES && battles * orders <= ELO_MAX_UPDATES;
}

/** Elo's orders over a matrix: every battle listed once, packed (none when too many to replay). */
export function prepareElo(matrix: ScoreMatrix, options: EloOptions): EloPrepared {
  const n = matrix.models.length;
  const base = checked(n, options);
  const battles = battleCount(matrix);
  const played = Uint8Array.from(playedModels(matrix), (p) => (p ? 1 : 0));
  const packed = eloFeasible(battles, base.orders) ? packMatrixBattles(matrix, battles) : null;
  return { ...base, models: n, battles, packed, played };
}

/** Ratings after orders from .. to - 1, one row of `models` ratings each; order r from chunkRng(seed, r, Elo stream). */
export function eloDraws(p: EloPrepared, from: number, to: number, scratch: Map<string, unknown>): Float64Array {
  const n = p.models;
  const out = new Float64Array((to - from) * n);
  const r = new Float64Array(n);
  const q = new Float64Array(n);
  const { packed } = p;
  if (!packed) return out.fill(Number.NaN);
  const key = `elo ${packed.length}`;
  let work = scratch.get(key) as ShuffleWork | undefined;
  if (!work) {
    work = shuffleWork(packed.length);
    scratch.set(key, work);
  }
  const shuffled = work.out;
  for (let o = from; o < to; o++) {
    r.fill(ELO_START);
    strengths(r, q);
    bucketedShuffle(packed, chunkRng(p.seed, o, RNG_STREAMS.elo), work, (lo, hi) => playPacked(shuffled, lo, hi, r, q, p.k));
    out.set(r, (o - from) * n);
  }
  return out;
}

/** Medians and 2.5%-97.5% ranges over the orders; a model without a battle keeps the start value in every order: it has no rating. */
export function eloFinish(p: EloPrepared, draws: Float64Array): EloRatings {
  const n = p.models;
  const column = new Float64Array(p.orders);
  const ratings: number[] = [];
  const intervals: [number, number][] = [];
  for (let m = 0; m < n; m++) {
    for (let o = 0; o < p.orders; o++) column[o] = draws[o * n + m];
    column.sort(); // native numeric sort: median and percentileInterval then sort an already sorted copy, in linear time
    const rated = p.played[m] && p.packed !== null;
    ratings.push(rated ? median(column) : Number.NaN);
    intervals.push(rated ? percentileInterval(column) : [Number.NaN, Number.NaN]);
  }
  return { ratings, intervals, orders: p.orders, battles: p.battles };
}

/** Elo over `orders` random permutations of the battles; order r is drawn from chunkRng(seed, r, elo stream). */
export function eloRatings(counts: BattleCounts, options: EloOptions = {}): EloRatings {
  const n = counts.models.length;
  const base = checked(n, options);
  const list = expandBattles(counts);
  const played = new Uint8Array(n);
  for (let i = 0; i < list.a.length; i++) played[list.a[i]] = played[list.b[i]] = 1;
  const p: EloPrepared = { ...base, models: n, battles: list.a.length, packed: packBattles(list), played };
  return eloFinish(p, eloDraws(p, 0, p.orders, new Map()));
}

function notesOf(p: EloPrepared, elo: EloRatings): string[] {
  if (!p.packed) {
    return [
      `not computed: ${elo.orders} orders of ${thousands(elo.battles)} battles would replay ` +
        `${thousands(elo.orders * elo.battles)} battles, beyond the limit of ${thousands(ELO_MAX_UPDATES)} ` +
        `(or ${thousands(ELO_MAX_BATTLES)} battles at all); Elo replays every battle in every order and cannot be ` +
        "sampled (its ratings keep spreading as battles accumulate): use Bradley-Terry, or fewer orders with --resamples",
    ];
  }
  const notes = [
    "legacy view: online Elo depends on battle order; prefer Bradley-Terry for a static table",
    `K = ${p.k}, ${elo.battles} battles (one per pair per column), median of ${elo.orders} random orders, seed ${p.seed}`,
    "the interval is the spread over battle orders, not a sampling interval",
  ];
  const unrated = elo.ratings.filter((r) => Number.isNaN(r)).length;
  if (unrated > 0) notes.push(`${unrated} model(s) have no battle (no column shared with another model) and are unrated`);
  return notes;
}

/** The registry's resampling: prepare (packed battles), draws (one order each), finish (medians, ranges, notes). */
export const eloResampling: Resampling<EloPrepared> = {
  prepare: (matrix: ScoreMatrix, options: RankingOptions) =>
    prepareElo(matrix, { resamples: options.resamples, seed: options.seed, k: options.eloK }),
  count: (p) => p.orders,
  draws: eloDraws,
  finish: (p, draws): RankingResult => {
    const elo = eloFinish(p, draws);
    return { scores: elo.ratings, ranks: competitionRanks(elo.ratings), intervals: elo.intervals, notes: notesOf(p, elo) };
  },
};

/** Registry entry point. */
export function rankByElo(matrix: ScoreMatrix, options: RankingOptions = {}): RankingResult {
  return runResampling(eloResampling, matrix, options);
}
