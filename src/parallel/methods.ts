/**
 * A comparison's static ranking methods on threads (see share.ts), the heaviest (bootstrapped
 * Bradley-Terry, Elo over random orders) first. Each method's result depends on the matrix and options alone.
 */
import { type MethodBatch, pullMethods } from "../analysis/compare.js";
import type { SimulationPool } from "./pool.js";
import { shareIndexed } from "./share.js";
import { defaultThreads } from "./simulate.js";

/** Methods whose cost grows with M^2 times their resamples: started first so that no thread waits at the end. */
const HEAVY_FIRST = ["bradley-terry", "elo", "iqm", "optimality-gap"];

const weight = (id: string) => {
  const i = HEAVY_FIRST.indexOf(id);
  return i < 0 ? HEAVY_FIRST.length : i;
};

export function methodsOnThreads(threads = defaultThreads(), pool?: SimulationPool): MethodBatch {
  return async (matrix, ids, options) => {
    const order = ids.map((_, i) => i).sort((a, b) => weight(ids[a]) - weight(ids[b]) || a - b);
    const sorted = order.map((i) => ids[i]);
    const results = await shareIndexed("methods", { matrix, ids: sorted, options }, ids.length, threads, pool, (next) =>
      pullMethods(matrix, sorted, options, next),
    );
    const inGivenOrder = new Array<(typeof results)[number]>(ids.length);
    order.forEach((given, j) => {
      inGivenOrder[given] = results[j];
    });
    return inGivenOrder;
  };
}
