/**
 * Bootstrap replicates on worker threads: the calling thread and threads - 1 pooled workers pull
 * replicate indices from one shared counter. A replicate depends on its index alone (its resample
 * is seeded by it, and the contests replay the same seeds), so any split gives the same bits.
 */
import { type BootstrapBatch, bootstrapHere, pullBootstrap } from "../analysis/bootstrap.js";
import { type SimulationPool, sharedPool } from "./pool.js";
import { sharedCounter } from "./protocol.js";
import { defaultThreads } from "./simulate.js";

export function bootstrapOnThreads(threads = defaultThreads(), pool?: SimulationPool): BootstrapBatch {
  return async (table, plan, spec, s) => {
    const n = Math.max(1, Math.min(threads, s.resamples));
    if (n === 1) return bootstrapHere(table, plan, spec, s);
    const counter = new SharedArrayBuffer(4);
    const parts = (pool ?? sharedPool()).bootstrap({ table, plan, spec, settings: s, counter }, n - 1);
    const own = pullBootstrap(table, plan, spec, s, sharedCounter(counter));
    const replicates: Float64Array[][] = new Array(s.resamples);
    for (const [r, draws] of [own, ...(await Promise.all(parts))].flat()) replicates[r] = draws;
    return replicates;
  };
}
