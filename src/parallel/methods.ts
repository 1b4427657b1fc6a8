/**
 * A comparison's static ranking methods on worker threads: the calling thread and threads - 1
 * pooled workers pull methods from one shared counter, the heaviest (bootstrapped Bradley-Terry,
 * Elo over random orders) first. Each method's result depends on the matrix and options alone.
 */
import { type MethodBatch, pullMethods } from "../analysis/compare.js";
import type { RankingResult } from "../rank/index.js";
import { type SimulationPool, sharedPool } from "./pool.js";
import { sharedCounter } from "./protocol.js";
import { defaultThreads } from "./simulate.js";

/** Methods whose cost grows with M^2 times their resamples: started first so that no thread waits at the end. */
const HEAVY_FIRST = ["bradley-terry", "elo", "iqm", "optimality-gap"];

const weight = (id: string) => {
  const i = HEAVY_FIRST.indexOf(id);
  return i < 0 ? HEAVY_FIRST.length : i;
};

export function methodsOnThreads(threads = defaultThreads(), pool?: SimulationPool): MethodBatch {
  return async (matrix, ids, options) => {
    const n = Math.max(1, Math.min(threads, ids.length));
    const order = ids.map((_, i) => i).sort((a, b) => weight(ids[a]) - weight(ids[b]) || a - b);
    const sorted = order.map((i) => ids[i]);
    const counter = new SharedArrayBuffer(4);
    const parts = n > 1 ? (pool ?? sharedPool()).methods({ matrix, ids: sorted, options, counter }, n - 1) : [];
    const own = pullMethods(matrix, sorted, options, sharedCounter(counter));
    const results: RankingResult[] = new Array(ids.length);
    for (const [j, r] of [own, ...(await Promise.all(parts))].flat()) results[order[j]] = r;
    return results;
  };
}
