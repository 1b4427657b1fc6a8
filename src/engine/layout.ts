/**
 * What the hot loop can know before any contest is played.
 *
 * Bucket layout: bucket sizes never depend on who wins (a bucket of c models at score v sends
 * floor(c/2) winners to v+1 and keeps the floor(c/2) losers and the bye at v; elimination removes a
 * fixed number from the bottom; see points.ts). So where each bucket sits in the working array, in
 * every round of every contest, is fixed by (M, schedule) alone. The loop writes each match's
 * winner and loser straight to their bucket's region for the next round: no sorting by score, and
 * the score of a model is the index of the bucket it ends in.
 *
 * Comparison ranks: with no tie tolerance, round k's comparisons only need the order of the round
 * scores, so they become dense integer ranks (equal scores, equal rank), which compare without
 * branches and take half the memory of the doubles.
 */
import type { RoundScores } from "./types.js";

export interface BucketLayout {
  models: number;
  /** A copy of the schedule this layout was built for (with the model count, the whole key). */
  schedule: Int32Array;
  /** Rounds actually played: rounds start while at least two models are active. */
  played: number;
  /** Row stride of the per-round tables below (rounds + 2). */
  stride: number;
  /**
   * Before round k (k = 0..played): bucket v (score v, v = 0..k) occupies
   * [preStart[k*stride+v], +preSize[k*stride+v]) of that round's working array. Row `played`
   * holds the survivors at the end.
   */
  preStart: Int32Array;
  preSize: Int32Array;
  /**
   * After round k is played, before elimination: models with score w (w = 0..k+1) occupy
   * [postStart[k*stride+w], +postSize[..]) of the next working array, ascending by score. Inside
   * a region: winners from bucket w-1, then losers of bucket w, then the bye of bucket w.
   */
  postStart: Int32Array;
  postSize: Int32Array;
  /** Models eliminated after round k: the first drop[k] positions of the next working array. */
  drop: Int32Array;
  /** The bucket where the cut falls, when it falls inside one: [cutLo, cutHi) with cutLo < drop < cutHi. */
  cutLo: Int32Array;
  cutHi: Int32Array;
  /**
   * Round k's non-empty buckets as 4-tuples in `plays[4*playFrom[k] .. 4*playFrom[k+1])`:
   * (start in the working array, size, first winner slot, first loser slot); the bye, if any,
   * goes to loser slot + floor(size/2).
   */
  plays: Int32Array;
  playFrom: Int32Array;
  /**
   * Models eliminated after round k, as 3-tuples (from, to, score) over positions of the next
   * working array, in `elim[3*elimFrom[k] .. 3*elimFrom[k+1])`.
   */
  elim: Int32Array;
  elimFrom: Int32Array;
  /** Survivors at the end as 3-tuples (from, to, score) over the last working array. */
  survivors: Int32Array;
  /** Number of models ending with score v (the same in every contest). */
  finalCount: Int32Array;
  /** First final position (0 = best) of score v: positions are by descending score. */
  finalStart: Int32Array;
}

