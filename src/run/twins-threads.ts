/** The flat twins on worker threads (Node only: the dashboard's worker plays them in its own thread). */

import type { RoundScores } from "../engine/types.js";
import { simulate } from "../parallel/simulate.js";
import type { RankConfig } from "./config.js";
import type { TwinFigures } from "./twin.js";
import { flatTwins, sensitivityRules } from "./twins.js";

/** The twins of a run on `threads` threads (the same figures for any number). */
export async function playFlatTwinsOnThreads(config: RankConfig, rs: RoundScores, threads?: number): Promise<TwinFigures | undefined> {
  const rules = sensitivityRules(config);
  if (!rules) return undefined;
  return flatTwins(rs, rules, config.runs, config.seed, (field, r, plan) =>
    simulate(field, r, plan, { models: field.models, rankBinWidth: field.models }, { threads }),
  );
}
