/**
 * A batch of independent indexed items on threads: the calling thread and threads - 1 pooled
 * workers pull item indices from one shared counter. Each item's result depends on its index alone,
 * so the batch gives the same results on any number of threads, in index order.
 */
import { type SimulationPool, sharedPool } from "./pool.js";
import { type IndexedJobs, type IndexedKind, sharedCounter } from "./protocol.js";

export async function shareIndexed<K extends IndexedKind>(
  job: K,
  request: IndexedJobs[K]["request"],
  count: number,
  threads: number,
  pool: SimulationPool | undefined,
  pullHere: (next: () => number) => [number, IndexedJobs[K]["result"]][],
): Promise<IndexedJobs[K]["result"][]> {
  const n = Math.max(1, Math.min(threads, count));
  const buffer = new SharedArrayBuffer(4);
  // The calling thread starts at once (and plays everything when n = 1), while workers load.
  const parts = n > 1 ? (pool ?? sharedPool()).pull(job, request, buffer, n - 1) : [];
  const own = pullHere(sharedCounter(buffer));
  const results: IndexedJobs[K]["result"][] = new Array(count);
  for (const [i, r] of [own, ...(await Promise.all(parts))].flat()) results[i] = r;
  return results;
}
