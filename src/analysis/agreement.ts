/**
 * Agreement between rankings: Kendall tau-b and Spearman (both tie-aware) and top-k overlap.
 * Inputs are score vectors over the same models (higher = better); NaN entries drop that model.
 */

import { pairOrderCounts } from "../stats/pair-order.js";
import { rankCorrelation } from "../stats/stats.js";

/** Kendall tau-b: (concordant - discordant) / sqrt((n0 - n1)(n0 - n2)), n0 = pairs, n1/n2 = pairs tied in x/y. */
export const kendallDefinition =
  "Kendall tau-b: (concordant pairs - discordant pairs) / sqrt((n0 - n1)(n0 - n2)), n0 = number of pairs, n1 and n2 = " +
  "pairs tied in the first and in the second ranking (scipy.stats.kendalltau's default).";

/** Spearman: Pearson correlation of the average ranks (ties share the mean rank). */
export const spearmanDefinition = "Spearman rho: the Pearson correlation of the two rankings' average ranks (ties share the mean rank).";

/** Top-k overlap: |top-k(x) and top-k(y)| / max(|top-k(x)|, |top-k(y)|), top-k including ties at the cut. */
export const topKDefinition =
  "Top-k overlap: models in both top-k sets divided by the larger set's size, where a model is in the top k when fewer " +
  "than k models score strictly higher (so ties at the cut are all included).";

function pairedPresent(x: ArrayLike<number>, y: ArrayLike<number>): [number[], number[]] {
  if (x.length !== y.length) throw new Error(`agreement: rankings of ${x.length} and ${y.length} models`);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    xs.push(x[i]);
    ys.push(y[i]);
  }
  return [xs, ys];
}

/** Kendall tau-b over the models present in both (NaN if fewer than 2 or one side is constant). O(n log n). */
export function kendallTauB(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const [xs, ys] = pairedPresent(x, y);
  const p = pairOrderCounts(Float64Array.from(xs), Float64Array.from(ys));
  const concordant = p.pairs - p.tiedX - p.tiedY + p.tiedBoth - p.discordant;
  const denom = Math.sqrt((p.pairs - p.tiedX) * (p.pairs - p.tiedY));
  return denom === 0 ? Number.NaN : (concordant - p.discordant) / denom;
}

/** Spearman rho over the models present in both (NaN if fewer than 2 or one side is constant). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const [xs, ys] = pairedPresent(x, y);
  return rankCorrelation(xs, ys);
}

/** Indices in the top k of scores (higher = better), ties at the cut included; NaN never included. O(n log n). */
export function topKSet(scores: ArrayLike<number>, k: number): Set<number> {
  const present: number[] = [];
  for (let i = 0; i < scores.length; i++) if (!Number.isNaN(scores[i])) present.push(scores[i]);
  present.sort((a, b) => b - a);
  // Fewer than k models score above x exactly when x reaches the k-th highest score.
  const cut = k <= 0 ? Number.POSITIVE_INFINITY : present.length <= k ? Number.NEGATIVE_INFINITY : present[k - 1];
  const out = new Set<number>();
  for (let i = 0; i < scores.length; i++) if (!Number.isNaN(scores[i]) && scores[i] >= cut) out.add(i);
  return out;
}

/** Top-k overlap as in `topKDefinition` (over models present in both; NaN if both sets are empty). */
export function topKOverlap(x: ArrayLike<number>, y: ArrayLike<number>, k: number): number {
  const [xs, ys] = pairedPresent(x, y);
  const a = topKSet(xs, k);
  const b = topKSet(ys, k);
  let both = 0;
  for (const i of a) if (b.has(i)) both++;
  const size = Math.max(a.size, b.size);
  return size === 0 ? Number.NaN : both / size;
}

/** A named score vector (higher = better), e.g. one ranking method's scores. */
export interface NamedRanking {
  name: string;
  scores: ArrayLike<number>;
}

/** Agreement between two named rankings. */
export interface PairAgreement {
  a: string;
  b: string;
  /** Models scored by both. */
  models: number;
  kendallTauB: number;
  spearman: number;
  topK: number;
  k: number;
}

/** Every unordered pair of rankings with Kendall tau-b, Spearman and top-k overlap (default k = 10). */
export function pairwiseAgreement(rankings: readonly NamedRanking[], k = 10): PairAgreement[] {
  const out: PairAgreement[] = [];
  for (let i = 0; i < rankings.length; i++) {
    for (let j = i + 1; j < rankings.length; j++) {
      const x = rankings[i].scores;
      const y = rankings[j].scores;
      out.push({
        a: rankings[i].name,
        b: rankings[j].name,
        models: pairedPresent(x, y)[0].length,
        kendallTauB: kendallTauB(x, y),
        spearman: spearman(x, y),
        topK: topKOverlap(x, y, k),
        k,
      });
    }
  }
  return out;
}
