/**
 * Kemeny consensus: the order of the models that disagrees least with the per-column orders, and
 * the Kemeny distance of any ranking to those orders. Exact (dynamic programming over subsets) up
 * to KEMENY_EXACT_MAX models; a local search over an M x M table of pairwise margins up to
 * KEMENY_LOCAL_MAX; above that, adjacent swaps from the Borda order (no M x M table). Each case
 * says so in the notes.
 */

import { thousands } from "../digits.js";
import { pick, rowView } from "../grid/grid.js";
import { type BattleCounts, battlesFromMatrix } from "./battles.js";
import { bordaScores } from "./borda.js";
import { kemenyDistanceFromMatrix } from "./kemeny-distance.js";
import { matrixGrid, type ScoreMatrix } from "./matrix.js";
import { battleCount, countPair } from "./pairs.js";
import type { RankingOptions, RankingResult } from "./types.js";

export { kemenyDistanceFromMatrix, pairOrderCounts } from "./kemeny-distance.js";

/** Largest field solved exactly: the subset dynamic programme needs 2^M entries. */
export const KEMENY_EXACT_MAX = 16;
/** Largest field searched over the M x M margin table (100 MB of bytes at the limit, 200 MB above 127 columns). */
export const KEMENY_LOCAL_MAX = 10000;
/** Passes of the local search at most (each O(M^2)); the notes say when a search stops there. */
export const KEMENY_MAX_PASSES = 1000;

export const definition =
  "Kemeny consensus: the strict order of the models with the fewest pairwise disagreements with the per-column orders " +
  "(a disagreement: a column scores b above a while the order puts a above b; a tied column counts 1/2 either way; " +
  `missing cells skip the pair on that column); exact up to ${KEMENY_EXACT_MAX} models (O(2^M M^2)); up to ` +
  `${thousands(KEMENY_LOCAL_MAX)} a local search (insertion moves from the Copeland order until none improves: ` +
  "O(M^2 K) to count the pairs into an M x M table of margins, then O(M^2) per pass); above, adjacent swaps from the " +
  "Borda order until none improves (O(M K) per pass, no M x M table).";

/** pref[a * n + b]: columns where a is above b, a tied column counting 1/2. */
export function preferences(counts: BattleCounts): Float64Array {
  const n = counts.models.length;
  const pref = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) pref[i] = counts.wins[i] + 0.5 * counts.ties[i];
  return pref;
}

/** Disagreements of a strict order (model indices, best first) with the columns. */
export function orderDisagreement(order: readonly number[], pref: Float64Array, n: number): number {
  let d = 0;
  for (let i = 0; i < order.length; i++) for (let j = i + 1; j < order.length; j++) d += pref[order[j] * n + order[i]];
  return d;
}

/** Exact Kemeny order: dp[S] = least disagreement placing the set S at the top, in any order. */
export function exactKemenyOrder(pref: Float64Array, n: number): number[] {
  const size = 1 << n;
  const dp = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  const last = new Int8Array(size).fill(-1);
  dp[0] = 0;
  for (let S = 0; S < size; S++) {
    if (dp[S] === Number.POSITIVE_INFINITY) continue;
    for (let x = 0; x < n; x++) {
      if (S & (1 << x)) continue;
      // x goes just below every model of S: each of them x beats on a column is a disagreement.
      let cost = dp[S];
      for (let a = 0; a < n; a++) if (S & (1 << a)) cost += pref[x * n + a];
      const T = S | (1 << x);
      if (cost < dp[T]) {
        dp[T] = cost;
        last[T] = x;
      }
    }
  }
  const order: number[] = [];
  for (let S = size - 1; S > 0; S &= ~(1 << last[S])) order.unshift(last[S]);
  return order;
}

/** Margins margin[x * n + y] = pref[x][y] - pref[y][x] (antisymmetric) of a preference table. */
function marginsOf(pref: Float64Array, n: number): Float64Array {
  const margin = new Float64Array(n * n);
  for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) margin[x * n + y] = pref[x * n + y] - pref[y * n + x];
  return margin;
}

type Margins = Int8Array | Int16Array | Float64Array;

/**
 * Local search on margins: move one model to its best position while that lowers the disagreement,
 * at most maxPasses passes over the models. Only margins matter: moving x above y changes the
 * disagreement by margin[y][x] = -margin[x][y], so the scan reads x's own row, in cache.
 */
