/**
 * --budget: which models fit a spending limit, before the contest. The limit is compared with the
 * model's cost per attempt or its cost-of-pass (both means over the benchmarks); a model whose
 * cost is unknown cannot be shown to fit, so it is treated as not fitting (and said so). Pure.
 */
import { optionError } from "../table/option-names.js";
import type { ModelCost } from "./models.js";

export const BUDGET_BASES = ["attempt", "pass"] as const;
export type BudgetBasis = (typeof BUDGET_BASES)[number];
export const BUDGET_ACTIONS = ["drop", "mark"] as const;
export type BudgetAction = (typeof BUDGET_ACTIONS)[number];

export interface BudgetSpec {
  /** USD. */
  limit: number;
  per: BudgetBasis;
  /** drop: over-budget models leave before the contest; mark: they play and are flagged. */
  action: BudgetAction;
}

export type BudgetStatus = "within" | "over" | "unknown";

export interface BudgetResult extends BudgetSpec {
  definition: string;
  models: { model: string; figure: number; status: BudgetStatus }[];
  /** Models that play the contest. */
  kept: string[];
}

export function parseBudget(text: string, option = "--budget"): number {
  const n = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(n) || n <= 0)
    throw optionError(option, `"${text}" is not valid: expected a positive amount in USD (e.g. 0.05)`);
  return n;
}

export function budgetDefinition(spec: BudgetSpec): string {
  const figure =
    spec.per === "attempt"
      ? "cost per attempt (mean over the benchmarks of the mean USD per attempt)"
      : "cost-of-pass (mean over the benchmarks of USD per success; infinite when it never succeeds on one)";
  const action =
    spec.action === "drop"
      ? "models above the budget, or of unknown cost, are dropped before the contest: CSD is played by the others only"
      : "every model plays; models above the budget, or of unknown cost, are marked";
  return `budget: USD ${spec.limit} per ${spec.per === "attempt" ? "attempt" : "pass"}, compared with each model's ${figure}; ${action}`;
}

export function applyBudget(models: readonly ModelCost[], spec: BudgetSpec): BudgetResult {
  const rows = models.map((m) => {
    const figure = spec.per === "attempt" ? m.costPerAttempt : m.costOfPass;
    const status: BudgetStatus = Number.isNaN(figure) ? "unknown" : figure <= spec.limit ? "within" : "over";
    return { model: m.model, figure, status };
  });
  const kept = spec.action === "mark" ? rows.map((r) => r.model) : rows.filter((r) => r.status === "within").map((r) => r.model);
  return { ...spec, definition: budgetDefinition(spec), models: rows, kept };
}
