/**
 * Bootstrap replicates on threads (see parallel/share.ts): a replicate depends on its index alone
 * (its resample is seeded by it, and the contests replay the same seeds).
 */
import type { SimulationPool } from "../parallel/pool.js";
import type { IndexedJob } from "../parallel/protocol.js";
import { shareIndexed } from "../parallel/share.js";
import { defaultThreads } from "../parallel/simulate.js";
import type { RoundPlan } from "../plan/plan.js";
import type { ScoreTable } from "../table/types.js";
import { type BootstrapBatch, type BootstrapSettings, pullBootstrap } from "./bootstrap.js";
import type { ResampleSpec } from "./resample.js";

interface BootstrapRequest {
  table: ScoreTable;
  plan: RoundPlan;
  spec: ResampleSpec;
  settings: BootstrapSettings;
}

/** A worker's share of the replicates (called by name in the worker: see BOOTSTRAP_JOB). */
export function pullBootstrapRequest(req: BootstrapRequest, next: () => number): [number, Float64Array[]][] {
  return pullBootstrap(req.table, req.plan, req.spec, req.settings, next);
}

const BOOTSTRAP_JOB: IndexedJob<BootstrapRequest, Float64Array[]> = {
  name: "bootstrap",
  module: import.meta.url,
  pull: "pullBootstrapRequest",
};

export function bootstrapOnThreads(threads = defaultThreads(), pool?: SimulationPool): BootstrapBatch {
  return (table, plan, spec, settings) =>
    shareIndexed(BOOTSTRAP_JOB, { table, plan, spec, settings }, settings.resamples, threads, pool, pullBootstrapRequest);
}
