/** Borda count over columns, ties one half, rescaled for missing scores. */

import { competitionRanks } from "../stats/stats.js";
import { columnValues, type ScoreMatrix } from "./matrix.js";
import { missingNotes } from "./mean.js";
import type { RankingOptions, RankingResult } from "./types.js";
import { columnWinRates } from "./win-rate.js";

/** Borda: per column, models beaten among those scored there (ties 1/2), rescaled to the full field; summed over columns, rescaled to all columns when some are missing. */
export const definition =
  "Borda: on each column, a model gets the number of models it beats among those scored there (ties 1/2), rescaled to " +
  "the full field (x (M - 1) / (n_k - 1)); its Borda score is the mean of these over the columns where it is scored, " +
  "times the number of usable columns (the plain sum when nothing is missing). A missing score is never a win or a loss.";

/** Borda scores per model, with the columns each was scored on. */
export interface BordaScores {
  scores: number[];
  counts: number[];
  /** Columns with at least two models scored. */
  usableColumns: number;
}

/** Borda scores with the missing-data rescaling described in `definition`. */
export function bordaScores(matrix: ScoreMatrix): BordaScores {
  const n = matrix.models.length;
  const sums = new Array<number>(n).fill(0);
  const counts = new Array<number>(n).fill(0);
  let usableColumns = 0;
  for (let c = 0; c < matrix.columns.length; c++) {
    // A win rate is (beaten + ties / 2) / (n_k - 1); times (M - 1) it is the rescaled Borda points.
    const wr = columnWinRates(columnValues(matrix, c));
    let scored = false;
    for (let m = 0; m < n; m++) {
      if (Number.isNaN(wr[m])) continue;
      scored = true;
      sums[m] += wr[m] * (n - 1);
      counts[m]++;
    }
    if (scored) usableColumns++;
  }
  const scores = sums.map((s, m) => (counts[m] === 0 ? Number.NaN : (s / counts[m]) * usableColumns));
  return { scores, counts, usableColumns };
}

/** Registry entry point. */
export function rankByBorda(matrix: ScoreMatrix, _options: RankingOptions = {}): RankingResult {
  const b = bordaScores(matrix);
  const notes = missingNotes(b.counts, b.usableColumns);
  notes.push("with ties counted 1/2, Borda orders models exactly as the mean win rate does when no score is missing");
  return { scores: b.scores, ranks: competitionRanks(b.scores), notes, details: { "columns scored": b.counts } };
}