function searchMargins(margin: Margins, n: number, start: readonly number[], maxPasses: number): { order: number[]; passes: number } {
  const order = [...start];
  let pass = 0;
  while (pass < maxPasses) {
    pass++;
    let improved = false;
    for (let i = 0; i < n; i++) {
      const x = order[i];
      const row = x * n;
      // Change of disagreement if x moves from i to j, scanning j away from i in both directions.
      let best = 0;
      let bestJ = i;
      let delta = 0;
      for (let j = i - 1; j >= 0; j--) {
        delta -= margin[row + order[j]];
        if (delta < best - 1e-12) {
          best = delta;
          bestJ = j;
        }
      }
      delta = 0;
      for (let j = i + 1; j < n; j++) {
        delta += margin[row + order[j]];
        if (delta < best - 1e-12) {
          best = delta;
          bestJ = j;
        }
      }
      if (bestJ !== i) {
        order.splice(i, 1);
        order.splice(bestJ, 0, x);
        improved = true;
      }
    }
    if (!improved) return { order, passes: pass };
  }
  return { order, passes: pass + 1 }; // stopped at the cap: passes > maxPasses says so
}

/** Local search: move one model to its best position while that lowers the disagreement. */
export function localKemenyOrder(pref: Float64Array, n: number, start: number[]): number[] {
  return searchMargins(marginsOf(pref, n), n, start, KEMENY_MAX_PASSES).order;
}

/** Copeland order from margins (pairwise majorities; ties by input order): the local search's start. */
function copelandOrderOf(margin: Margins, n: number): number[] {
  const score = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    let s = 0;
    for (let b = 0; b < n; b++) if (b !== a) s += margin[a * n + b] > 0 ? 1 : margin[a * n + b] === 0 ? 0.5 : 0;
    score[a] = s;
  }
  return Array.from(score, (_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
}

/** Copeland order (pairwise majorities; ties by input order): the local search's start. */
export function copelandOrder(pref: Float64Array, n: number): number[] {
  return copelandOrderOf(marginsOf(pref, n), n);
}

export interface KemenyConsensus {
  /** Model indices, best first. */
  order: number[];
  disagreement: number;
  exact: boolean;
}

export function kemenyConsensus(counts: BattleCounts): KemenyConsensus {
  const n = counts.models.length;
  const pref = preferences(counts);
  const exact = n <= KEMENY_EXACT_MAX;
  const order = n === 0 ? [] : exact ? exactKemenyOrder(pref, n) : localKemenyOrder(pref, n, copelandOrder(pref, n));
  return { order, disagreement: orderDisagreement(order, pref, n), exact };
}

/**
 * Kemeny distance of a ranking (1 = best, ties allowed; NaN = unranked, skipped) to the columns:
 * per column and pair, 1 when the ranking orders the pair against the column, 1/2 when exactly one
 * of the two ties it, 0 when they agree. O(M^2) over the counts: compare uses the O(K M log M)
 * kemenyDistanceFromMatrix on the matrix instead.
 */
export function kemenyDistance(ranks: readonly number[], counts: BattleCounts): number {
  const n = counts.models.length;
  const { wins, ties } = counts;
  let d = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const ra = ranks[a];
      const rb = ranks[b];
      if (!Number.isFinite(ra) || !Number.isFinite(rb)) continue;
      if (ra < rb) d += wins[b * n + a] + 0.5 * ties[a * n + b];
      else if (rb < ra) d += wins[a * n + b] + 0.5 * ties[a * n + b];
      else d += 0.5 * (wins[a * n + b] + wins[b * n + a]); // a tie agrees with tied columns
    }
  }
  return d;
}

/** margin[i * n + j] = (columns where keep[i] beats keep[j]) - (the reverse), in the narrowest integer type. */
function marginTable(matrix: ScoreMatrix, keep: readonly number[]): Margins {
  const n = keep.length;
  const k = matrix.columns.length;
  const margin: Margins = k <= 127 ? new Int8Array(n * n) : k <= 32767 ? new Int16Array(n * n) : new Float64Array(n * n);
  const c = new Int32Array(3);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      countPair(matrix.values, k, keep[i], keep[j], c);
      margin[i * n + j] = c[0] - c[1];
      margin[j * n + i] = c[1] - c[0];
    }
  }
  return margin;
}

/** Sum over pairs placed i above j of margin[i][j]: the disagreement is (battles - this) / 2. */
function placedMargin(order: readonly number[], margin: Margins, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const row = order[i] * n;
    for (let j = i + 1; j < n; j++) s += margin[row + order[j]];
  }
  return s;
}

