/**
 * The flat twins on worker threads (Node only: the dashboard's worker plays them in its own thread):
 * the items of the twin batch (twin-batch.ts) shared by the calling thread and pooled workers.
 */
import type { RoundScores } from "../engine/types.js";
import type { SimulationPool } from "../parallel/pool.js";
import type { IndexedJob } from "../parallel/protocol.js";
import { shareIndexed } from "../parallel/share.js";
import { defaultThreads } from "../parallel/simulate.js";
import type { RankConfig } from "./config.js";
import type { TwinFigures } from "./twin.js";
import { batchItems, playTwinItems, type TwinBatch, type TwinSums } from "./twin-batch.js";
import { flatTwins, sensitivityRules } from "./twins.js";

/** A worker's share of the batch (called by name in the worker: see TWINS_JOB). */
export function pullTwinItems(batch: TwinBatch, next: () => number): [number, TwinSums][] {
  return playTwinItems(batch, next);
}

const TWINS_JOB: IndexedJob<TwinBatch, TwinSums> = { name: "flat twins", module: import.meta.url, pull: "pullTwinItems" };

/** The twins of a run on `threads` threads (the same figures for any number). */
export async function playFlatTwinsOnThreads(
  config: RankConfig,
  rs: RoundScores,
  threads = defaultThreads(),
  pool?: SimulationPool,
): Promise<TwinFigures | undefined> {
  const rules = sensitivityRules(config);
  if (!rules) return undefined;
  return flatTwins(rs, rules, config.runs, config.seed, (batch) =>
    shareIndexed(TWINS_JOB, batch, batchItems(batch), threads, pool, pullTwinItems),
  );
}
