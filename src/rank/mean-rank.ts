/** Mean rank over the columns where each model has a score. */

import { averageRanks, competitionRanks } from "../stats/stats.js";
import { columnValues, type ScoreMatrix } from "./matrix.js";
import { missingNotes } from "./mean.js";
import type { RankingOptions, RankingResult } from "./types.js";

/** Mean rank: mean over columns of the model's rank there (1 = best, ties share the mean rank), over available columns. */
export const definition =
  "Mean rank: the mean, over the columns where a model has a score, of its rank among the models scored on that column " +
  "(1 = best; tied models share the mean of their positions). Lower is better.";

/** Mean ranks per model, with the columns each was ranked on. */
export interface MeanRanks {
  /** Mean rank per model (NaN if it has no score). Lower is better. */
  meanRanks: number[];
  /** Number of columns averaged per model. */
  counts: number[];
}

/** Per-column average ranks (descending scores), averaged per model over its available columns. */
export function meanRanks(matrix: ScoreMatrix): MeanRanks {
  const n = matrix.models.length;
  const sums = new Array<number>(n).fill(0);
  const counts = new Array<number>(n).fill(0);
  for (let c = 0; c < matrix.columns.length; c++) {
    const ranks = averageRanks(columnValues(matrix, c), true);
    for (let m = 0; m < n; m++) {
      if (Number.isNaN(ranks[m])) continue;
      sums[m] += ranks[m];
      counts[m]++;
    }
  }
  return { meanRanks: sums.map((s, m) => (counts[m] === 0 ? Number.NaN : s / counts[m])), counts };
}

/** Registry entry point: scores are -(mean rank) so that higher is better. */
export function rankByMeanRank(matrix: ScoreMatrix, _options: RankingOptions = {}): RankingResult {
  const { meanRanks: mr, counts } = meanRanks(matrix);
  const scores = mr.map((r) => -r);
  const notes = missingNotes(counts, matrix.columns.length);
  if (counts.some((c) => c > 0 && c < matrix.columns.length)) {
    notes.push("a column with fewer models scored hands out smaller ranks: mean rank favours models seen only there");
  }
  return { scores, ranks: competitionRanks(scores), notes, details: { "mean rank": mr, "columns scored": counts } };
}
