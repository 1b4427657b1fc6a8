/**
 * Random numbers for the Monte Carlo: xoshiro128** (Blackman & Vigna), a 32-bit generator whose
 * arithmetic maps onto Math.imul and int32 shifts, so it runs at native speed in V8 without BigInt.
 *
 * Every chunk of contests gets its own generator, seeded from (master seed, chunk index) only: the
 * same chunk produces the same draws whichever thread, process or machine runs it.
 */

/** What the engine needs from a source of randomness (tests substitute an enumerator). */
export interface RandomSource {
  /** A uniform integer in [0, n), for 1 <= n <= 2^21. */
  below(n: number): number;
}

const TWO_POW_32 = 4294967296;

export class Xoshiro128 implements RandomSource {
  /**
   * The state words (int32). Public so that the hot loop (contest.ts) can run the generator in
   * local variables and write the state back: it must advance them exactly as nextUint32 does.
   */
  s0: number;
  s1: number;
  s2: number;
  s3: number;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is a fixed point
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  /** Next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result >>> 0;
  }

  /**
   * Uniform integer in [0, n) by multiply-shift (Lemire without rejection, as the C reference does):
   * floor(u * n / 2^32) for the next 32-bit u. The bias is below n / 2^32, far under any Monte
   * Carlo error here. Exact in doubles for n <= 2^21; contest.ts computes the same value in 32-bit
   * integer halves for n <= 32768.
   */
  below(n: number): number {
    return Math.floor((this.nextUint32() * n) / TWO_POW_32);
  }

  /** A uniform double in [0, 1) with 32 bits of resolution. */
  nextFloat(): number {
    return this.nextUint32() / TWO_POW_32;
  }
}

/** murmur3's 32-bit finaliser: a bijective avalanche mix. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Largest master seed accepted (seeds are integers that doubles hold exactly). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/**
 * The generator for one chunk of contests. `stream` separates independent uses of one seed (for
 * example the contests themselves and a later bootstrap) so that they never share draws.
 */
export function chunkRng(seed: number, chunk: number, stream = 0): Xoshiro128 {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / TWO_POW_32) >>> 0;
  const words: number[] = [];
  let h = fmix32(lo ^ 0x9e3779b9);
  h = fmix32(h ^ hi ^ 0x7f4a7c15);
  h = fmix32(h ^ (chunk >>> 0) ^ 0x85ebca6b);
  h = fmix32(h ^ Math.floor(chunk / TWO_POW_32) ^ Math.imul(stream + 1, 0x27d4eb2f));
  for (let i = 0; i < 4; i++) {
    h = fmix32((h + Math.imul(i + 1, 0x9e3779b9)) >>> 0);
    words.push(h);
  }
  const rng = new Xoshiro128(words[0], words[1], words[2], words[3]);
  // Discard a few outputs so nearby seeds decorrelate fully.
  for (let i = 0; i < 8; i++) rng.nextUint32();
  return rng;
}
