/**
 * The hot parts of Elo over random orders: a bucketed shuffle that keeps memory access in cache, and
 * a rating update with no exp per battle.
 */

import type { Xoshiro128 } from "../engine/rng.js";

/** Target bucket size of the shuffle: 40,960 battles of 4 bytes (160 KB) stay in a core's L2 cache. */
const BUCKET = 40960;
/** 2^-32: multiplying by it is exact and, unlike dividing by 2^32, compiles to a multiplication. */
const INV_2_32 = 1 / 4294967296;

/** Buffers of one thread's shuffles, reused from order to order. */
export interface ShuffleWork {
  out: Uint32Array;
  /** Each item's bucket (one byte when there are at most 256 buckets: half the memory traffic). */
  tag: Uint8Array | Uint16Array;
  start: Int32Array;
}

/** Buffers for shuffles of n items, in a power-of-two number of buckets of at most `bucket` items on average (tests use small ones). */
export function shuffleWork(n: number, bucket = BUCKET): ShuffleWork {
  let buckets = 1;
  while (buckets * bucket < n) buckets *= 2;
  if (buckets > 65536) throw new Error(`bucketed shuffle: ${n} items is too many`);
  return { out: new Uint32Array(n), tag: buckets <= 256 ? new Uint8Array(n) : new Uint16Array(n), start: new Int32Array(buckets + 1) };
}

/**
 * A uniformly random permutation of `items` into work.out, bucket by bucket: every item draws a
 * uniform bucket (a bit field of a 32-bit draw: the buckets are a power of two), a counting sort groups the
 * buckets in item order, and `onBucket(from, to)` is called for each bucket in turn after a
 * Fisher-Yates shuffle of its items. The buckets' contents are a uniformly random partition and each
 * is in uniformly random order, so the whole is a uniformly random permutation; unlike one
 * Fisher-Yates pass over millions of items, every swap stays in cache (Elo plays each bucket while
 * it is there). Draws: one per 32 / log2(buckets) items for their buckets (low bits first), then one per item
 * for the shuffles (multiply-shift, as every draw here), bucket by bucket.
 */
export function bucketedShuffle(
  items: Uint32Array,
  rng: Xoshiro128,
  work: ShuffleWork,
  onBucket: (from: number, to: number) => void,
): void {
  const n = items.length;
  const { out, tag, start } = work;
  const buckets = start.length - 1;
  start.fill(0);
  // The generator runs in local variables (as in engine/contest.ts), advanced exactly as nextUint32.
  let s0 = rng.s0;
  let s1 = rng.s1;
  let s2 = rng.s2;
  let s3 = rng.s3;
  // A power-of-two number of buckets: a bucket is a bit field of a draw, exactly uniform, and one
  // 32-bit draw serves 32 / log2(buckets) items (4 with up to 256 buckets).
  const bits = Math.log2(buckets);
  const perDraw = bits === 0 ? 32 : Math.floor(32 / bits);
  const mask = buckets - 1;
  for (let i = 0; i < n; i += perDraw) {
    const m = Math.imul(s1, 5);
    let u = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const end = Math.min(n, i + perDraw);
    for (let k = i; k < end; k++) {
      const j = u & mask;
      u >>>= bits;
      tag[k] = j;
      start[j + 1]++;
    }
  }
  for (let j = 0; j < buckets; j++) start[j + 1] += start[j];
  const next = start.slice(0, buckets);
  for (let i = 0; i < n; i++) out[next[tag[i]]++] = items[i];
  for (let j = 0; j < buckets; j++) {
    const from = start[j];
    for (let i = start[j + 1] - 1; i > from; i--) {
      const m = Math.imul(s1, 5);
      const u = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const p = from + Math.floor(u * (i - from + 1) * INV_2_32);
      const x = out[i];
      out[i] = out[p];
      out[p] = x;
    }
    onBucket(from, start[j + 1]);
  }
  rng.s0 = s0;
  rng.s1 = s1;
  rng.s2 = s2;
  rng.s3 = s3;
}

/** ln(10) / 400: 10^(d / 400) = exp(d * C). */
const C = Math.LN10 / 400;
/**
 * Largest K whose steps the Taylor series below covers: |delta| <= K, so |x| <= 16 C < 0.093 and
 * the series to x^7 is off by less than x^8 / 8! < 2e-13 relative (4e-18 at K = 4); a larger K takes Math.exp.
 */
const TAYLOR_MAX_K = 16;

/** Strengths q = 10^(R / 400) of ratings R (at the start of an order, or to resynchronise). */
export function strengths(r: Float64Array, q: Float64Array): void {
  for (let m = 0; m < r.length; m++) q[m] = Math.exp(r[m] * C);
}

/**
 * Elo over battles[from .. to) in that order, each packed as a * 2^17 + b * 4 + outcome (0: b wins,
 * 1: tie, 2: a wins). E_a = 1 / (1 + 10^((R_b - R_a) / 400)) is computed as q_a / (q_a + q_b) from
 * strengths q = 10^(R / 400) (see strengths) kept alongside R: an update multiplies q_a by
 * 10^(delta / 400) and q_b by 10^(-delta / 400), from their Taylor series to x^7 (cosh and sinh
 * terms shared), instead of an exp per battle (3x faster). R itself is updated exactly as the
 * definition says; q drifts from 10^(R / 400) by rounding only (about 1e-16 relative per update).
 */
export function playPacked(battles: Uint32Array, from: number, to: number, r: Float64Array, q: Float64Array, k: number): void {
  if (k > TAYLOR_MAX_K) {
    playPackedExp(battles, from, to, r, k);
    return;
  }
  for (let t = from; t < to; t++) {
    const c = battles[t];
    const a = c >>> 17;
    const b = (c >>> 2) & 0x7fff;
    const qa = q[a];
    const qb = q[b];
    const delta = k * ((c & 3) * 0.5 - qa / (qa + qb));
    r[a] += delta;
    r[b] -= delta;
    // 10^(+-delta / 400) = cosh(x) +- sinh(x): both from one set of even and odd Taylor terms, no division.
    const x = delta * C;
    const x2 = x * x;
    const ch = 1 + x2 * (0.5 + x2 * (1 / 24 + x2 * (1 / 720)));
    const sh = x * (1 + x2 * (1 / 6 + x2 * (1 / 120 + x2 * (1 / 5040))));
    q[a] = qa * (ch + sh);
    q[b] = qb * (ch - sh);
  }
}

/** playPacked for a large K: one exp per battle (q unused). */
function playPackedExp(battles: Uint32Array, from: number, to: number, r: Float64Array, k: number): void {
  for (let t = from; t < to; t++) {
    const c = battles[t];
    const a = c >>> 17;
    const b = (c >>> 2) & 0x7fff;
    const delta = k * ((c & 3) * 0.5 - 1 / (1 + Math.exp((r[b] - r[a]) * C)));
    r[a] += delta;
    r[b] -= delta;
  }
}
