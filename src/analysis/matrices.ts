/** Score tables as the ranking methods' matrices: per benchmark, or per round of a plan. */
import type { RoundScores } from "../engine/types.js";
import type { RoundPlan } from "../plan/plan.js";
import type { ScoreMatrix } from "../rank/matrix.js";
import type { ScoreTable } from "../table/types.js";

/** Benchmarks as columns, lower-is-better ones negated so higher is better everywhere. */
export function benchmarkMatrix(table: ScoreTable): ScoreMatrix {
  const B = table.benchmarks.length;
  const values = Float64Array.from(table.scores, (v, i) => (table.benchmarks[i % B].lowerIsBetter ? -v : v));
  return { models: [...table.models], columns: table.benchmarks.map((b) => b.name), values };
}

/** Rounds as columns (the round means the CSD contests are played on); -Infinity becomes missing. */
export function roundMatrix(models: readonly string[], plan: RoundPlan, rs: RoundScores): ScoreMatrix {
  const K = rs.rounds;
  const values = new Float64Array(rs.models * K);
  for (let m = 0; m < rs.models; m++) {
    for (let k = 0; k < K; k++) {
      const v = rs.values[k * rs.models + m];
      values[m * K + k] = Number.isFinite(v) ? v : Number.NaN;
    }
  }
  return { models: [...models], columns: plan.rounds.map((r) => r.name), values };
}
