/** Score tables as the ranking methods' matrices: per benchmark, or per round of a plan. */
import { type RoundScores, roundGrid } from "../engine/types.js";
import { at, MISSING, makeGrid, set, transpose } from "../grid/grid.js";
import type { RoundPlan } from "../plan/plan.js";
import type { ScoreMatrix } from "../rank/matrix.js";
import { type ScoreTable, tableGrid } from "../table/types.js";

/** Benchmarks as columns, lower-is-better ones negated so higher is better everywhere. */
export function benchmarkMatrix(table: ScoreTable): ScoreMatrix {
  const scores = tableGrid(table);
  const out = makeGrid(scores.rows, scores.cols, 0);
  for (let m = 0; m < scores.rows; m++) {
    table.benchmarks.forEach((b, j) => set(out, m, j, b.lowerIsBetter ? -at(scores, m, j) : at(scores, m, j)));
  }
  return { models: [...table.models], columns: table.benchmarks.map((b) => b.name), values: out.values };
}

/**
 * Rounds as columns (the round means the CSD contests are played on): the rounds x models grid
 * turned models x rounds. A round score the missing policy made LOSING_SCORE (or a mean that
 * overflowed) is missing again here: the classic methods have their own ways with gaps.
 */
export function roundMatrix(models: readonly string[], plan: RoundPlan, rs: RoundScores): ScoreMatrix {
  const values = transpose(roundGrid(rs)).values.map((v) => (Number.isFinite(v) ? v : MISSING));
  return { models: [...models], columns: plan.rounds.map((r) => r.name), values };
}
