/** The cost analysis and the contest's CSD result -> the plain-data report every output renders. Pure. */
import type { RankConfig } from "../run/config.js";
import type { RankResult } from "../run/result.js";
import { VERSION } from "../version.js";
import { OUTCOME_DEFINITIONS, type OutcomeMode } from "./adjusted.js";
import type { CostAnalysis } from "./analysis.js";
import type { ReasoningTokens } from "./attempts.js";
import type { BudgetResult, BudgetStatus } from "./budget.js";
import type { BenchmarkCostOfPass, CellCostOfPass } from "./cost-of-pass.js";
import { MODEL_COST_DEFINITIONS, type ModelCost } from "./models.js";
import { type ParetoResult, paretoFrontier } from "./pareto.js";
import type { SuccessScaleOption } from "./success.js";

export interface CostFrontier {
  /** "mean score" or "E[S] T=1". */
  axis: string;
  /** The T setting, for E[S] frontiers. */
  T?: string;
  points: { model: string; cost: number; value: number; se?: number }[];
  result: ParetoResult;
}

export interface CostModelRow extends ModelCost {
  /** Played the contest (false when the budget or the cost-adjusted mode left it out). */
  inContest: boolean;
  budget?: BudgetStatus;
  /** E[S_m] by T label, for models in the contest. */
  expectedScore: Record<string, number>;
}

export interface CostInputs {
  prices?: string;
  costFile?: string;
  costColumn?: string;
  reasoningTokens: ReasoningTokens;
  successScale: SuccessScaleOption;
  expertCost?: Record<string, number>;
}

export interface CostReport {
  tool: { name: "swissround"; version: string };
  kind: "cost";
  config: { rank: RankConfig; cost: CostInputs; outcomes: OutcomeMode };
  definitions: string[];
  notes: string[];
  cells: CellCostOfPass[];
  benchmarks: BenchmarkCostOfPass[];
  models: CostModelRow[];
  frontiers: CostFrontier[];
  budget?: BudgetResult;
  /** The CSD ranking of the field that played (after the budget; scores per dollar when cost-adjusted). */
  csd: RankResult;
}

export const COST_DEFINITIONS = [
  "cost per attempt (a model on a benchmark): mean USD of one attempt at one item. From per-item costs: their mean. From per-item tokens: " +
    "prompt tokens x input price + completion tokens x output price, prices in USD per million tokens (reasoning tokens count as completion). " +
    "From a run's total: total / attempts (aider: total_cost / test_cases; aider's total_cost 0 means unknown, never free)",
  "accuracy: the mean score divided by the score of a certain success (1, or 100 for percentages)",
  "cost-of-pass = mean cost per attempt / accuracy (a ratio of means): the expected USD until the first success; infinite when the model never succeeds",
  "per-problem cost-of-pass (with per-item costs): each problem's attempt cost / its success (infinite on a failed problem); a model's figure is the mean over problems, so one never-solved problem makes it infinite",
  "best single model: the lowest cost-of-pass of one model on the benchmark",
  "oracle router: the mean over problems of the lowest per-problem cost-of-pass among the models with per-item costs (and the human expert, when given). " +
    "It assumes the cheapest solver of every problem is known in advance: a bound no single model reaches, not a deployable figure",
  "human expert (--expert-cost): always succeeds, at the given USD per problem",
  ...MODEL_COST_DEFINITIONS,
  "Pareto frontier: model a dominates model b when a's cost per attempt is no higher and its value (mean score, or E[S] at one T) no lower, " +
    "one of the two strictly; the frontier is the models nobody dominates. Exact ties dominate neither way (both stay, listed as tied); unknown costs are left out. " +
    "E[S] is a Monte Carlo estimate: a model is marked uncertain when its status rests on an E[S] difference within 2 sqrt(SE_a^2 + SE_b^2) of a model that costs no more",
];

function formatNumberKeys(spec: ReadonlyMap<string, number> | undefined): Record<string, number> | undefined {
  return spec && spec.size > 0 ? Object.fromEntries(spec) : undefined;
}

export interface CostReportInput {
  analysis: CostAnalysis;
  /** The ranking of the contest's field. */
  csd: RankResult;
  inputs: Omit<CostInputs, "expertCost">;
  expert?: ReadonlyMap<string, number>;
  /** Notes from choosing the field (dropped models). */
  fieldNotes: string[];
}

export function costReport(r: CostReportInput): CostReport {
  const { analysis: a, csd } = r;
  const inContest = new Set(csd.config.input.models);
  const status = new Map((a.budget?.models ?? []).map((b) => [b.model, b.status]));
  const es = new Map<string, Record<string, number>>();
  for (const s of csd.results) for (const m of s.models) es.set(m.model, { ...(es.get(m.model) ?? {}), [s.T]: m.expectedScore });
  const models: CostModelRow[] = a.models.map((m) => {
    const b = status.get(m.model);
    return { ...m, inContest: inContest.has(m.model), ...(b ? { budget: b } : {}), expectedScore: es.get(m.model) ?? {} };
  });
  const frontiers: CostFrontier[] = [
    {
      axis: "mean score",
      points: a.models.map((m) => ({ model: m.model, cost: m.costPerAttempt, value: m.meanScore })),
      result: a.scoreFrontier,
    },
    ...csd.results.map((s): CostFrontier => {
      const points = s.models
        .map((o) => ({
          model: o.model,
          cost: a.models.find((m) => m.model === o.model)?.costPerAttempt ?? Number.NaN,
          value: o.expectedScore,
          se: o.standardError,
        }))
        .sort((x, y) => csd.config.input.models.indexOf(x.model) - csd.config.input.models.indexOf(y.model));
      return { axis: `E[S] T=${s.T}`, T: s.T, points, result: paretoFrontier(points) };
    }),
  ];
  const expertCost = formatNumberKeys(r.expert);
  return {
    tool: { name: "swissround", version: VERSION },
    kind: "cost",
    config: { rank: csd.config, cost: { ...r.inputs, ...(expertCost ? { expertCost } : {}) }, outcomes: a.outcomes },
    definitions: [...COST_DEFINITIONS, OUTCOME_DEFINITIONS[a.outcomes], ...(a.budget ? [a.budget.definition] : [])],
    notes: [...a.notes, ...r.fieldNotes, ...csd.notes],
    cells: a.cells,
    benchmarks: a.benchmarks,
    models,
    frontiers,
    ...(a.budget ? { budget: a.budget } : {}),
    csd,
  };
}
