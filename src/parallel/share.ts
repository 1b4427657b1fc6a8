/**
 * A batch of independent indexed items on threads: the calling thread and threads - 1 pooled
 * workers pull item indices from one shared counter. Each item's result depends on its index alone,
 * so the batch gives the same results on any number of threads, in index order.
 */
import { type SimulationPool, sharedPool } from "./pool.js";
import { type IndexedJob, type PullFunction, sharedCounter } from "./protocol.js";

export async function shareIndexed<Req, Res>(
  job: IndexedJob<Req, Res>,
  request: Req,
  count: number,
  threads: number,
  pool: SimulationPool | undefined,
  pullHere: PullFunction<Req, Res>,
  onProgress?: (done: number, total: number) => void,
): Promise<Res[]> {
  const n = Math.max(1, Math.min(threads, count));
  const buffer = new SharedArrayBuffer(4);
  // The calling thread starts at once (and plays everything when n = 1), while workers load.
  const parts = n > 1 ? (pool ?? sharedPool()).pull(job, request, buffer, n - 1) : [];
  // The shared counter counts the items every thread has claimed: the calling thread reads it as it claims its own.
  const claim = sharedCounter(buffer);
  const next = onProgress
    ? () => {
        const i = claim();
        onProgress(Math.min(i, count), count);
        return i;
      }
    : claim;
  const own = pullHere(request, next);
  const results: Res[] = new Array(count);
  for (const [i, r] of [own, ...(await Promise.all(parts))].flat()) results[i] = r;
  onProgress?.(count, count);
  return results;
}
