/**
 * Everything about cost that does not need a contest: cost per attempt, cost-of-pass, frontier
 * cost-of-pass, the (cost, mean score) frontier and the budget; then the field and round scores the
 * contest is played with. Pure: the CLI reads the files and simulates.
 */
import type { PreparedRank } from "../run/prepare.js";
import { InputError } from "../table/errors.js";
import { apiOption } from "../table/option-names.js";
import { costAdjustedRoundScores, type OutcomeMode, roundCosts } from "./adjusted.js";
import { type AttemptCostInputs, attemptCosts } from "./attempts.js";
import { applyBudget, type BudgetResult, type BudgetSpec } from "./budget.js";
import { type BenchmarkCostOfPass, benchmarkCostOfPass, type CellCostOfPass, cellCostOfPass } from "./cost-of-pass.js";
import { restrictField } from "./field.js";
import { type ModelCost, modelCosts } from "./models.js";
import { type ParetoResult, paretoFrontier } from "./pareto.js";
import { type SuccessScaleOption, successScales } from "./success.js";
import type { AttemptCosts, SuccessScale } from "./types.js";

export interface CostOptions extends AttemptCostInputs {
  successScale?: SuccessScaleOption;
  /** Human expert's USD per problem, by benchmark. */
  expert?: ReadonlyMap<string, number>;
  budget?: BudgetSpec;
  outcomes?: OutcomeMode;
}

export interface CostAnalysis {
  costs: AttemptCosts;
  scales: SuccessScale[];
  cells: CellCostOfPass[];
  benchmarks: BenchmarkCostOfPass[];
  models: ModelCost[];
  /** (cost per attempt, mean score) over every model with a known cost. */
  scoreFrontier: ParetoResult;
  budget?: BudgetResult;
  outcomes: OutcomeMode;
  notes: string[];
}

export function analyseCosts(prepared: PreparedRank, o: CostOptions = {}): CostAnalysis {
  const { table } = prepared;
  const costs = attemptCosts(table, o);
  if (costs.source.every((s) => s === "unknown")) {
    throw new InputError(
      `${table.source}: no cost is known for any model (expected per-item costs, per-item prompt/completion tokens with --prices, ` +
        "a cost column in a long table, aider's total_cost, or a --costs FILE of model, benchmark, cost = mean USD per attempt)",
      { file: table.source },
    );
  }
  const scales = successScales(table, o.successScale);
  const cells = cellCostOfPass(table, costs, scales);
  const models = modelCosts(table, cells);
  const notes = [...costs.notes];
  const unknown = models.filter((m) => Number.isNaN(m.costPerAttempt)).map((m) => m.model);
  if (unknown.length > 0) {
    notes.push(
      `cost unknown for ${unknown.length} of ${models.length} models (left out of every cost figure and frontier, never counted as free): ${unknown.join(", ")}`,
    );
  }
  const noRate = scales.filter((s) => s.scale === undefined);
  if (noRate.length > 0) notes.push(`no cost-of-pass for ${noRate.map((s) => `${s.benchmark} (${s.reason})`).join("; ")}`);
  const scoreFrontier = paretoFrontier(models.map((m) => ({ model: m.model, cost: m.costPerAttempt, value: m.meanScore })));
  if (o.budget?.per === "pass" && noRate.length > 0)
    throw new InputError(
      `--budget-per pass: needs a cost-of-pass on every benchmark; ${noRate.map((s) => s.benchmark).join(", ")} ${noRate.length === 1 ? "is" : "are"} not a success rate`,
      { code: "invalid-option", option: apiOption("--budget-per") },
    );
  const budget = o.budget ? applyBudget(models, o.budget) : undefined;
  return {
    costs,
    scales,
    cells,
    benchmarks: benchmarkCostOfPass(table, costs, scales, cells, o.expert),
    models,
    scoreFrontier,
    ...(budget ? { budget } : {}),
    outcomes: o.outcomes ?? "binary",
    notes,
  };
}

/** The prepared contest: the budget's field (when it drops), then scores per dollar (cost-adjusted). */
export function contestOf(prepared: PreparedRank, a: CostAnalysis): { prepared: PreparedRank; notes: string[] } {
  let keep = new Set(prepared.table.models);
  const notes: string[] = [];
  const reasons: string[] = [];
  if (a.budget?.action === "drop") {
    keep = new Set(a.budget.kept);
    reasons.push("--budget");
    const out = a.budget.models.filter((m) => m.status !== "within");
    if (out.length > 0)
      notes.push(
        `dropped before the contest by the budget: ${out.map((m) => `${m.model} (${m.status === "over" ? "over" : "cost unknown"})`).join(", ")}`,
      );
  }
  if (a.outcomes === "cost-adjusted") {
    const unknown = a.models.filter((m) => Number.isNaN(m.costPerAttempt) && keep.has(m.model));
    for (const m of unknown) keep.delete(m.model);
    if (unknown.length > 0) {
      reasons.push("--outcomes cost-adjusted");
      notes.push(`left out of the cost-adjusted contest (cost unknown, so no score per dollar): ${unknown.map((m) => m.model).join(", ")}`);
    }
  }
  let field = restrictField(prepared, keep, reasons.join(" and "));
  if (a.outcomes === "cost-adjusted") {
    field = {
      ...field,
      roundScores: costAdjustedRoundScores(field.table, field.plan, field.roundScores, roundCosts(field.table, field.plan, a.costs)),
    };
  }
  return { prepared: field, notes };
}
