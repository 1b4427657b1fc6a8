/** The plain data charts and the report are drawn from, and the model orders they share. */
import type { CostChartData } from "../../cost/chart-data.js";
import type { RankResult, SettingResult } from "../../run/result.js";
import type { WinMatrices } from "./win-matrix.js";

/** Final-position shares of one T setting: rows in the input model order, columns are bins of positions. */
export interface RankDistribution {
  T: string;
  /** Positions per bin (1 = exact). */
  binWidth: number;
  rows: number[][];
}

/** Optional: other ranking methods beside CSD (filled by the method comparison when it runs). */
export interface MethodComparison {
  models: string[];
  /** Each method's rank of every model (1 = best), aligned with `models`. */
  methods: { id: string; name: string; definition: string; ranks: number[] }[];
  /** The method whose order the chart and table follow (default: the first). */
  reference?: string;
}

/** The reference method first, then the others in their own order. */
export function methodsInOrder(c: MethodComparison): MethodComparison["methods"] {
  const ref = c.methods.find((m) => m.id === c.reference) ?? c.methods[0];
  return [ref, ...c.methods.filter((m) => m !== ref)];
}

export type { CostChartData };

export interface ChartInput {
  result: RankResult;
  /** One per T setting, in the order of result.results. */
  distributions: RankDistribution[];
  wins: WinMatrices;
  comparison?: MethodComparison;
  cost?: CostChartData;
  /** Models the user chose to draw (plot --top / --models), in the leaderboard's order; default: the best. */
  focus?: string[];
}

/** The setting the leaderboard is ordered by: the harshest (as the paper orders its figures). */
export function leaderboardSetting(result: RankResult): SettingResult {
  const label = result.sensitivity?.harshestLabel;
  return result.results.find((r) => r.T === label) ?? result.results[result.results.length - 1];
}

/** Model names by rank at the leaderboard's setting. */
export function displayOrder(result: RankResult): string[] {
  return leaderboardSetting(result).models.map((m) => m.model);
}

/** "T = 1" for labels, "T = 0:1:1" for schedules. */
export function settingName(T: string): string {
  return `T = ${T}`;
}

/** The models a chart draws and, when some are left out, the sentence that says so (figure and stderr). */
export interface ModelSubset {
  shown: string[];
  total: number;
  /** Undefined when every model is drawn. */
  note?: string;
}

export const CHOOSE_HINT = "--top N / --models a,b,c to choose";

/**
 * At most `cap` models, the user's choice first: a chart that must leave models out says which and how
 * to choose others, never silently.
 */
export function chartModels(input: ChartInput, cap: number): ModelSubset {
  const all = displayOrder(input.result);
  const chosen = input.focus && input.focus.length > 0 ? input.focus : undefined;
  const pool = chosen ?? all;
  const shown = pool.slice(0, cap);
  if (shown.length === all.length) return { shown, total: all.length };
  const by = `E[S] at ${settingName(leaderboardSetting(input.result).T)}`;
  const note = chosen
    ? `${shown.length} chosen of ${all.length} models${chosen.length > cap ? ` (the chart holds ${cap}: the best chosen by ${by})` : ""}`
    : `top ${shown.length} of ${all.length} models by ${by}; ${CHOOSE_HINT}`;
  return { shown, total: all.length, note };
}
