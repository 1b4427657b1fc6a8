/**
 * Everything the report shows, as plain data. Pure, so the CLI and the dashboard's page build the
 * same object. Optional fields hold the studies that other commands compute (method comparison,
 * agreement, corruption, order): a section appears when its field is filled.
 */
import type { ComparisonResult } from "../../analysis/compare.js";
import { kmeansTiers, kmeansTiersDefinition } from "../../analysis/tiers.js";
import { rankDistribution } from "../../engine/summary.js";
import type { RoundScores, Tally } from "../../engine/types.js";
import type { RankResult } from "../../run/result.js";
import {
  type ChartInput,
  type CostChartData,
  displayOrder,
  leaderboardSetting,
  type MethodComparison,
  type RankDistribution,
} from "../charts/input.js";
import type { ChartId } from "../charts/types.js";
import { winMatrices } from "../charts/win-matrix.js";

/** Pairwise agreement between rankings (Kendall tau-b, Spearman, top-k overlap). */
export interface AgreementSection {
  definitions: string[];
  pairs: { a: string; b: string; models: number; kendallTauB: number; spearman: number; topK: number; k: number }[];
  /** Each method's Kemeny distance to the per-column orders. */
  kemeny?: ComparisonResult["kemeny"];
}

/** A study given as a table (and optionally a chart option): corruption, round order, ... */
export interface StudySection {
  id: string;
  title: string;
  caption: string;
  columns: string[];
  rows: (string | number)[][];
  /** Right-aligned columns (default: those whose first cell is a number). */
  numeric?: boolean[];
}

export interface Tiers {
  definition: string;
  /** Tier of each model (1 = best), by model name. */
  byModel: Record<string, number>;
  k: number;
  /** The setting whose E[S] the tiers were computed from. */
  T: string;
}

export interface ReportData extends ChartInput {
  title: string;
  /** ISO time; left out for byte-identical reports. */
  generatedAt?: string;
  tiers: Tiers;
  agreement?: AgreementSection;
  studies?: StudySection[];
  /** Why a chart was left out on purpose (shown in its place). */
  omitted?: Partial<Record<ChartId, string>>;
}

export interface ReportInput {
  result: RankResult;
  /** From distributionsOf(result, tallies). */
  distributions: RankDistribution[];
  roundScores: RoundScores;
  title?: string;
  generatedAt?: string;
  comparison?: MethodComparison;
  agreement?: AgreementSection;
  studies?: StudySection[];
  omitted?: Partial<Record<ChartId, string>>;
  /** Each model's cost, for the cost chart (when the input has costs). */
  cost?: CostChartData;
  /** The models the charts draw (plot --top / --models); default: the best. */
  focus?: string[];
}

export const TIER_COUNT = 4;

/** The final-position shares of each setting, straight from the tallies (exact or binned). */
export function distributionsOf(result: RankResult, tallies: readonly Tally[]): RankDistribution[] {
  return tallies.map((t, i) => ({ T: result.results[i].T, binWidth: t.rankBinWidth, rows: rankDistribution(t) }));
}

/** Tiers: Ckmeans (exact 1-D k-means) of E[S] at the leaderboard's setting, as the paper's four tiers. */
export function tiersOf(result: RankResult, k = TIER_COUNT): Tiers {
  const setting = leaderboardSetting(result);
  const t = kmeansTiers(
    setting.models.map((m) => m.expectedScore),
    k,
  );
  return {
    definition: kmeansTiersDefinition,
    byModel: Object.fromEntries(setting.models.map((m, i) => [m.model, t.tiers[i]])),
    k: t.k,
    T: setting.T,
  };
}

/** The report's method comparison and agreement from `swissround compare`'s result; CSD at the leaderboard's T leads. */
export function comparisonSections(c: ComparisonResult, result: RankResult): { comparison: MethodComparison; agreement: AgreementSection } {
  return {
    comparison: {
      models: c.models,
      methods: c.methods.map((m) => ({ id: m.id, name: m.name, definition: m.definition, ranks: m.ranks })),
      reference: `csd-T${leaderboardSetting(result).T}`,
    },
    agreement: { definitions: c.agreementDefinitions, pairs: c.agreement, kemeny: c.kemeny },
  };
}

export function buildReportData(input: ReportInput): ReportData {
  const { result } = input;
  const c = result.config;
  return {
    title: input.title ?? `CSD report: ${c.input.file}`,
    ...(input.generatedAt ? { generatedAt: input.generatedAt } : {}),
    result,
    distributions: input.distributions,
    wins: winMatrices(
      input.roundScores,
      c.input.models,
      c.plan.rounds.map((r) => r.name),
      input.focus && input.focus.length > 0 ? input.focus : displayOrder(result),
      c.tieTolerance,
    ),
    tiers: tiersOf(result),
    ...(input.comparison ? { comparison: input.comparison } : {}),
    ...(input.agreement ? { agreement: input.agreement } : {}),
    ...(input.studies ? { studies: input.studies } : {}),
    ...(input.omitted ? { omitted: input.omitted } : {}),
    ...(input.cost ? { cost: input.cost } : {}),
    ...(input.focus && input.focus.length > 0 ? { focus: input.focus } : {}),
  };
}
