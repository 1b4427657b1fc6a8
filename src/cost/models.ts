/**
 * One cost and one quality figure per model, over the benchmarks of the round plan: what the
 * Pareto frontiers and the budget compare. Pure.
 */

import { at, cellIndex, isMissing } from "../grid/grid.js";
import { type ScoreTable, tableGrid } from "../table/types.js";
import type { CellCostOfPass } from "./cost-of-pass.js";

export interface ModelCost {
  model: string;
  /** Unweighted mean over the benchmarks of the mean USD per attempt; NaN when any is unknown. */
  costPerAttempt: number;
  /** Unweighted mean of the model's scores (lower-is-better negated), over the benchmarks it has. */
  meanScore: number;
  /** Mean over the benchmarks of the accuracy; NaN when a benchmark is not a success rate. */
  accuracy: number;
  /** Mean over the benchmarks of the cost-of-pass: Infinity when the model never succeeds on one,
   * NaN when a cost is unknown or a benchmark is not a success rate. */
  costOfPass: number;
}

export const MODEL_COST_DEFINITIONS = [
  "cost per attempt (a model's): the unweighted mean over the benchmarks of its mean USD per attempt; unknown when any benchmark's cost is unknown",
  "mean score: the unweighted mean of the model's scores over the benchmarks (lower-is-better scores negated)",
  "cost-of-pass (a model's): the unweighted mean over the benchmarks of its cost-of-pass (infinite when it never succeeds on one)",
];

function meanOf(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : xs.reduce((a, x) => a + x, 0) / xs.length;
}

/** Cells are model-major (as cellCostOfPass returns them). */
export function modelCosts(table: ScoreTable, cells: readonly CellCostOfPass[]): ModelCost[] {
  const g = tableGrid(table);
  return table.models.map((model, m) => {
    const row = cells.slice(cellIndex(g, m, 0), cellIndex(g, m + 1, 0));
    const scores = table.benchmarks.map((bench, b) => (bench.lowerIsBetter ? -1 : 1) * at(g, m, b)).filter((v) => !isMissing(v));
    // Any NaN makes the mean NaN: an unknown part never counts as free.
    return {
      model,
      costPerAttempt: meanOf(row.map((c) => c.meanCost)),
      meanScore: meanOf(scores),
      accuracy: meanOf(row.map((c) => c.accuracy)),
      costOfPass: meanOf(row.map((c) => c.costOfPass)),
    };
  });
}
