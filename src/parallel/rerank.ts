/**
 * Study re-rankings on worker threads: the calling thread and threads - 1 pooled workers pull job
 * indices from one shared counter. Each job's result depends on its job alone (CSD replays its
 * own seed), so the batch gives the same bits on any number of threads.
 */
import { type MethodScores, pullReranks, type RerankBatch, type RerankJob, rerankHere } from "../analysis/rerun.js";
import type { ScoreTable } from "../table/types.js";
import { type SimulationPool, sharedPool } from "./pool.js";
import { sharedCounter } from "./protocol.js";
import { defaultThreads } from "./simulate.js";

/** Re-ranking never reads per-item results: leave them out of what is copied to every worker. */
function withoutItems(table: ScoreTable): ScoreTable {
  const { items: _items, ...rest } = table;
  return rest;
}

export function rerankOnThreads(threads = defaultThreads(), pool?: SimulationPool): RerankBatch {
  return async (jobs, s) => {
    const n = Math.max(1, Math.min(threads, jobs.length));
    if (n === 1) return rerankHere(jobs, s);
    const counter = new SharedArrayBuffer(4);
    const light: RerankJob[] = jobs.map((job) => ({ ...job, table: withoutItems(job.table) }));
    const parts = (pool ?? sharedPool()).rerank({ jobs: light, settings: s, counter }, n - 1);
    const own = pullReranks(jobs, s, sharedCounter(counter));
    const results: MethodScores[][] = new Array(jobs.length);
    for (const [j, r] of [own, ...(await Promise.all(parts))].flat()) results[j] = r;
    return results;
  };
}
