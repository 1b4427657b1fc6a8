/**
 * Cost-of-Pass (Erol et al. 2025): the expected dollars until the first success, = expected cost of
 * one attempt / probability of success; infinite when the model never succeeds. Per (model,
 * benchmark) from the means (ratio of means), and with per-item costs also per problem. The
 * frontier over the field is given twice, labelled: the best single model, and the oracle router
 * (per problem, the cheapest solver, as if it were known in advance), optionally with a human
 * expert who always succeeds at a fixed cost per problem. Pure.
 */

import { cellIndex } from "../grid/grid.js";
import { type ScoreTable, tableGrid } from "../table/types.js";
import type { AttemptCosts, CellProblems, CostSource, SuccessScale } from "./types.js";

export interface CellCostOfPass {
  model: string;
  benchmark: string;
  /** Attempts behind the mean cost (NaN = not stated). */
  attempts: number;
  /** Mean USD per attempt (NaN = unknown). */
  meanCost: number;
  /** Mean score / the benchmark's success scale (NaN = not a success rate). */
  accuracy: number;
  /** meanCost / accuracy: Infinity when accuracy is 0, NaN when either is unknown. */
  costOfPass: number;
  source: CostSource;
  /** With per-item costs: mean over problems of cost / success of each problem. */
  perProblem?: { problems: number; solved: number; costOfPass: number };
}

export interface RouterFigure {
  /** Models with per-item costs on this benchmark (the router chooses among them). */
  models: number;
  /** Distinct problems at least one of them attempted. */
  problems: number;
  /** Problems none of them ever solves. */
  unsolved: number;
  /** Mean over problems of the cheapest per-problem cost-of-pass (Infinity when a problem is unsolved). */
  costOfPass: number;
  /** The same with the human expert as one more solver (when an expert cost is given). */
  withExpert?: number;
}

export interface BenchmarkCostOfPass {
  benchmark: string;
  scale?: number;
  scaleReason: string;
  /** The lowest single-model cost-of-pass and the model(s) that reach it (none when it is infinite). */
  bestSingle?: { models: string[]; costOfPass: number };
  /** USD per problem of a human expert who always succeeds (--expert-cost). */
  expertCost?: number;
  /** min(best single model, expert). */
  bestWithExpert?: { by: string; costOfPass: number };
  router?: RouterFigure;
  /** Models left out of the frontier: cost unknown. */
  unknownCost: string[];
}

/** Dollars per success; a model that never succeeds has an infinite cost-of-pass. */
export function costOfPass(meanCost: number, success: number): number {
  if (Number.isNaN(meanCost) || Number.isNaN(success)) return Number.NaN;
  return success > 0 ? meanCost / success : Number.POSITIVE_INFINITY;
}

function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

function perProblemForm(p: CellProblems, scale: number): CellCostOfPass["perProblem"] {
  const v = Array.from(p.cost, (c, i) => costOfPass(c, p.success[i] / scale));
  return { problems: v.length, solved: v.filter(Number.isFinite).length, costOfPass: mean(v) };
}

/** Every (model, benchmark) cell, model-major. */
export function cellCostOfPass(table: ScoreTable, costs: AttemptCosts, scales: readonly SuccessScale[]): CellCostOfPass[] {
  const g = tableGrid(table);
  const out: CellCostOfPass[] = [];
  table.models.forEach((model, m) => {
    table.benchmarks.forEach((bench, b) => {
      const c = cellIndex(g, m, b);
      const scale = scales[b].scale;
      const accuracy = scale === undefined ? Number.NaN : table.scores[c] / scale;
      const p = costs.problems[c];
      out.push({
        model,
        benchmark: bench.name,
        attempts: costs.attempts[c],
        meanCost: costs.meanCost[c],
        accuracy,
        costOfPass: costOfPass(costs.meanCost[c], accuracy),
        source: costs.source[c],
        ...(p && scale !== undefined ? { perProblem: perProblemForm(p, scale) } : {}),
      });
    });
  });
  return out;
}

/** The oracle router over the models with per-item costs: per problem the cheapest solver, averaged. */
function routerFigure(cells: readonly (CellProblems | undefined)[], scale: number, expert?: number): RouterFigure | undefined {
  const withItems = cells.filter((c): c is CellProblems => c !== undefined);
  if (withItems.length === 0) return undefined;
  const best = new Map<number, number>();
  for (const c of withItems) {
    for (let i = 0; i < c.item.length; i++) {
      const v = costOfPass(c.cost[i], c.success[i] / scale);
      const was = best.get(c.item[i]);
      if (was === undefined || v < was) best.set(c.item[i], v);
    }
  }
  const values = [...best.values()];
  return {
    models: withItems.length,
    problems: values.length,
    unsolved: values.filter((v) => !Number.isFinite(v)).length,
    costOfPass: mean(values),
    ...(expert !== undefined ? { withExpert: mean(values.map((v) => Math.min(v, expert))) } : {}),
  };
}

/** Frontier cost-of-pass of each benchmark; `expert` maps a benchmark to the expert's USD per problem. */
export function benchmarkCostOfPass(
  table: ScoreTable,
  costs: AttemptCosts,
  scales: readonly SuccessScale[],
  cells: readonly CellCostOfPass[],
  expert: ReadonlyMap<string, number> = new Map(),
): BenchmarkCostOfPass[] {
  const g = tableGrid(table);
  return table.benchmarks.map((bench, b) => {
    const column = table.models.map((_, m) => cells[cellIndex(g, m, b)]);
    const s = scales[b];
    const unknownCost = column.filter((c) => Number.isNaN(c.meanCost)).map((c) => c.model);
    const out: BenchmarkCostOfPass = {
      benchmark: bench.name,
      ...(s.scale !== undefined ? { scale: s.scale } : {}),
      scaleReason: s.reason,
      unknownCost,
    };
    if (s.scale === undefined) return out;
    const known = column.filter((c) => !Number.isNaN(c.costOfPass));
    const expertCost = expert.get(bench.name);
    if (expertCost !== undefined) out.expertCost = expertCost;
    if (known.length > 0) {
      const min = Math.min(...known.map((c) => c.costOfPass));
      out.bestSingle = {
        models: Number.isFinite(min) ? known.filter((c) => c.costOfPass === min).map((c) => c.model) : [],
        costOfPass: min,
      };
    }
    if (expertCost !== undefined) {
      const single = out.bestSingle?.costOfPass ?? Number.POSITIVE_INFINITY;
      out.bestWithExpert =
        expertCost < single
          ? { by: "human expert", costOfPass: expertCost }
          : { by: (out.bestSingle?.models ?? []).join(", "), costOfPass: single };
    }
    const router = routerFigure(
      table.models.map((_, m) => costs.problems[cellIndex(g, m, b)]),
      s.scale,
      expertCost,
    );
    if (router) out.router = router;
    return out;
  });
}
