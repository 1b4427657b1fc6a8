/**
 * Small numeric helpers shared by the ranking methods: tie-aware ranks, quantiles, seeded draws.
 * Pure functions only; randomness always comes from a caller-supplied generator.
 */

/** What the resampling code needs from a generator (`chunkRng` in ../engine/rng.js provides it). */
export interface Rng {
  nextUint32(): number;
  nextFloat(): number;
  below(n: number): number;
}

/**
 * `chunkRng` stream numbers reserved for the rankings, so that they never share draws with the CSD
 * contests (stream 0) or with each other. Replicate r of a method uses chunkRng(seed, r, stream).
 */
export const RNG_STREAMS = { elo: 11, bradleyTerry: 12, robust: 13 } as const;

/** Default seed of every seeded ranking method. */
export const DEFAULT_SEED = 1;

const TWO_POW_32 = 4294967296;

/** Uniform integer in [0, n) for any n up to 2^53 (rng.below alone is exact only up to 2^21). */
export function uniformIndex(rng: Rng, n: number): number {
  if (n <= 2097152) return rng.below(n);
  const u = (rng.nextUint32() * TWO_POW_32 + rng.nextUint32()) / (TWO_POW_32 * TWO_POW_32);
  return Math.min(n - 1, Math.floor(u * n));
}

/** Competition ranks ("1224"): rank = 1 + number of entries strictly greater. NaN stays NaN. */
export function competitionRanks(scores: ArrayLike<number>): number[] {
  const n = scores.length;
  const present: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(scores[i])) present.push(i);
  present.sort((a, b) => scores[b] - scores[a]);
  const ranks = new Array<number>(n).fill(Number.NaN);
  for (let p = 0; p < present.length; p++) {
    const i = present[p];
    ranks[i] = p > 0 && scores[present[p - 1]] === scores[i] ? ranks[present[p - 1]] : p + 1;
  }
  return ranks;
}

/**
 * Average ("fractional") ranks: tied entries share the mean of the positions they occupy.
 * descending = true gives rank 1 to the largest value. NaN entries get NaN and are not counted.
 */
export function averageRanks(values: ArrayLike<number>, descending: boolean): number[] {
  const n = values.length;
  const present: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(values[i])) present.push(i);
  present.sort(descending ? (a, b) => values[b] - values[a] : (a, b) => values[a] - values[b]);
  const ranks = new Array<number>(n).fill(Number.NaN);
  let start = 0;
  while (start < present.length) {
    let end = start + 1;
    while (end < present.length && values[present[end]] === values[present[start]]) end++;
    const shared = (start + 1 + end) / 2; // mean of positions start+1 .. end
    for (let p = start; p < end; p++) ranks[present[p]] = shared;
    start = end;
  }
  return ranks;
}

/** Quantile of an ascending-sorted sample by linear interpolation (numpy's default, type 7). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Percentile interval [q(lo), q(hi)] of a sample, NaN draws dropped; NaN if none remain. */
export function percentileInterval(sample: ArrayLike<number>, lo = 0.025, hi = 0.975): [number, number] {
  const kept = Array.from(sample).filter((x) => !Number.isNaN(x));
  kept.sort((a, b) => a - b);
  return [quantileSorted(kept, lo), quantileSorted(kept, hi)];
}

/** Median of a sample (NaN dropped). */
export function median(sample: ArrayLike<number>): number {
  const kept = Array.from(sample).filter((x) => !Number.isNaN(x));
  kept.sort((a, b) => a - b);
  return quantileSorted(kept, 0.5);
}

/** In-place Fisher-Yates shuffle driven by rng. */
export function shuffleInPlace(xs: Uint32Array | number[], rng: Rng): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = uniformIndex(rng, i + 1);
    const t = xs[i];
    xs[i] = xs[j];
    xs[j] = t;
  }
}

/**
 * The mean, finite for any finite values: the plain sum when it is finite (the usual rounding),
 * otherwise the sum of x / n, which cannot overflow (scores near +-1e308 add up to Infinity).
 */
export function finiteMean(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i];
  if (Number.isFinite(sum)) return sum / n;
  let scaled = 0;
  for (let i = 0; i < n; i++) scaled += xs[i] / n;
  return scaled;
}

/** Spearman's rho of two equally long samples without gaps: Pearson's r of their average ranks (NaN below 2 values or for a constant side). */
export function rankCorrelation(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  return pearson(averageRanks(xs, false), averageRanks(ys, false));
}

/** Pearson's r of two equally long samples (NaN below 2 values or for a constant side). */
export function pearson(rx: ArrayLike<number>, ry: ArrayLike<number>): number {
  const n = rx.length;
  if (n < 2) return Number.NaN;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += rx[i];
    sy += ry[i];
  }
  // The same sums, in the same order, as the Spearman this replaced (agreement tables keep their digits).
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  }
  const denom = Math.sqrt(sxx * syy);
  return denom === 0 ? Number.NaN : sxy / denom;
}
