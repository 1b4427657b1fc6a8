/** `swissround/engine`: the Monte Carlo engine (pure, no I/O) and its thread pool. */

export { createWorkspace, playContests } from "../engine/contest.js";
export { planChunks, runChunks } from "../engine/montecarlo.js";
export { pointsPerContest } from "../engine/points.js";
export { chunkRng, type RandomSource, Xoshiro128 } from "../engine/rng.js";
export type { EliminationSetting } from "../engine/schedule.js";
export { type ModelOutcome, summariseTally } from "../engine/summary.js";
export type { ContestRules, RoundScores, Tally } from "../engine/types.js";
export { SimulationPool, sharedPool } from "../parallel/pool.js";
export { simulate } from "../parallel/simulate.js";
