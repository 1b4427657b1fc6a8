/** ScoreTable + RoundPlan -> the dense round scores the engine reads. */
import type { RoundScores } from "../engine/types.js";
import type { ScoreTable } from "../table/types.js";
import type { RoundPlan } from "./plan.js";

/** How missing scores (NaN) become round scores: see table/missing.ts. */
export type RoundMissing = "lose" | "available-mean";

/**
 * Each round's score is the unweighted mean of its benchmarks. Lower-is-better benchmarks are
 * negated first, so that higher is better everywhere. A missing score (NaN):
 * - by default makes the round score NaN (missing-data policies decide before the engine runs);
 * - with "lose", makes it -Infinity: the engine's "no score", which loses the match (two such
 *   models toss a coin);
 * - with "available-mean", is skipped: the mean of the benchmarks the model has, or -Infinity
 *   when it has none of them.
 */
export function buildRoundScores(table: ScoreTable, plan: RoundPlan, missing?: RoundMissing): RoundScores {
  const M = table.models.length;
  const B = table.benchmarks.length;
  const K = plan.rounds.length;
  const index = new Map(table.benchmarks.map((b, i) => [b.name, i]));
  const values = new Float64Array(M * K);
  plan.rounds.forEach((round, k) => {
    const cols = round.benchmarks.map((name) => index.get(name) as number);
    for (let m = 0; m < M; m++) {
      let sum = 0;
      let n = 0;
      let gap = false;
      for (const b of cols) {
        const v = table.scores[m * B + b];
        if (Number.isNaN(v)) {
          gap = true;
          continue;
        }
        sum += table.benchmarks[b].lowerIsBetter ? -v : v;
        n++;
      }
      let score: number;
      if (!gap) score = sum / cols.length;
      else if (missing === "lose" || (missing === "available-mean" && n === 0)) score = Number.NEGATIVE_INFINITY;
      else if (missing === "available-mean") score = sum / n;
      else score = Number.NaN;
      values[k * M + m] = score;
    }
  });
  return { models: M, rounds: K, values };
}

/** Model m's round scores, in round order. */
export function roundScoresOf(rs: RoundScores, m: number): number[] {
  return Array.from({ length: rs.rounds }, (_, k) => rs.values[k * rs.models + m]);
}
