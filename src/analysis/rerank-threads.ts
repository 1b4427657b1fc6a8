/** Study re-rankings on threads (see parallel/share.ts): each job's result depends on its job alone (CSD replays its own seed). */
import type { SimulationPool } from "../parallel/pool.js";
import type { IndexedJob } from "../parallel/protocol.js";
import { shareIndexed } from "../parallel/share.js";
import { defaultThreads } from "../parallel/simulate.js";
import type { ScoreTable } from "../table/types.js";
import { type MethodScores, pullReranks, type RerankBatch, type RerankJob, type RerunSettings } from "./rerun.js";

/** Re-ranking never reads per-item results: leave them out of what is copied to every worker. */
function withoutItems(table: ScoreTable): ScoreTable {
  const { items: _items, ...rest } = table;
  return rest;
}

interface RerankRequest {
  jobs: RerankJob[];
  settings: RerunSettings;
}

/** A worker's share of the re-rankings (called by name in the worker: see RERANK_JOB). */
export function pullRerankRequest(req: RerankRequest, next: () => number): [number, MethodScores[]][] {
  return pullReranks(req.jobs, req.settings, next);
}

const RERANK_JOB: IndexedJob<RerankRequest, MethodScores[]> = { name: "rerank", module: import.meta.url, pull: "pullRerankRequest" };

/** onProgress(done, total): re-rankings claimed so far by every thread, reported as the calling thread claims its own. */
export function rerankOnThreads(
  threads = defaultThreads(),
  pool?: SimulationPool,
  onProgress?: (done: number, total: number) => void,
): RerankBatch {
  return (jobs, settings) => {
    const light: RerankJob[] = jobs.map((job) => ({ ...job, table: withoutItems(job.table) }));
    // The calling thread reads the jobs as given (items kept): only copies to workers go light.
    return shareIndexed(
      RERANK_JOB,
      { jobs: light, settings },
      jobs.length,
      threads,
      pool,
      (_req, next) => pullReranks(jobs, settings, next),
      onProgress,
    );
  };
}
