/**
 * The hot loop: simulated Swiss-system contests (spec: shared/spec/csd.md), written over typed
 * arrays with no allocation per contest. Round scores are compared directly (O(M*K) memory); no
 * M*M*K win tensor is ever built.
 *
 * How it stays fast (measured in bench/, see docs/performance.md):
 * - Bucket sizes are the same in every contest (layout.ts), so each match's winner and loser are
 *   written straight into their next-round bucket: no per-round sort, and a model's score is the
 *   bucket it ends in. The final-position groups are fixed too, so a model's final position is
 *   known the moment it is eliminated or the contest ends: no pass over the models at the end.
 * - With no tie tolerance, comparisons read 16-bit ranks and pick winner and loser without
 *   branches; only exact ties (rare) branch to the coin.
 * - The generator's state lives in local variables when `rng` is the project's Xoshiro128, and
 *   below(n) is done in integer arithmetic; any other RandomSource is called through below(n) at
 *   exactly the same points with the same n (bit-identical tallies for the same generator), so
 *   tests that enumerate draws exercise the same algorithm.
 * - Byes, eliminations and rounds played go straight into the tally when they happen; large rank
 *   histograms are updated in batches.
 */
import { type BucketLayout, bucketLayout, comparisonRanks, layoutFits, MAX_RANKED_MODELS } from "./layout.js";
import { normalCdf } from "./normal.js";
import { type RandomSource, Xoshiro128 } from "./rng.js";

/** Resolution of the uniform draw of a noise-aware match. */
const TWO_POW_21 = 2097152;

import type { ContestRules, RoundScores, Tally } from "./types.js";

/**
 * Scratch buffers reused across contests (one per thread), plus caches derived from the round
 * scores and the schedule. The round scores must not change while a workspace is used with them.
 * Every field holds its final type from the start (stable hidden class: no deoptimisation when a
 * cache is first filled).
 */
export interface Workspace {
  models: number;
  bufA: Int32Array;
  bufB: Int32Array;
  offset: Int32Array;
  /** Final position -> rank histogram bin, for bin width `binWidth` (0: not computed yet). */
  binOf: Int32Array;
  binWidth: number;
  /** Batched histogram updates for large fields: bin of model m in the b-th contest of a batch at b*models + m. */
  binBuf: Uint16Array;
  layout: BucketLayout;
  /** The values array `ranks` was computed from (identity); `ranksValid` false when NaN forbids ranks. */
  ranksOf: Float64Array;
  ranks: Int16Array;
  ranksValid: boolean;
}

export function createWorkspace(models: number, rounds: number): Workspace {
  return {
    models,
    bufA: new Int32Array(models),
    bufB: new Int32Array(models),
    offset: new Int32Array(rounds + 2),
    binOf: new Int32Array(models),
    binWidth: 0,
    binBuf: new Uint16Array(0),
    layout: bucketLayout(models, new Int32Array(0)),
    ranksOf: new Float64Array(0),
    ranks: new Int16Array(0),
    ranksValid: false,
  };
}

/**
 * Computes the comparison ranks of `rs` into the workspace (playContests does it when it meets new
 * round scores; a caller that may have changed them in place calls it first). `known`: the ranks
 * comparisonRanks(rs) already gave (null: it gave none), so they are not computed again.
 */
export function cacheRanks(ws: Workspace, rs: RoundScores, known?: Int16Array | null): void {
  const r = known === undefined ? comparisonRanks(rs) : (known ?? undefined);
  ws.ranksValid = r !== undefined;
  ws.ranks = r ?? new Int16Array(0);
  ws.ranksOf = rs.values;
}

/**
 * Rank histograms larger than this many cells (512 KB) are updated in batches: one contest's
 * updates land in random rows of the whole table, a cache miss each once it outgrows the caches;
 * recording the bins of a batch of contests and adding them model by model touches each row once
 * per batch. The batch buffer (16-bit bins) is kept near 128 KB.
 */
const DIRECT_HISTOGRAM_CELLS = 1 << 17;
const BATCH_BUFFER_CELLS = 1 << 16;

function flushBins(hist: Uint32Array, bins: number, buf: Uint16Array, models: number, batch: number): void {
  for (let m = 0, row = 0; m < models; m++, row += bins) {
    for (let b = 0, i = m; b < batch; b++, i += models) hist[row + buf[i]]++;
  }
}

/** The workspace's final position -> histogram bin table for bin width `binWidth`. */
export function setBins(ws: Workspace, models: number, binWidth: number): void {
  if (ws.binWidth === binWidth) return;
  for (let p = 0; p < models; p++) ws.binOf[p] = Math.floor(p / binWidth);
  ws.binWidth = binWidth;
}

