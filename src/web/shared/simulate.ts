/**
 * One-thread simulation of a prepared run, for the dashboard's Web Worker: the same chunk plan and
 * chunk seeds as the CLI's worker threads, so the same seed gives bit-identical tallies.
 */
import { planChunks, runChunks } from "../../engine/montecarlo.js";
import type { ContestRules, RoundScores, Tally } from "../../engine/types.js";
import type { RankConfig } from "../../run/config.js";

/** The contest rules of each setting (as the CLI's contestRules, without its Node imports). */
export function rulesOf(config: RankConfig): ContestRules[] {
  return config.settings.map((s) => ({
    schedule: Int32Array.from(s.schedule),
    elimination: config.elimination,
    tieTolerance: config.tieTolerance,
  }));
}

export function simulateRun(config: RankConfig, rs: RoundScores, onProgress?: (done: number, total: number) => void): Tally[] {
  const plan = planChunks(config.runs, config.seed);
  const total = config.runs * config.settings.length;
  let done = 0;
  return runChunks(rs, rulesOf(config), plan, 0, plan.chunks, { models: rs.models, rankBinWidth: config.rankBinWidth }, (n) => {
    done += n;
    onProgress?.(done, total);
  });
}
