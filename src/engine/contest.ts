/**
 * The hot loop: simulated Swiss-system contests (spec: shared/spec/csd.md), written over typed
 * arrays with no allocation per contest. Round scores are compared directly (O(M*K) memory); no
 * M*M*K win tensor is ever built.
 */
import type { RandomSource } from "./rng.js";
import type { ContestRules, RoundScores, Tally } from "./types.js";

/** Scratch buffers reused across contests (one per thread). */
export interface Workspace {
  score: Int32Array;
  bufA: Int32Array;
  bufB: Int32Array;
  bufC: Int32Array;
  count: Int32Array;
  start: Int32Array;
  offset: Int32Array;
  elimRound: Int32Array;
  byes: Int32Array;
  alive: Uint8Array;
}

export function createWorkspace(models: number, rounds: number): Workspace {
  return {
    score: new Int32Array(models),
    bufA: new Int32Array(models),
    bufB: new Int32Array(models),
    bufC: new Int32Array(models),
    count: new Int32Array(rounds + 2),
    start: new Int32Array(rounds + 2),
    offset: new Int32Array(rounds + 2),
    elimRound: new Int32Array(models),
    byes: new Int32Array(models),
    alive: new Uint8Array(models),
  };
}

/**
 * Plays `contests` independent contests and adds what happened to `tally`.
 *
 * Pairing inside a bucket draws a uniformly random bye (odd bucket) and then a uniformly random
 * perfect matching of the rest: the same distribution as "shuffle and pair neighbours" with about
 * half the draws. Final positions break ties by a fair draw (one rotation per tied group, which
 * gives every tied model a uniform position inside its group).
 */
export function playContests(
  rs: RoundScores,
  rules: ContestRules,
  rng: RandomSource,
  contests: number,
  tally: Tally,
  ws: Workspace,
): void {
  const M = rs.models;
  const K = rs.rounds;
  const vals = rs.values;
  const schedule = rules.schedule;
  const script = rules.elimination === "script";
  const tol = rules.tieTolerance;
  const { score, count, start, offset, elimRound, byes, alive } = ws;
  const spare = ws.bufC;
  const binWidth = tally.rankBinWidth;
  const bins = tally.rankBins;
  const { scoreSum, scoreSqSum, firstCount, eliminatedCount, roundsSum, byeSum, rankHistogram } = tally;

  for (let n = 0; n < contests; n++) {
    let active = ws.bufA;
    let order = ws.bufB;
    for (let i = 0; i < M; i++) {
      score[i] = 0;
      active[i] = i;
      elimRound[i] = -1;
      byes[i] = 0;
    }
    let na = M;
    let roundsRun = 0;

    for (let k = 0; k < K && na > 1; k++) {
      roundsRun = k + 1;
      // Bucket the active models by score (scores before round k lie in 0..k): counting sort.
      for (let v = 0; v <= k; v++) count[v] = 0;
      for (let i = 0; i < na; i++) count[score[active[i]]]++;
      let acc = 0;
      for (let v = 0; v <= k; v++) {
        start[v] = acc;
        acc += count[v];
      }
      for (let i = 0; i < na; i++) {
        const a = active[i];
        order[start[score[a]]++] = a;
      }

      // Pair inside each bucket and play round k.
      const base = k * M;
      let g = 0;
      for (let v = 0; v <= k; v++) {
        const size = count[v];
        let c = size;
        if (c & 1) {
          const j = g + rng.below(c);
          const last = g + c - 1;
          const t = order[j];
          order[j] = order[last];
          order[last] = t;
          byes[t]++;
          c--;
        }
        const end = g + c;
        for (let i = g; i < end; i += 2) {
          const j = i + 1 + rng.below(end - i - 1);
          const a = order[i];
          const b = order[j];
          order[j] = order[i + 1];
          order[i + 1] = b;
          const d = vals[base + a] - vals[base + b];
          if (d > tol) score[a]++;
          else if (d < -tol) score[b]++;
          else if (rng.below(2) === 0) score[a]++;
          else score[b]++;
        }
        g += size;
      }

      // Eliminate schedule[k] models from the lowest bucket(s).
      const T = schedule[k];
      if (T <= 0) {
        const t = active;
        active = order;
        order = t;
        continue;
      }
      const drop = T < na ? T : na;
      // Stable counting sort ascending by post-round score (0..k+1). Script mode first restores
      // input order, so ties at the cut fall to the models listed first (the authors' script).
      let src = order;
      if (script) {
        for (let i = 0; i < na; i++) alive[order[i]] = 1;
        let nb = 0;
        for (let m = 0; m < M; m++) {
          if (alive[m]) {
            alive[m] = 0;
            active[nb++] = m;
          }
        }
        src = active;
      }
      for (let v = 0; v <= k + 1; v++) count[v] = 0;
      for (let i = 0; i < na; i++) count[score[src[i]]]++;
      acc = 0;
      for (let v = 0; v <= k + 1; v++) {
        start[v] = acc;
        acc += count[v];
      }
      for (let i = 0; i < na; i++) {
        const m = src[i];
        spare[start[score[m]]++] = m;
      }
      if (!script) {
        // Paper mode: choose the eliminated at random inside the bucket where the cut falls.
        let lo = 0;
        let v = 0;
        while (lo + count[v] < drop) lo += count[v++];
        const hi = lo + count[v];
        if (hi > drop) {
          for (let i = lo; i < drop; i++) {
            const j = i + rng.below(hi - i);
            const t = spare[i];
            spare[i] = spare[j];
            spare[j] = t;
          }
        }
      }
      for (let i = 0; i < drop; i++) elimRound[spare[i]] = k;
      for (let i = drop; i < na; i++) active[i - drop] = spare[i];
      na -= drop;
    }

    // Final positions: descending score, ties broken by one fair rotation per tied group.
    for (let v = 0; v <= K; v++) count[v] = 0;
    for (let m = 0; m < M; m++) count[score[m]]++;
    let p = 0;
    for (let v = K; v >= 0; v--) {
      start[v] = p;
      p += count[v];
      offset[v] = count[v] > 1 ? rng.below(count[v]) : 0;
    }
    for (let m = 0; m < M; m++) {
      const s = score[m];
      const c = count[s];
      let r = offset[s]++;
      if (r >= c) r -= c;
      const pos = start[s] + r;
      if (pos === 0) firstCount[m]++;
      rankHistogram[m * bins + ((pos / binWidth) | 0)]++;
      scoreSum[m] += s;
      scoreSqSum[m] += s * s;
      byeSum[m] += byes[m];
      const e = elimRound[m];
      if (e >= 0) {
        eliminatedCount[m]++;
        roundsSum[m] += e + 1;
      } else {
        roundsSum[m] += roundsRun;
      }
    }
  }
  tally.contests += contests;
}