/**
 * Plays `contests` independent contests and adds what happened to `tally`.
 *
 * Pairing inside a bucket draws a uniformly random bye (odd bucket) and then a uniformly random
 * perfect matching of the rest: the same distribution as "shuffle and pair neighbours" with about
 * half the draws (and none for a bucket of one). Final positions break ties by a fair draw (one
 * uniform rotation per tied group, which gives every tied model a uniform position inside it).
 */
export function playContests(rs: RoundScores, rules: ContestRules, rng: RandomSource, contests: number, tally: Tally, ws: Workspace): void {
  const M = rs.models;
  const vals = rs.values;
  const tol = rules.tieTolerance;
  const script = rules.elimination === "script";

  if (!layoutFits(ws.layout, M, rules.schedule)) ws.layout = bucketLayout(M, rules.schedule);
  const L = ws.layout;
  if (ws.ranksOf !== vals) cacheRanks(ws, rs);
  // Noise-aware matches draw each outcome from the round scores' standard errors.
  const errs = rules.outcomes === "probabilistic" ? rs.errors : undefined;
  if (rules.outcomes === "probabilistic" && !errs) throw new Error("probabilistic outcomes need round-score standard errors");
  // Integer ranks when comparisons are exact; otherwise (tolerance, NaN scores, noise) the doubles.
  const useRanks = tol === 0 && ws.ranksValid && errs === undefined;
  const rk = ws.ranks;

  const binWidth = tally.rankBinWidth;
  const bins = tally.rankBins;
  const binOf = ws.binOf;
  // Callers that play many contests set the bins before (montecarlo.ts): a branch first taken in
  // optimised code deoptimises the whole function (the flat twins' first runs after the main run's).
  if (ws.binWidth !== binWidth) setBins(ws, M, binWidth);

  const offset = ws.offset;
  const batched = M * bins > DIRECT_HISTOGRAM_CELLS && bins <= 65536;
  const batchSize = batched ? Math.max(1, Math.min(contests, Math.floor(BATCH_BUFFER_CELLS / M))) : 0;
  if (ws.binBuf.length < batchSize * M) ws.binBuf = new Uint16Array(batchSize * M);
  const binBuf = ws.binBuf;
  let inBatch = 0;
  const { played: R, plays, playFrom, elim, elimFrom, survivors, cutLo, cutHi, drop, finalCount, finalStart } = L;
  const K = L.schedule.length;
  const { scoreSum, scoreSqSum, firstCount, eliminatedCount, roundsSum, byeSum, rankHistogram } = tally;

  tally.contests += contests;

  // The generator's state in locals (fast path), or draws through the interface. Each inlined
  // draw below is Xoshiro128.nextUint32 followed by Xoshiro128.below(n) = floor(u * n / 2^32),
  // computed in 32-bit integer halves (exact for n <= 32768, hence the field-size condition).
  // The state is written back after every contest (cheap), so the optimised code never meets an
  // access without type feedback at the end of its first call.
  const fast = rng instanceof Xoshiro128 && M <= MAX_RANKED_MODELS;
  const gen = fast ? (rng as Xoshiro128) : undefined;
  let s0 = gen ? gen.s0 : 0;
  let s1 = gen ? gen.s1 : 0;
  let s2 = gen ? gen.s2 : 0;
  let s3 = gen ? gen.s3 : 0;

  for (let n = 0; n < contests; n++) {
    // Final positions: descending score; the models of a tied group take its positions in the
    // order the loop meets them, rotated by a uniform offset drawn now (independent of that
    // order), so every tied model has a uniform position inside its group.
    for (let v = K; v >= 0; v--) {
      const c = finalCount[v];
      let x = 0;
      if (c > 1) {
        if (fast) {
          const q = Math.imul(s1, 5);
          const u = Math.imul((q << 7) | (q >>> 25), 9);
          x = (Math.imul(u >>> 16, c) + (Math.imul(u & 0xffff, c) >>> 16)) >>> 16;
          const t = s1 << 9;
          s2 ^= s0;
          s3 ^= s1;
          s1 ^= s2;
          s0 ^= s3;
          s2 ^= t;
          s3 = (s3 << 11) | (s3 >>> 21);
        } else x = rng.below(c);
      }
      offset[v] = x;
    }

    let cur = ws.bufA;
    let nxt = ws.bufB;
    for (let i = 0; i < M; i++) cur[i] = i;
    const bufRow = inBatch * M;

    for (let k = 0; k < R; k++) {
      const base = k * M;
      const pEnd = 4 * playFrom[k + 1];
      for (let p = 4 * playFrom[k]; p < pEnd; p += 4) {
        // One bucket: start g and size c in cur; winners go to nxt[wp..], losers to nxt[lp..].
        const g = plays[p];
        let c = plays[p + 1];
        let wp = plays[p + 2];
        let lp = plays[p + 3];
        if (c & 1) {
          // The bye: a uniform member of the bucket, moved to the end.
          const last = g + c - 1;
          if (c > 1) {
            let x: number;
            if (fast) {
              const q = Math.imul(s1, 5);
              const u = Math.imul((q << 7) | (q >>> 25), 9);
              x = (Math.imul(u >>> 16, c) + (Math.imul(u & 0xffff, c) >>> 16)) >>> 16;
              const t = s1 << 9;
              s2 ^= s0;
              s3 ^= s1;
              s1 ^= s2;
              s0 ^= s3;
              s2 ^= t;
              s3 = (s3 << 11) | (s3 >>> 21);
            } else x = rng.below(c);
            const j = g + x;
            const t = cur[j];
            cur[j] = cur[last];
            cur[last] = t;
          }
          const b = cur[last];
          byeSum[b]++;
          nxt[lp + (c >> 1)] = b;
          c--;
        }
        const end = g + c;
        // The matches: cur[i] meets a uniform partner among the rest of the bucket. Two copies of
        // this loop (integer ranks / doubles) keep the common one free of a per-match test.
        if (useRanks) {
          for (let i = g; i < end; i += 2) {
            const r = end - i - 1;
            let x: number;
            if (fast) {
              const q = Math.imul(s1, 5);
              const u = Math.imul((q << 7) | (q >>> 25), 9);
              x = (Math.imul(u >>> 16, r) + (Math.imul(u & 0xffff, r) >>> 16)) >>> 16;
              const t = s1 << 9;
              s2 ^= s0;
              s3 ^= s1;
              s1 ^= s2;
              s0 ^= s3;
              s2 ^= t;
              s3 = (s3 << 11) | (s3 >>> 21);
            } else x = rng.below(r);
            const j = i + 1 + x;
            const a = cur[i];
            const b = cur[j];
            cur[j] = cur[i + 1];
            const ra = rk[base + a];
            const rb = rk[base + b];
            // 1 when a beats b (rank a > rank b), 0 otherwise; an exact tie tosses a coin.
            let aWins = (rb - ra) >>> 31;
            if (ra === rb) {
              if (fast) {
                const q = Math.imul(s1, 5);
                aWins = 1 - (Math.imul((q << 7) | (q >>> 25), 9) >>> 31);
                const t = s1 << 9;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= t;
                s3 = (s3 << 11) | (s3 >>> 21);
              } else aWins = rng.below(2) === 0 ? 1 : 0;
            }
            const w = b ^ ((a ^ b) & -aWins);
            nxt[wp++] = w;
            nxt[lp++] = a ^ b ^ w;
          }
        } else {
          for (let i = g; i < end; i += 2) {
            const r = end - i - 1;
            let x: number;
            if (fast) {
              const q = Math.imul(s1, 5);
              const u = Math.imul((q << 7) | (q >>> 25), 9);
              x = (Math.imul(u >>> 16, r) + (Math.imul(u & 0xffff, r) >>> 16)) >>> 16;
              const t = s1 << 9;
              s2 ^= s0;
              s3 ^= s1;
              s1 ^= s2;
              s0 ^= s3;
              s2 ^= t;
              s3 = (s3 << 11) | (s3 >>> 21);
            } else x = rng.below(r);
            const j = i + 1 + x;
            const a = cur[i];
            const b = cur[j];
            cur[j] = cur[i + 1];
            // Differences within the tolerance (and NaN) are ties: a coin decides.
            const d = vals[base + a] - vals[base + b];
            let aWins = d > tol ? 1 : 0;
            const noise = errs === undefined ? 0 : errs[base + a] * errs[base + a] + errs[base + b] * errs[base + b];
            if (noise > 0) {
              // P(a wins) = Phi(d / sqrt(se_a^2 + se_b^2)); the draw is below(2^21) (u >>> 11 inline).
              const p = normalCdf(d / Math.sqrt(noise));
              let y: number;
              if (fast) {
                const q = Math.imul(s1, 5);
                y = Math.imul((q << 7) | (q >>> 25), 9) >>> 11;
                const t = s1 << 9;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= t;
                s3 = (s3 << 11) | (s3 >>> 21);
              } else y = rng.below(TWO_POW_21);
              aWins = y < p * TWO_POW_21 ? 1 : 0;
            } else if (!(d > tol) && !(d < -tol)) {
              if (fast) {
                const q = Math.imul(s1, 5);
                aWins = 1 - (Math.imul((q << 7) | (q >>> 25), 9) >>> 31);
                const t = s1 << 9;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= t;
                s3 = (s3 << 11) | (s3 >>> 21);
              } else aWins = rng.below(2) === 0 ? 1 : 0;
            }
            const w = b ^ ((a ^ b) & -aWins);
            nxt[wp++] = w;
            nxt[lp++] = a ^ b ^ w;
          }
        }
      }

      // Elimination: the first drop[k] positions of nxt (lowest scores first).
      const d = drop[k];
      if (d > 0) {
        const lo = cutLo[k];
        const hi = cutHi[k];
        if (hi > d) {
          if (!script) {
            // Paper mode: a uniform subset of the cut bucket, by a partial shuffle to its front.
            for (let i = lo; i < d; i++) {
              const r = hi - i;
              let x: number;
              if (fast) {
                const q = Math.imul(s1, 5);
                const u = Math.imul((q << 7) | (q >>> 25), 9);
                x = (Math.imul(u >>> 16, r) + (Math.imul(u & 0xffff, r) >>> 16)) >>> 16;
                const t = s1 << 9;
                s2 ^= s0;
                s3 ^= s1;
                s1 ^= s2;
                s0 ^= s3;
                s2 ^= t;
                s3 = (s3 << 11) | (s3 >>> 21);
              } else x = rng.below(r);
              const j = i + x;
              const t = nxt[i];
              nxt[i] = nxt[j];
              nxt[j] = t;
            }
          } else if (d - lo <= 16) {
            // Script mode: the models listed first go (selection of the smallest indices).
            for (let i = lo; i < d; i++) {
              let jm = i;
              for (let j = i + 1; j < hi; j++) if (nxt[j] < nxt[jm]) jm = j;
              const t = nxt[i];
              nxt[i] = nxt[jm];
              nxt[jm] = t;
            }
          } else {
            nxt.subarray(lo, hi).sort();
          }
        }
        // The eliminated keep their score (the bucket they leave from) and take their final position.
        const eEnd = 3 * elimFrom[k + 1];
        for (let e = 3 * elimFrom[k]; e < eEnd; e += 3) {
          const to = elim[e + 1];
          const s = elim[e + 2];
          const c = finalCount[s];
          const fs = finalStart[s];
          let r = offset[s];
          for (let i = elim[e]; i < to; i++) {
            const m = nxt[i];
            const pos = fs + r;
            if (++r === c) r = 0;
            if (pos === 0) firstCount[m]++;
            if (batched) binBuf[bufRow + m] = binOf[pos];
            else rankHistogram[m * bins + binOf[pos]]++;
            scoreSum[m] += s;
            scoreSqSum[m] += s * s;
            eliminatedCount[m]++;
            roundsSum[m] += k + 1;
          }
          offset[s] = r;
        }
      }
      const t = cur;
      cur = nxt;
      nxt = t;
    }

    // Survivors: the score is the bucket they end in.
    for (let e = 0; e < survivors.length; e += 3) {
      const to = survivors[e + 1];
      const s = survivors[e + 2];
      const c = finalCount[s];
      const fs = finalStart[s];
      let r = offset[s];
      for (let i = survivors[e]; i < to; i++) {
        const m = cur[i];
        const pos = fs + r;
        if (++r === c) r = 0;
        if (pos === 0) firstCount[m]++;
        if (batched) binBuf[bufRow + m] = binOf[pos];
        else rankHistogram[m * bins + binOf[pos]]++;
        scoreSum[m] += s;
        scoreSqSum[m] += s * s;
        roundsSum[m] += R;
      }
      offset[s] = r;
    }
    // The last contest flushes its batch here, inside the loop: code after the loop has no type
    // feedback when V8 compiles this function on stack in its first call, and Node 20's V8 then
    // re-enters that stale code (and deoptimises at its end) on every later call.
    if (batched && (++inBatch === batchSize || n === contests - 1)) {
      flushBins(rankHistogram, bins, binBuf, M, inBatch);
      inBatch = 0;
    }
    if (gen) {
      gen.s0 = s0;
      gen.s1 = s1;
      gen.s2 = s2;
      gen.s3 = s3;
    }
  }
}
