/** Study re-rankings on threads (see share.ts): each job's result depends on its job alone (CSD replays its own seed). */
import { pullReranks, type RerankBatch, type RerankJob } from "../analysis/rerun.js";
import type { ScoreTable } from "../table/types.js";
import type { SimulationPool } from "./pool.js";
import { shareIndexed } from "./share.js";
import { defaultThreads } from "./simulate.js";

/** Re-ranking never reads per-item results: leave them out of what is copied to every worker. */
function withoutItems(table: ScoreTable): ScoreTable {
  const { items: _items, ...rest } = table;
  return rest;
}

export function rerankOnThreads(threads = defaultThreads(), pool?: SimulationPool): RerankBatch {
  return (jobs, s) => {
    const light: RerankJob[] = jobs.map((job) => ({ ...job, table: withoutItems(job.table) }));
    return shareIndexed("rerank", { jobs: light, settings: s }, jobs.length, threads, pool, (next) => pullReranks(jobs, s, next));
  };
}