export function bucketLayout(models: number, schedule: ArrayLike<number>): BucketLayout {
  const M = models;
  const K = schedule.length;
  const stride = K + 2;
  const preStart = new Int32Array((K + 1) * stride);
  const preSize = new Int32Array((K + 1) * stride);
  const postStart = new Int32Array(K * stride);
  const postSize = new Int32Array(K * stride);
  const drop = new Int32Array(K);
  const cutLo = new Int32Array(K);
  const cutHi = new Int32Array(K);
  const finalCount = new Int32Array(K + 2);
  const finalStart = new Int32Array(K + 2);
  preSize[0] = M;
  let na = M;
  let k = 0;
  for (; k < K && na > 1; k++) {
    const pre = k * stride;
    const next = pre + stride;
    let p = 0;
    for (let w = 0; w <= k + 1; w++) {
      const stay = w <= k ? preSize[pre + w] - (preSize[pre + w] >> 1) : 0;
      const up = w > 0 ? preSize[pre + w - 1] >> 1 : 0;
      postStart[pre + w] = p;
      postSize[pre + w] = stay + up;
      p += stay + up;
    }
    const d = Math.min(Math.max(schedule[k], 0), na);
    drop[k] = d;
    cutLo[k] = d;
    cutHi[k] = d;
    for (let w = 0; w <= k + 1; w++) {
      const s = postStart[pre + w];
      const e = s + postSize[pre + w];
      const removed = Math.max(0, Math.min(e, d) - s);
      finalCount[w] += removed;
      if (s < d && d < e) {
        cutLo[k] = s;
        cutHi[k] = e;
      }
      const from = Math.max(s, d);
      preStart[next + w] = from;
      preSize[next + w] = Math.max(0, e - from);
    }
    na -= d;
  }
  const last = k * stride;
  for (let v = 0; v <= k; v++) finalCount[v] += preSize[last + v];
  let p = 0;
  for (let v = K + 1; v >= 0; v--) {
    finalStart[v] = p;
    p += finalCount[v];
  }
  const plays: number[] = [];
  const playFrom = new Int32Array(k + 1);
  const elim: number[] = [];
  const elimFrom = new Int32Array(k + 1);
  for (let r = 0; r < k; r++) {
    const row = r * stride;
    playFrom[r] = plays.length / 4;
    elimFrom[r] = elim.length / 3;
    for (let v = 0; v <= r; v++) {
      const c = preSize[row + v];
      const loserSlot = postStart[row + v] + (v > 0 ? preSize[row + v - 1] >> 1 : 0);
      if (c > 0) plays.push(preStart[row + v], c, postStart[row + v + 1], loserSlot);
    }
    for (let w = 0; w <= r + 1; w++) {
      const from = postStart[row + w];
      const to = Math.min(from + postSize[row + w], drop[r]);
      if (to > from) elim.push(from, to, w);
    }
  }
  playFrom[k] = plays.length / 4;
  elimFrom[k] = elim.length / 3;
  const survivors: number[] = [];
  for (let v = 0; v <= k; v++) if (preSize[last + v] > 0) survivors.push(preStart[last + v], preStart[last + v] + preSize[last + v], v);
  return {
    plays: Int32Array.from(plays),
    playFrom,
    elim: Int32Array.from(elim),
    elimFrom,
    survivors: Int32Array.from(survivors),
    models: M,
    schedule: Int32Array.from(schedule),
    played: k,
    stride,
    preStart,
    preSize,
    postStart,
    postSize,
    drop,
    cutLo,
    cutHi,
    finalCount,
    finalStart,
  };
}

/** True when `layout` was built for this model count and schedule. */
export function layoutFits(layout: BucketLayout, models: number, schedule: ArrayLike<number>): boolean {
  if (layout.models !== models || layout.schedule.length !== schedule.length) return false;
  for (let k = 0; k < schedule.length; k++) if (layout.schedule[k] !== schedule[k]) return false;
  return true;
}

/** Largest field whose ranks fit in 16 bits. */
export const MAX_RANKED_MODELS = 32768;

/**
 * Dense per-round ranks of the round scores (round-major like `values`): a > b exactly when
 * rank a > rank b, equal scores share a rank. 16-bit, to keep a round's row small in cache.
 * Undefined when a value is NaN (NaN ties with every score, which no ranking expresses) or the
 * field is larger than MAX_RANKED_MODELS: the loop then compares the doubles.
 */
export function comparisonRanks(rs: RoundScores): Int16Array | undefined {
  const { models: M, rounds: K, values } = rs;
  if (M > MAX_RANKED_MODELS) return undefined;
  const ranks = new Int16Array(M * K);
  const sorted = new Float64Array(M);
  for (let k = 0; k < K; k++) {
    const base = k * M;
    for (let m = 0; m < M; m++) {
      const v = values[base + m];
      if (Number.isNaN(v)) return undefined;
      sorted[m] = v;
    }
    // Distinct values ascending (a native numeric sort; -0 and 0 count as one value).
    sorted.sort();
    let n = 0;
    for (let i = 0; i < M; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i];
    for (let m = 0; m < M; m++) {
      const v = values[base + m];
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      ranks[base + m] = lo;
    }
  }
  return ranks;
}
