/**
 * Runs the Monte Carlo on worker threads (Node). The calling thread and threads - 1 pooled
 * workers pull work units (a chunk of one setting) from one shared atomic counter, so a slow start
 * or a slow core never leaves the others idle; every tally is an integer sum, so the result is
 * bit-identical for any number of threads and any order in which the units were played.
 */
import { availableParallelism } from "node:os";
import { comparisonRanks } from "../engine/layout.js";
import { type ChunkPlan, playUnits, runChunks } from "../engine/montecarlo.js";
import { mergeTallyInto } from "../engine/tally.js";
import type { ContestRules, RoundScores, Tally, TallyShape } from "../engine/types.js";
import { type SimulationPool, sharedPool } from "./pool.js";
import { sharedCounter, type WorkRequest } from "./protocol.js";

export interface SimulateOptions {
  /** Threads, the calling one included; 1 runs in the calling thread only. Default: all cores. */
  threads?: number;
  /** Chunk range to play (a shard); default all chunks. */
  chunkRange?: [number, number];
  /** Called with the number of contests finished so far (summed over settings). */
  onProgress?: (contestsDone: number) => void;
  /** Worker pool to play on (default: the process-wide one, whose idle workers are reused). */
  pool?: SimulationPool;
}

export function defaultThreads(): number {
  return availableParallelism();
}

/** Plays the chunks of `plan` for each setting and returns one merged tally per setting. */
export async function simulate(
  rs: RoundScores,
  settings: readonly ContestRules[],
  plan: ChunkPlan,
  shape: TallyShape,
  options: SimulateOptions = {},
): Promise<Tally[]> {
  const [from, to] = options.chunkRange ?? [0, plan.chunks];
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(), to - from));
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done);
  };
  if (threads === 1) return runChunks(rs, settings, plan, from, to, shape, progress);

  const pool = options.pool ?? sharedPool();
  // Enough warm workers (prestarted, or left by an earlier call): they play it all,
  // as the calling thread's cold JIT would only slow them down. Otherwise the calling thread plays
  // too: it starts at once, while new workers are still loading.
  const calling = pool.readyIdle < threads;
  const helpers = calling ? threads - 1 : threads;
  // New workers boot while this thread ranks the round scores once for everyone (40 ms at
  // 5000 x 50, which each worker used to spend again before its first contest).
  pool.prestart(helpers, false);
  const ranks = comparisonRanks(rs) ?? null;
  const counter = new SharedArrayBuffer(4);
  const request: WorkRequest = {
    models: rs.models,
    rounds: rs.rounds,
    values: rs.values,
    ...(rs.errors ? { errors: rs.errors } : {}),
    settings: [...settings],
    plan,
    from,
    to,
    shape,
    ranks,
    counter,
  };
  const workers = pool.play(request, helpers, progress);
  const own = calling ? [playUnits(rs, settings, plan, from, to, shape, sharedCounter(counter), progress, ranks)] : [];
  const parts = [...own, ...(await Promise.all(workers))];
  // Every part is this call's own (fresh tallies, or copies from a worker): the first one takes the
  // sums, which saves allocating and zeroing one more set (the merge runs while the other core idles).
  const [first, ...rest] = parts;
  for (const part of rest) part.forEach((t, s) => mergeTallyInto(first[s], t));
  return first;
}
