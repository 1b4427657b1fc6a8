/** HELM's mean win rate, ties counted one half. */

import { isMissing, makeGrid, set } from "../grid/grid.js";
import { competitionRanks } from "../stats/stats.js";
import { columnValues, type ScoreMatrix } from "./matrix.js";
import { missingNotes } from "./mean.js";
import type { RankingOptions, RankingResult } from "./types.js";

/** HELM mean win rate: WR_k(m) = (#strictly worse + 0.5 #tied, others scored on k) / (n_k - 1) for n_k >= 2; MWR = mean over m's columns. */
export const definition =
  "Mean win rate (HELM): on each column k with n_k >= 2 models scored, WR_k(m) = (number of other models strictly worse + " +
  "0.5 x number tied) / (n_k - 1); MWR(m) = mean of WR_k(m) over the columns where m has a score.";

/** Mean win rates per model, with the per-column win rates behind them. */
export interface WinRates {
  /** MWR per model (NaN if it has no usable column). */
  meanWinRates: number[];
  /** Number of columns averaged per model. */
  counts: number[];
  /** WR_k(m), model-major like the matrix; NaN where m is missing or n_k < 2. */
  perColumn: Float64Array;
  /** Columns with n_k >= 2 (the others carry no comparison and are skipped). */
  usableColumns: number;
}

/** Win rate of every model present on one column (NaN for absent models, or all NaN if n_k < 2). */
export function columnWinRates(col: ArrayLike<number>): Float64Array {
  const n = col.length;
  const out = new Float64Array(n).fill(Number.NaN);
  const present: number[] = [];
  for (let m = 0; m < n; m++) if (!Number.isNaN(col[m])) present.push(m);
  const nk = present.length;
  if (nk < 2) return out;
  // Sort once; the models strictly below m and those tied with m come from the group boundaries.
  present.sort((a, b) => col[a] - col[b]);
  let start = 0;
  while (start < nk) {
    let end = start + 1;
    while (end < nk && col[present[end]] === col[present[start]]) end++;
    const worse = start;
    const tied = end - start - 1;
    const wr = (worse + 0.5 * tied) / (nk - 1);
    for (let p = start; p < end; p++) out[present[p]] = wr;
    start = end;
  }
  return out;
}

/** HELM mean win rate of every model. */
export function meanWinRates(matrix: ScoreMatrix): WinRates {
  const n = matrix.models.length;
  const k = matrix.columns.length;
  const perColumn = makeGrid(n, k);
  const sums = new Array<number>(n).fill(0);
  const counts = new Array<number>(n).fill(0);
  let usableColumns = 0;
  for (let c = 0; c < k; c++) {
    const wr = columnWinRates(columnValues(matrix, c));
    if (wr.some((x) => !isMissing(x))) usableColumns++;
    for (let m = 0; m < n; m++) {
      if (isMissing(wr[m])) continue;
      set(perColumn, m, c, wr[m]);
      sums[m] += wr[m];
      counts[m]++;
    }
  }
  const meanWinRates = sums.map((s, m) => (counts[m] === 0 ? Number.NaN : s / counts[m]));
  return { meanWinRates, counts, perColumn: perColumn.values, usableColumns };
}

/** Registry entry point. */
export function rankByWinRate(matrix: ScoreMatrix, _options: RankingOptions = {}): RankingResult {
  const { meanWinRates: mwr, counts, usableColumns } = meanWinRates(matrix);
  const notes = ["ties count one half (some published HELM boards before 2024 count them as losses)"];
  notes.push(...missingNotes(counts, usableColumns));
  return { scores: mwr, ranks: competitionRanks(mwr), notes, details: { "columns scored": counts } };
}
