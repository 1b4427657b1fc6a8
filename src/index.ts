/**
 * swissround as a library: read a score table, rank it by Competitive Swiss-System Dynamics, put
 * it beside the other rankings, and render it. The same pipeline every CLI command runs.
 *
 * Lower-level pieces live behind subpaths: `swissround/pipeline` (prepare, simulate, shards),
 * `swissround/engine` (the Monte Carlo engine), `swissround/methods` (every other ranking method
 * and the studies), `swissround/render` (text, charts and the HTML report).
 */

export type { CompareOptions, ComparisonResult } from "./analysis/compare.js";
export type { ModelOutcome } from "./engine/summary.js";
export { renderCompare } from "./output/render-compare.js";
export { type OutputFormat, renderRank } from "./output/render-rank.js";
export type { ReportData } from "./output/report/data.js";
export { renderReport } from "./output/report/document.js";
export { compareRun, type ReportDataOptions, reportData } from "./output/report/gather.js";
export { readReportRuntime } from "./output/report/runtime-file.js";
export { type RankingMethod, rankingMethods } from "./rank/index.js";
export { DEFAULT_RUNS, DEFAULT_SEED } from "./run/config.js";
export type { RankRun, RunOptions } from "./run/pipeline.js";
export { prepareRanking, type RankingOptions, type RoundPlanInput, runRanking, runRankingWithTallies } from "./run/ranking.js";
export type { RankResult, SettingResult } from "./run/result.js";
export { InputError, type InputErrorWhere } from "./table/errors.js";
export { type ScoreTableInput, scoreTable } from "./table/from-arrays.js";
export type { ReadOptions } from "./table/load.js";
export { readScoreTable, scoreTableFromText } from "./table/read-api.js";
export type { Benchmark, ScoreTable } from "./table/types.js";
