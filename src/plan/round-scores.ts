/** ScoreTable + RoundPlan -> the dense round scores the engine reads. */
import type { RoundScores } from "../engine/types.js";
import type { ScoreTable } from "../table/types.js";
import type { RoundPlan } from "./plan.js";

/**
 * Each round's score is the unweighted mean of its benchmarks. Lower-is-better benchmarks are
 * negated first, so that higher is better everywhere. A missing score (NaN) makes the round score
 * NaN: missing-data policies decide what that means before the engine runs.
 */
export function buildRoundScores(table: ScoreTable, plan: RoundPlan): RoundScores {
  const M = table.models.length;
  const B = table.benchmarks.length;
  const K = plan.rounds.length;
  const index = new Map(table.benchmarks.map((b, i) => [b.name, i]));
  const values = new Float64Array(M * K);
  plan.rounds.forEach((round, k) => {
    const cols = round.benchmarks.map((name) => index.get(name) as number);
    for (let m = 0; m < M; m++) {
      let sum = 0;
      for (const b of cols) {
        const v = table.scores[m * B + b];
        sum += table.benchmarks[b].lowerIsBetter ? -v : v;
      }
      values[k * M + m] = sum / cols.length;
    }
  });
  return { models: M, rounds: K, values };
}

/** Model m's round scores, in round order. */
export function roundScoresOf(rs: RoundScores, m: number): number[] {
  return Array.from({ length: rs.rounds }, (_, k) => rs.values[k * rs.models + m]);
}
