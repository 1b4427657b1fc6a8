/** Mean score over the columns where each model has a score. */

import { competitionRanks, finiteMean } from "../stats/stats.js";
import { type Normalisation, normalisationDefinitions, normalise, presentValues, type ScoreMatrix, scaleWarning } from "./matrix.js";
import type { RankingOptions, RankingResult } from "./types.js";

/** Mean score: mean over columns of s[m][k] (optionally min-max or z-score normalised per column), missing cells skipped. */
export const definition =
  "Mean score: the mean of a model's scores over the columns where it has one (missing cells skipped, count reported); " +
  "optional per-column min-max or z-score normalisation first.";

/** Mean scores per model, with the columns each was scored on. */
export interface MeanScores {
  /** Mean over available columns (NaN if the model has none). */
  means: number[];
  /** Number of columns averaged per model. */
  counts: number[];
}

/** Mean of each model's available (normalised) scores, with the number of columns used. */
export function meanScores(matrix: ScoreMatrix, normalisation: Normalisation = "none"): MeanScores {
  const m = normalise(matrix, normalisation);
  const means: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < m.models.length; i++) {
    const xs = presentValues(m, i);
    counts.push(xs.length);
    means.push(finiteMean(xs));
  }
  return { means, counts };
}

/** Notes shared by the methods that average over available columns. */
export function missingNotes(counts: readonly number[], total: number): string[] {
  const partial = counts.filter((c) => c < total).length;
  const notes: string[] = [];
  if (partial > 0) {
    notes.push(`${partial} model(s) miss some columns: they are averaged over the columns they have (see "columns scored")`);
  }
  const none = counts.filter((c) => c === 0).length;
  if (none > 0) notes.push(`${none} model(s) have no score at all and are left unranked`);
  return notes;
}

/** Registry entry point. */
export function rankByMean(matrix: ScoreMatrix, options: RankingOptions = {}): RankingResult {
  const how = options.normalisation ?? "none";
  const { means, counts } = meanScores(matrix, how);
  const notes = [`normalisation: ${how} (${normalisationDefinitions[how]})`];
  if (how === "none") {
    const warning = scaleWarning(matrix);
    if (warning) notes.push(warning);
  }
  notes.push(...missingNotes(counts, matrix.columns.length));
  return { scores: means, ranks: competitionRanks(means), notes, details: { "columns scored": counts } };
}