/** Adjacent swaps while a swap lowers the disagreement: O(M K) per pass, no M x M table. */
function adjacentSwaps(
  matrix: ScoreMatrix,
  keep: readonly number[],
  start: number[],
  maxPasses: number,
): { order: number[]; passes: number } {
  const k = matrix.columns.length;
  const order = [...start];
  const c = new Int32Array(3);
  for (let pass = 1; pass <= maxPasses; pass++) {
    let improved = false;
    for (let i = 0; i + 1 < order.length; i++) {
      countPair(matrix.values, k, keep[order[i]], keep[order[i + 1]], c);
      if (c[1] > c[0]) {
        [order[i], order[i + 1]] = [order[i + 1], order[i]];
        improved = true;
      }
    }
    if (!improved) return { order, passes: pass };
  }
  return { order, passes: maxPasses + 1 };
}

/** The consensus order of the models in `keep` (indices into keep, best first), with how it was found. */
function consensusOf(matrix: ScoreMatrix, keep: number[]): { order: number[]; disagreement: number; note: string } {
  const n = keep.length;
  const battles = battleCount(matrix); // unscored models take part in no battle
  if (n <= KEMENY_EXACT_MAX) {
    const sub: ScoreMatrix = { ...matrix, models: keep.map((m) => matrix.models[m]), values: subsetRows(matrix, keep) };
    const k = kemenyConsensus(battlesFromMatrix(sub));
    return { order: k.order, disagreement: k.disagreement, note: `exact Kemeny order (${k.disagreement} disagreements with the columns)` };
  }
  const capped = (passes: number) => (passes > KEMENY_MAX_PASSES ? `, stopped after ${KEMENY_MAX_PASSES} passes` : "");
  if (n <= KEMENY_LOCAL_MAX) {
    const margin = marginTable(matrix, keep);
    const { order, passes } = searchMargins(margin, n, copelandOrderOf(margin, n), KEMENY_MAX_PASSES);
    const disagreement = (battles - placedMargin(order, margin, n)) / 2;
    return {
      order,
      disagreement,
      note: `approximate Kemeny order: local search, exact only up to ${KEMENY_EXACT_MAX} models (${disagreement} disagreements${capped(passes)})`,
    };
  }
  const borda = bordaScores(matrix).scores;
  const start = keep.map((_, i) => i).sort((a, b) => borda[keep[b]] - borda[keep[a]] || a - b);
  const { order, passes } = adjacentSwaps(matrix, keep, start, KEMENY_MAX_PASSES);
  return {
    order,
    disagreement: Number.NaN,
    note:
      `approximate Kemeny order: above ${thousands(KEMENY_LOCAL_MAX)} models the Borda order improved by adjacent ` +
      `swaps (no M x M table; ${passes > KEMENY_MAX_PASSES ? `stopped after ${KEMENY_MAX_PASSES} passes` : `${passes} passes`})`,
  };
}

function subsetRows(matrix: ScoreMatrix, keep: readonly number[]): Float64Array {
  return pick(
    matrixGrid(matrix),
    keep,
    Array.from(matrix.columns, (_, c) => c),
  ).values;
}

/**
 * Registry entry point: score = (models ranked) - position, so the consensus order is the ranking.
 * A model with no score at all has no place in any column's order: it stays unranked (NaN).
 */
export function rankByKemeny(matrix: ScoreMatrix, _options: RankingOptions = {}): RankingResult {
  const n = matrix.models.length;
  const g = matrixGrid(matrix);
  const scored = matrix.models.map((_, m) => m).filter((m) => rowView(g, m).some(Number.isFinite));
  const k =
    scored.length === 0
      ? { order: [], disagreement: 0, note: "exact Kemeny order (0 disagreements with the columns)" }
      : consensusOf(matrix, scored);
  const ranks = new Array<number>(n).fill(Number.NaN);
  k.order.forEach((i, pos) => {
    ranks[scored[i]] = pos + 1;
  });
  const notes = [Number.isNaN(k.disagreement) ? `${k.note}; ${kemenyDistanceFromMatrix(ranks, matrix)} disagreements` : k.note];
  if (scored.length < n) notes.push(`${n - scored.length} model(s) without any score left unranked`);
  return { scores: ranks.map((r) => (Number.isNaN(r) ? Number.NaN : scored.length - r)), ranks, notes };
}
