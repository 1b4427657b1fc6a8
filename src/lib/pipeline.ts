/** `swissround/pipeline`: the steps runRanking takes, one by one (file-path options as the CLI's, shards, merging). */

export { defaultRoundPlan, parseRoundPlan, type Round, type RoundPlan } from "../plan/plan.js";
export { buildRoundScores } from "../plan/round-scores.js";
export { computeTalliesAdaptive } from "../run/adaptive.js";
export type { RankConfig } from "../run/config.js";
export { type RankRun, type RunOptions, runPrepared, runShard } from "../run/pipeline.js";
export { finishRun, type PlayableRun, playRun, type SimulateOptions, type Simulator } from "../run/pipeline-core.js";
export { contestRules, type PlanSource, type PreparedRank, prepareRankFromTable } from "../run/prepare.js";
export { computeTallies, prepareRank, type RankOptions, rank } from "../run/rank.js";
export { assembleResult } from "../run/result.js";
export { parseEliminationSettings } from "../run/settings.js";
export { mergeParts, type PartFile, parsePart, type ShardSpec } from "../run/shard.js";
export { simulateRun, simulatorHere } from "../run/simulate-here.js";
export { bootstrapFor, noiseFor } from "../run/uncertainty.js";
export { type InspectReport, inspectRaw } from "../table/inspect.js";
export { finishTable, readRaw } from "../table/load.js";
export { applyMissingPolicy } from "../table/missing.js";
export { readRawTable } from "../table/read.js";
export { listGaps, markLowerIsBetter, requireRankable, selectBenchmarks } from "../table/select.js";
