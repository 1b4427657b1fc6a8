/** Each model's cost per attempt, as the cost chart draws it (report, plot, dashboard). Pure. */
import type { PreparedRank } from "../run/prepare.js";
import type { ScoreTable } from "../table/types.js";
import { analyseCosts } from "./analysis.js";
import type { ModelCost } from "./models.js";

/** Optional: each model's cost, for the cost-vs-E[S] scatter (filled when the input has costs). */
export interface CostChartData {
  /** What the cost axis measures ("USD per attempt, mean over the benchmarks"). */
  unit: string;
  /** Models with a known cost (unknown costs are never drawn as 0). */
  costs: { model: string; cost: number }[];
  /** Models whose cost is unknown. */
  unknown: string[];
}

export function chartDataOf(models: readonly ModelCost[]): CostChartData {
  return {
    unit: "USD per attempt, mean over the benchmarks",
    costs: models.filter((m) => !Number.isNaN(m.costPerAttempt)).map((m) => ({ model: m.model, cost: m.costPerAttempt })),
    unknown: models.filter((m) => Number.isNaN(m.costPerAttempt)).map((m) => m.model),
  };
}

/** True when the table itself holds a cost (per-item or per-cell). */
export function hasTableCosts(t: ScoreTable): boolean {
  const any = (a?: Float64Array) => a?.some((x) => !Number.isNaN(x)) ?? false;
  return any(t.extras?.cost) || any(t.items?.cost);
}

/** From the table alone (its per-item or per-cell costs, as the dashboard has it); undefined without any. */
export function tableCostChartData(prepared: PreparedRank): CostChartData | undefined {
  return hasTableCosts(prepared.table) ? chartDataOf(analyseCosts(prepared).models) : undefined;
}
