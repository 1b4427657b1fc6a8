/** ScoreTable + RoundPlan -> the dense round scores the engine reads. */
import { LOSING_SCORE, type RoundScores, roundScoresFrom } from "../engine/types.js";
import { column, isMissing, MISSING, makeGrid, rowView } from "../grid/grid.js";
import { type ScoreTable, tableGrid } from "../table/types.js";
import type { RoundPlan } from "./plan.js";

/** How missing scores (NaN) become round scores: see table/missing.ts. */
export type RoundMissing = "lose" | "available-mean";

/**
 * Each round's score is the unweighted mean of its benchmarks. Lower-is-better benchmarks are
 * negated first, so that higher is better everywhere. A missing score (NaN):
 * - by default makes the round score missing (NaN; missing-data policies decide before the engine runs);
 * - with "lose", makes it LOSING_SCORE (-Infinity), which loses the match (two such models toss a
 *   coin): the one place where a missing score becomes a score the engine can play;
 * - with "available-mean", is skipped: the mean of the benchmarks the model has, or LOSING_SCORE
 *   when it has none of them.
 */
export function buildRoundScores(table: ScoreTable, plan: RoundPlan, missing?: RoundMissing): RoundScores {
  const M = table.models.length;
  const scores = tableGrid(table);
  const index = new Map(table.benchmarks.map((b, i) => [b.name, i]));
  const rounds = makeGrid(plan.rounds.length, M, 0);
  plan.rounds.forEach((round, k) => {
    const cols = round.benchmarks.map((name) => index.get(name) as number);
    // The round's columns copied once (contiguous reads), oriented so that higher is better.
    const columns = cols.map((b) => column(scores, b));
    const lower = cols.map((b) => table.benchmarks[b].lowerIsBetter);
    const row = rowView(rounds, k);
    for (let m = 0; m < M; m++) {
      let sum = 0;
      let n = 0;
      let gap = false;
      for (let i = 0; i < cols.length; i++) {
        const v = columns[i][m];
        if (isMissing(v)) {
          gap = true;
          continue;
        }
        sum += lower[i] ? -v : v;
        n++;
      }
      let score: number;
      if (!gap) score = sum / cols.length;
      else if (missing === "lose" || (missing === "available-mean" && n === 0)) score = LOSING_SCORE;
      else if (missing === "available-mean") score = sum / n;
      else score = MISSING;
      row[m] = score;
    }
  });
  return roundScoresFrom(rounds);
}
