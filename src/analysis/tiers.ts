/**
 * Performance tiers: optimal 1-D k-means (Ckmeans.1d.dp's exact dynamic programme) of a score
 * vector, or tiers from overlapping confidence intervals. Tier 1 is the best.
 */

/** k-means tiers: the partition of the scores into at most k groups of consecutive values minimising the within-group sum of squares, found exactly by dynamic programming (Ckmeans.1d.dp); tier 1 = highest. */
export const kmeansTiersDefinition =
  "k-means tiers: the exact optimal 1-D k-means partition of the scores (Ckmeans.1d.dp dynamic programming: minimum " +
  "within-tier sum of squares; equal scores always share a tier; k drops to the number of distinct scores if fewer); tier 1 = best.";

/** Interval tiers: walking down by score, a new tier starts at the first model whose upper bound is below the current tier leader's lower bound. */
export const intervalTiersDefinition =
  "Interval tiers: models sorted by score; the best starts tier 1 as its leader; each next model joins the current tier " +
  "when its upper bound reaches the leader's lower bound, otherwise it starts the next tier as leader.";

/** The optimal k-means tiers and their summary. */
export interface KMeansTiers {
  /** Tier per input entry, 1 = highest scores; NaN for NaN scores. */
  tiers: number[];
  /** Number of tiers actually used. */
  k: number;
  /** Mean score of each tier, tier 1 first. */
  centers: number[];
  /** Number of entries in each tier, tier 1 first. */
  sizes: number[];
  /** Within-tier sum of squares (the minimised objective) and total sum of squares. */
  withinSS: number;
  totalSS: number;
}

/** Exact optimal 1-D k-means into at most k tiers (default 4). */
export function kmeansTiers(scores: ArrayLike<number>, k = 4): KMeansTiers {
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`tiers: k must be a positive integer, got ${k}`);
  const present: number[] = [];
  for (let i = 0; i < scores.length; i++) if (!Number.isNaN(scores[i])) present.push(scores[i]);
  const tiers = new Array<number>(scores.length).fill(Number.NaN);
  if (present.length === 0) return { tiers, k: 0, centers: [], sizes: [], withinSS: 0, totalSS: 0 };
  // Distinct values with multiplicities, centred for numerically stable prefix sums.
  present.sort((a, b) => a - b);
  const shift = present[Math.floor(present.length / 2)];
  const u: number[] = [];
  const w: number[] = [];
  for (const x of present) {
    if (u.length > 0 && u[u.length - 1] === x) w[w.length - 1]++;
    else {
      u.push(x);
      w.push(1);
    }
  }
  const v = u.map((x) => x - shift);
  const d = v.length;
  const kk = Math.min(k, d);
  const pw = new Float64Array(d + 1);
  const p1 = new Float64Array(d + 1);
  const p2 = new Float64Array(d + 1);
  for (let i = 0; i < d; i++) {
    pw[i + 1] = pw[i] + w[i];
    p1[i + 1] = p1[i] + w[i] * v[i];
    p2[i + 1] = p2[i] + w[i] * v[i] * v[i];
  }
  // Sum of squares of distinct values j..i (0-based, inclusive) around their weighted mean.
  const cost = (j: number, i: number): number => {
    const sw = pw[i + 1] - pw[j];
    const s1 = p1[i + 1] - p1[j];
    return Math.max(0, p2[i + 1] - p2[j] - (s1 * s1) / sw);
  };
  // dp[q][i]: best cost of values 0..i in q+1 groups; start[q][i]: first index of the last group.
  // The best start is non-decreasing in i (the cost is Monge), so each row is filled by divide and
  // conquer over i with the start's range narrowed on each side: O(k d log d), not O(k d^2)
  // (Ckmeans.1d.dp does the same); the smallest best start is kept, as a plain scan would.
  const dp = Array.from({ length: kk }, () => new Float64Array(d).fill(Number.POSITIVE_INFINITY));
  const start = Array.from({ length: kk }, () => new Int32Array(d));
  for (let i = 0; i < d; i++) dp[0][i] = cost(0, i);
  const fill = (q: number, lo: number, hi: number, jlo: number, jhi: number): void => {
    if (lo > hi) return;
    const mid = (lo + hi) >>> 1;
    let best = Number.POSITIVE_INFINITY;
    let bestJ = Math.max(q, jlo);
    for (let j = Math.max(q, jlo); j <= Math.min(mid, jhi); j++) {
      const c = dp[q - 1][j - 1] + cost(j, mid);
      if (c < best) {
        best = c;
        bestJ = j;
      }
    }
    dp[q][mid] = best;
    start[q][mid] = bestJ;
    fill(q, lo, mid - 1, jlo, bestJ);
    fill(q, mid + 1, hi, bestJ, jhi);
  };
  for (let q = 1; q < kk; q++) fill(q, q, d - 1, q, d - 1);
  // Backtrack the group boundaries (ascending groups), then number tiers from the top.
  const groupOf = new Int32Array(d);
  let end = d - 1;
  for (let q = kk - 1; q >= 0; q--) {
    const j = q === 0 ? 0 : start[q][end];
    for (let i = j; i <= end; i++) groupOf[i] = q;
    end = j - 1;
  }
  const tierOfValue = new Map<number, number>();
  u.forEach((x, i) => tierOfValue.set(x, kk - groupOf[i]));
  const centers = new Array<number>(kk).fill(0);
  const sizes = new Array<number>(kk).fill(0);
  for (let i = 0; i < scores.length; i++) {
    if (Number.isNaN(scores[i])) continue;
    const t = tierOfValue.get(scores[i]) as number;
    tiers[i] = t;
    centers[t - 1] += scores[i];
    sizes[t - 1]++;
  }
  const mean = present.reduce((a, b) => a + b, 0) / present.length;
  const totalSS = present.reduce((a, x) => a + (x - mean) ** 2, 0);
  return {
    tiers,
    k: kk,
    centers: centers.map((s, t) => s / sizes[t]),
    sizes,
    withinSS: dp[kk - 1][d - 1],
    totalSS,
  };
}

/** Tiers from intervals as in `intervalTiersDefinition` (NaN score or interval: NaN tier). */
export function intervalTiers(scores: ArrayLike<number>, intervals: ReadonlyArray<readonly [number, number]>): number[] {
  if (scores.length !== intervals.length) throw new Error("tiers: one interval per score is needed");
  const order: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const [lo, hi] = intervals[i];
    if (!Number.isNaN(scores[i]) && !Number.isNaN(lo) && !Number.isNaN(hi)) order.push(i);
  }
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  const tiers = new Array<number>(scores.length).fill(Number.NaN);
  let tier = 0;
  let leaderLow = Number.NaN;
  for (const i of order) {
    if (tier === 0 || intervals[i][1] < leaderLow) {
      tier++;
      leaderLow = intervals[i][0];
    }
    tiers[i] = tier;
  }
  return tiers;
}
