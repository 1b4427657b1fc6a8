/** `swissround/methods`: the other ranking methods, agreement, tiers and the robustness studies. */

export { kendallTauB, pairwiseAgreement, spearman } from "../analysis/agreement.js";
export { type CompareOptions, type ComparisonResult, compareRankings, compareRankingsWith } from "../analysis/compare.js";
export { type CorruptionResult, corruptionStudy } from "../analysis/corruption.js";
export { methodsOnThreads } from "../analysis/methods-threads.js";
export { rerankOnThreads } from "../analysis/rerank-threads.js";
export { type StabilityResult, stabilityStudy } from "../analysis/stability.js";
export { intervalTiers, kmeansTiers } from "../analysis/tiers.js";
export {
  type RankingMethod,
  type RankingOptions as MethodOptions,
  type RankingResult,
  rankingMethod,
  rankingMethods,
} from "../rank/index.js";
export type { ScoreMatrix } from "../rank/matrix.js";
export { type BootstrapResult, bootstrapRanking } from "../run/bootstrap.js";
export { bootstrapOnThreads } from "../run/bootstrap-threads.js";
export { cellErrors, type NoiseReport, noiseReport } from "../run/noise.js";
export { failureSensitivity, type SensitivityResult } from "../run/sensitivity.js";
export { playFlatTwins } from "../run/twins.js";
