/**
 * Kemeny consensus: the order of the models that disagrees least with the per-column orders, and
 * the Kemeny distance of any ranking to those orders. Exact (dynamic programming over subsets) up
 * to KEMENY_EXACT_MAX models; above that a local search, reported as such.
 */

import { type BattleCounts, battlesFromMatrix } from "./battles.js";
import type { ScoreMatrix } from "./matrix.js";
import type { RankingOptions, RankingResult } from "./types.js";

/** Largest field solved exactly: the subset dynamic programme needs 2^M entries. */
export const KEMENY_EXACT_MAX = 16;

export const definition =
  "Kemeny consensus: the strict order of the models with the fewest pairwise disagreements with the per-column orders " +
  "(a disagreement: a column scores b above a while the order puts a above b; a tied column counts 1/2 either way; " +
  `missing cells skip the pair on that column); exact up to ${KEMENY_EXACT_MAX} models, a local search (insertion moves ` +
  "from the Copeland order until none improves) above.";

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

/** Local search: move one model to its best position while that lowers the disagreement. */
export function localKemenyOrder(pref: Float64Array, n: number, start: number[]): number[] {
  const order = [...start];
  for (let pass = 0; pass < 1000; pass++) {
    let improved = false;
    for (let i = 0; i < n; i++) {
      const x = order[i];
      // Change of disagreement if x moves from i to j, scanning j away from i in both directions.
      let best = 0;
      let bestJ = i;
      let delta = 0;
      for (let j = i - 1; j >= 0; j--) {
        const y = order[j];
        delta += pref[y * n + x] - pref[x * n + y];
        if (delta < best - 1e-12) [best, bestJ] = [delta, j];
      }
      delta = 0;
      for (let j = i + 1; j < n; j++) {
        const y = order[j];
        delta += pref[x * n + y] - pref[y * n + x];
        if (delta < best - 1e-12) [best, bestJ] = [delta, j];
      }
      if (bestJ !== i) {
        order.splice(i, 1);
        order.splice(bestJ, 0, x);
        improved = true;
      }
    }
    if (!improved) break;
  }
  return order;
}

/** Copeland order (pairwise majorities; ties by input order): the local search's start. */
export function copelandOrder(pref: Float64Array, n: number): number[] {
  const score = Array.from({ length: n }, (_, a) => {
    let s = 0;
    for (let b = 0; b < n; b++) if (b !== a) s += pref[a * n + b] > pref[b * n + a] ? 1 : pref[a * n + b] === pref[b * n + a] ? 0.5 : 0;
    return s;
  });
  return score.map((_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
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
 * of the two ties it, 0 when they agree.
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
      // Read from the counts directly: compare calls this once per method, so no n x n copy each time.
      if (ra < rb) d += wins[b * n + a] + 0.5 * ties[a * n + b];
      else if (rb < ra) d += wins[a * n + b] + 0.5 * ties[a * n + b];
      else d += 0.5 * (wins[a * n + b] + wins[b * n + a]); // a tie agrees with tied columns
    }
  }
  return d;
}

/** The battle counts among a subset of the models (in the subset's order). */
function subsetCounts(counts: BattleCounts, keep: readonly number[]): BattleCounts {
  const n = counts.models.length;
  const k = keep.length;
  const out: BattleCounts = { models: keep.map((m) => counts.models[m]), wins: new Float64Array(k * k), ties: new Float64Array(k * k) };
  keep.forEach((a, i) =>
    keep.forEach((b, j) => {
      out.wins[i * k + j] = counts.wins[a * n + b];
      out.ties[i * k + j] = counts.ties[a * n + b];
    }),
  );
  return out;
}

/**
 * Registry entry point: score = (models ranked) - position, so the consensus order is the ranking.
 * A model with no score at all has no place in any column's order: it stays unranked (NaN).
 */
export function rankByKemeny(matrix: ScoreMatrix, _options: RankingOptions = {}): RankingResult {
  const n = matrix.models.length;
  const C = matrix.columns.length;
  const scored = matrix.models.map((_, m) => m).filter((m) => matrix.values.subarray(m * C, (m + 1) * C).some(Number.isFinite));
  const k = kemenyConsensus(subsetCounts(battlesFromMatrix(matrix), scored));
  const ranks = new Array<number>(n).fill(Number.NaN);
  k.order.forEach((i, pos) => {
    ranks[scored[i]] = pos + 1;
  });
  const notes = [
    k.exact
      ? `exact Kemeny order (${k.disagreement} disagreements with the columns)`
      : `approximate Kemeny order: local search, exact only up to ${KEMENY_EXACT_MAX} models (${k.disagreement} disagreements)`,
  ];
  if (scored.length < n) notes.push(`${n - scored.length} model(s) without any score left unranked`);
  return { scores: ranks.map((r) => (Number.isNaN(r) ? Number.NaN : scored.length - r)), ranks, notes };
}
