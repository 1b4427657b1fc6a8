/**
 * Bootstrap replicates on threads (see share.ts): a replicate depends on its index alone (its
 * resample is seeded by it, and the contests replay the same seeds).
 */
import { type BootstrapBatch, pullBootstrap } from "../analysis/bootstrap.js";
import type { SimulationPool } from "./pool.js";
import { shareIndexed } from "./share.js";
import { defaultThreads } from "./simulate.js";

export function bootstrapOnThreads(threads = defaultThreads(), pool?: SimulationPool): BootstrapBatch {
  return (table, plan, spec, s) =>
    shareIndexed("bootstrap", { table, plan, spec, settings: s }, s.resamples, threads, pool, (next) =>
      pullBootstrap(table, plan, spec, s, next),
    );
}
