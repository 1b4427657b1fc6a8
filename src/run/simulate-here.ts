/**
 * One-thread simulation of a prepared run, for the dashboard's Web Worker (or any JavaScript runtime
 * without worker threads): the same chunk plan and chunk seeds as the CLI's worker threads, so the
 * same seed gives bit-identical tallies. No Node imports.
 */
import { planChunks, runChunks } from "../engine/montecarlo.js";
import type { ContestRules, RoundScores, Tally } from "../engine/types.js";
import type { RankConfig } from "./config.js";
import type { Simulator } from "./pipeline-core.js";
import { playFlatTwins } from "./twins.js";

/** The contest rules of each setting (as the CLI's contestRules, without its Node imports). */
export function rulesOf(config: RankConfig): ContestRules[] {
  return config.settings.map((s) => ({
    schedule: Int32Array.from(s.schedule),
    elimination: config.elimination,
    tieTolerance: config.tieTolerance,
  }));
}

export function simulateRun(
  config: RankConfig,
  rs: RoundScores,
  onProgress?: (done: number, total: number) => void,
  chunkRange?: [number, number],
): Tally[] {
  const plan = planChunks(config.runs, config.seed);
  const [from, to] = chunkRange ?? [0, plan.chunks];
  const total = Math.max(0, Math.min(config.runs, to * plan.chunkSize) - from * plan.chunkSize) * config.settings.length;
  let done = 0;
  return runChunks(rs, rulesOf(config), plan, from, to, { models: rs.models, rankBinWidth: config.rankBinWidth }, (n) => {
    done += n;
    onProgress?.(done, total);
  });
}

/** The pipeline core's simulator on this thread (a browser has no worker_threads): the same numbers as Node's. */
export const simulatorHere: Simulator = {
  tallies: (run, options = {}) => simulateRun(run.config, run.roundScores, options.onProgress, options.chunkRange),
  twins: playFlatTwins,
};
