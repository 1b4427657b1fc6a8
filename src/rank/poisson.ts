/**
 * The Poisson bootstrap of battle counts: every (pair, outcome) count c is redrawn as Poisson(c),
 * which is what giving each battle an independent Poisson(1) weight does. O(M^2) per resample
 * (a draw per pair and outcome), where the multinomial bootstrap drew once per battle (9.2 million
 * draws at 1,756 models x 6 columns; 625 million at 5,000 x 50). The total number of battles varies
 * from resample to resample (by about its square root) instead of staying fixed: the two bootstraps
 * agree as the counts grow (test/rank-scale-bootstrap.test.ts checks their intervals on HELM Lite).
 */

import type { Xoshiro128 } from "../engine/rng.js";
import type { BattleTable, PairTable } from "./bradley-terry-table.js";

/** Counts up to this are drawn from a table; larger ones as a sum of draws (Poisson(a + b) = Poisson(a) + Poisson(b)). */
const TABLE_MAX = 1024;
/** Guide entries per table (the top 6 bits of the uniform pick a start: about one step of search per draw). */
const GUIDE_BITS = 6;
const GUIDE = 1 << GUIDE_BITS;
/**
 * Direct entries per table: the top 10 bits of the uniform give the draw outright wherever all of
 * that slice of [0, 2^32) falls on one value (all but a few percent of the slices at the counts of a
 * leaderboard), so most draws are one load with no data-dependent search loop (whose mispredicted
 * branches cost more than the rest of a draw).
 */
const DIRECT_BITS = 10;
const DIRECT = 1 << DIRECT_BITS;
const TWO_32 = 4294967296;

/**
 * Inverse-CDF tables of Poisson(lambda) for whole lambda = 1..top (top <= 1024), flattened: a draw
 * is the first k whose CDF, scaled to 2^32, exceeds a uniform 32-bit integer (probabilities are thus
 * rounded to multiples of 2^-32, the resolution of every other draw here), searched from a guide
 * entry (Chen and Asau's indexed search).
 */
export class PoissonSampler {
  /** CDFs of every lambda in turn, scaled to 2^32; lambda's starts at base[lambda]. */
  readonly cdf: Float64Array;
  readonly base: Int32Array;
  /** guide[lambda * GUIDE + j]: index in cdf where a uniform in [j, j + 1) * 2^26 starts its search. */
  readonly guide: Int32Array;
  /** direct[lambda * DIRECT + j]: the draw of every uniform in [j, j + 1) * 2^22, or -1 where that slice spans two values. */
  readonly direct: Int16Array;

  constructor(readonly top: number) {
    const lengths = Array.from({ length: top + 1 }, (_, l) => (l === 0 ? 1 : Math.ceil(l + 14 * Math.sqrt(l) + 40) + 1));
    this.base = new Int32Array(top + 2);
    for (let l = 0; l <= top; l++) this.base[l + 1] = this.base[l] + lengths[l];
    this.cdf = new Float64Array(this.base[top + 1]);
    this.guide = new Int32Array((top + 1) * GUIDE);
    this.direct = new Int16Array((top + 1) * DIRECT); // lambda = 0: every draw is 0
    for (let l = 1; l <= top; l++) this.fill(l);
  }

  /** The draw for uniform u by the guided search (the definition the direct entries shortcut). */
  search(lambda: number, u: number): number {
    let i = this.guide[lambda * GUIDE + (u >>> (32 - GUIDE_BITS))];
    while (u >= this.cdf[i]) i++;
    return i - this.base[lambda];
  }

  private fill(lambda: number): void {
    // Far enough into the tail that the rest has probability below 2^-40.
    const from = this.base[lambda];
    const last = this.base[lambda + 1] - 1;
    // Probabilities in the log domain: exp(-lambda) itself underflows to 0 above lambda = 745.
    const logLambda = Math.log(lambda);
    let logP = -lambda;
    let s = 0;
    for (let i = from; i <= last; i++) {
      s += Math.exp(logP);
      this.cdf[i] = Math.min(TWO_32, s * TWO_32);
      logP += logLambda - Math.log(i - from + 1);
    }
    this.cdf[last] = TWO_32; // the search always ends
    let i = from;
    for (let j = 0; j < GUIDE; j++) {
      while (this.cdf[i] <= j * 2 ** (32 - GUIDE_BITS)) i++;
      this.guide[lambda * GUIDE + j] = i;
    }
    const width = 2 ** (32 - DIRECT_BITS);
    for (let j = 0; j < DIRECT; j++) {
      const lo = this.search(lambda, j * width);
      this.direct[lambda * DIRECT + j] = lo === this.search(lambda, (j + 1) * width - 1) ? lo : -1;
    }
  }

  /**
   * One Poisson(lambda) draw, lambda a whole number >= 0 (any size). Every draw takes one uniform,
   * lambda = 0 included (the resampler then needs no branch on zero counts).
   */
  draw(lambda: number, rng: Xoshiro128): number {
    if (lambda > this.top) {
      let sum = 0;
      let rest = lambda;
      for (; rest > this.top; rest -= this.top) sum += this.draw(this.top, rng);
      return sum + this.draw(rest, rng);
    }
    const u = rng.nextUint32();
    const k = this.direct[lambda * DIRECT + (u >>> (32 - DIRECT_BITS))];
    return k >= 0 ? k : this.search(lambda, u);
  }
}

