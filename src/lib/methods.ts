/** `swissround/methods`: the other ranking methods, agreement, tiers and the robustness studies. */

export { kendallTauB, pairwiseAgreement, spearman } from "../analysis/agreement.js";
export { type BootstrapResult, bootstrapRanking } from "../analysis/bootstrap.js";
export { type CompareOptions, type ComparisonResult, compareRankings, compareRankingsWith } from "../analysis/compare.js";
export { type CorruptionResult, corruptionStudy } from "../analysis/corruption.js";
export { cellErrors, type NoiseReport, noiseReport } from "../analysis/noise.js";
export { failureSensitivity, type SensitivityResult } from "../analysis/sensitivity.js";
export { type StabilityResult, stabilityStudy } from "../analysis/stability.js";
export { intervalTiers, kmeansTiers } from "../analysis/tiers.js";
export { bootstrapOnThreads } from "../parallel/bootstrap.js";
export { methodsOnThreads } from "../parallel/methods.js";
export { rerankOnThreads } from "../parallel/rerank.js";
export {
  type RankingMethod,
  type RankingOptions as MethodOptions,
  type RankingResult,
  rankingMethod,
  rankingMethods,
} from "../rank/index.js";
export type { ScoreMatrix } from "../rank/matrix.js";
