/**
 * A comparison's static ranking methods on threads (see parallel/share.ts), the heaviest
 * (bootstrapped Bradley-Terry, Elo over random orders) first. Each method's result depends on the
 * matrix and options alone.
 */
import type { SimulationPool } from "../parallel/pool.js";
import type { IndexedJob } from "../parallel/protocol.js";
import { shareIndexed } from "../parallel/share.js";
import { defaultThreads } from "../parallel/simulate.js";
import type { RankingOptions, RankingResult } from "../rank/index.js";
import type { ScoreMatrix } from "../rank/matrix.js";
import { type MethodBatch, pullMethods } from "./compare.js";

/** Methods whose cost grows with M^2 times their resamples: started first so that no thread waits at the end. */
const HEAVY_FIRST = ["bradley-terry", "elo", "iqm", "optimality-gap"];

const weight = (id: string) => {
  const i = HEAVY_FIRST.indexOf(id);
  return i < 0 ? HEAVY_FIRST.length : i;
};

interface MethodsRequest {
  matrix: ScoreMatrix;
  /** Ranking-method registry ids, heaviest first. */
  ids: string[];
  options: RankingOptions;
}

/** A worker's share of the methods (called by name in the worker: see METHODS_JOB). */
export function pullMethodsRequest(req: MethodsRequest, next: () => number): [number, RankingResult][] {
  return pullMethods(req.matrix, req.ids, req.options, next);
}

const METHODS_JOB: IndexedJob<MethodsRequest, RankingResult> = { name: "methods", module: import.meta.url, pull: "pullMethodsRequest" };

export function methodsOnThreads(threads = defaultThreads(), pool?: SimulationPool): MethodBatch {
  return async (matrix, ids, options) => {
    const order = ids.map((_, i) => i).sort((a, b) => weight(ids[a]) - weight(ids[b]) || a - b);
    const sorted = order.map((i) => ids[i]);
    const results = await shareIndexed(METHODS_JOB, { matrix, ids: sorted, options }, ids.length, threads, pool, pullMethodsRequest);
    const inGivenOrder = new Array<RankingResult>(ids.length);
    order.forEach((given, j) => {
      inGivenOrder[given] = results[j];
    });
    return inGivenOrder;
  };
}