/** A sampler for counts up to maxCount (tables up to 1024; larger counts are drawn as sums). */
export function poissonSampler(maxCount: number): PoissonSampler {
  return new PoissonSampler(Math.max(1, Math.min(TABLE_MAX, maxCount)));
}

/** Pairs are visited in square tiles of this side, so that writing both (a, b) and (b, a) stays in cache. */
const TILE = 64;

/**
 * One Poisson resample of `base` into `out` (same size; its diagonal stays 0): for every pair a < b,
 * a's wins, b's wins and their ties are drawn Poisson of their counts (a zero count too: it draws 0),
 * in a fixed order (tile by tile, then row by row within a tile), so the resample depends on the
 * generator's state alone. Counts must be whole numbers.
 */
export function poissonResample(base: BattleTable, out: PairTable, sampler: PoissonSampler, rng: Xoshiro128): void {
  if (sampler.top < TABLE_MAX) {
    // Every count has a table: draw inline.
    tableResample(base, out, sampler, rng);
    return;
  }
  const { n, win2, ties } = base;
  forEachPair(n, (a, b) => {
    const ab = a * n + b;
    const ba = b * n + a;
    const t = ties[ab];
    const x = sampler.draw((win2[ab] - t) / 2, rng);
    const y = sampler.draw((win2[ba] - t) / 2, rng);
    const z = sampler.draw(t, rng);
    out.win2[ab] = 2 * x + z;
    out.win2[ba] = 2 * y + z;
    out.games[ab] = out.games[ba] = x + y + z;
  });
}

/** Visits every pair a < b of n models in the resample's order: tile by tile, then row by row within a tile. */
function forEachPair(n: number, visit: (a: number, b: number) => void): void {
  for (let ti = 0; ti < n; ti += TILE) {
    for (let tj = ti; tj < n; tj += TILE) {
      const aEnd = Math.min(ti + TILE, n);
      const bEnd = Math.min(tj + TILE, n);
      for (let a = ti; a < aEnd; a++) for (let b = Math.max(tj, a + 1); b < bEnd; b++) visit(a, b);
    }
  }
}

/**
 * poissonResample when every count is at most the sampler's top: the same draws in the same order,
 * with the generator in local variables (as in engine/contest.ts, advanced exactly as nextUint32)
 * and the direct entry read inline for each of the three counts (the search only where a slice spans two values).
 */
function tableResample(base: BattleTable, out: PairTable, sampler: PoissonSampler, rng: Xoshiro128): void {
  const { n, win2, ties } = base;
  const o2 = out.win2;
  const og = out.games;
  const { direct } = sampler;
  let s0 = rng.s0;
  let s1 = rng.s1;
  let s2 = rng.s2;
  let s3 = rng.s3;
  for (let ti = 0; ti < n; ti += TILE) {
    for (let tj = ti; tj < n; tj += TILE) {
      const aEnd = Math.min(ti + TILE, n);
      const bEnd = Math.min(tj + TILE, n);
      for (let a = ti; a < aEnd; a++) {
        for (let b = Math.max(tj, a + 1); b < bEnd; b++) {
          const ab = a * n + b;
          const ba = b * n + a;
          const t = ties[ab] | 0;
          const la = ((win2[ab] | 0) - t) >> 1;
          const lb = ((win2[ba] | 0) - t) >> 1;
          // The three draws written out, one generator step each: as a loop over the three counts
          // the resample took 1.5x as long (230-270 ms against 155-170 ms at 5,000 models).
          let x = 0;
          let y = 0;
          let z = 0;
          {
            const m = Math.imul(s1, 5);
            const u = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
            const v = s1 << 9;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= v;
            s3 = (s3 << 11) | (s3 >>> 21);
            x = direct[la * DIRECT + (u >>> (32 - DIRECT_BITS))];
            if (x < 0) x = sampler.search(la, u);
          }
          {
            const m = Math.imul(s1, 5);
            const u = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
            const v = s1 << 9;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= v;
            s3 = (s3 << 11) | (s3 >>> 21);
            y = direct[lb * DIRECT + (u >>> (32 - DIRECT_BITS))];
            if (y < 0) y = sampler.search(lb, u);
          }
          {
            const m = Math.imul(s1, 5);
            const u = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
            const v = s1 << 9;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= v;
            s3 = (s3 << 11) | (s3 >>> 21);
            z = direct[t * DIRECT + (u >>> (32 - DIRECT_BITS))];
            if (z < 0) z = sampler.search(t, u);
          }
          o2[ab] = 2 * x + z;
          o2[ba] = 2 * y + z;
          og[ab] = og[ba] = x + y + z;
        }
      }
    }
  }
  rng.s0 = s0;
  rng.s1 = s1;
  rng.s2 = s2;
  rng.s3 = s3;
}
