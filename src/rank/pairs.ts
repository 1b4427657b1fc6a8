/**
 * Pairwise comparisons read straight from the score matrix, without a battle table: for two models,
 * the columns each one wins and the columns they tie. O(K) per pair over both models' rows, which
 * sit side by side in the model-major matrix, so the O(M^2 K) pass of Copeland, Kemeny and
 * Bradley-Terry streams through memory instead of building M x M float tables first.
 */

import { at, column, isMissing } from "../grid/grid.js";
import { matrixGrid, type ScoreMatrix } from "./matrix.js";

/**
 * Counts of models a and b over the columns where both are scored, into out: [a wins, b wins, ties].
 * A NaN (missing) cell fails all three comparisons, so it skips the column with no branch on it.
 */
export function countPair(values: Float64Array, k: number, a: number, b: number, out: Int32Array): void {
  const ra = a * k;
  const rb = b * k;
  let wa = 0;
  let wb = 0;
  let t = 0;
  for (let c = 0; c < k; c++) {
    const x = values[ra + c];
    const y = values[rb + c];
    if (x > y) wa++;
    else if (y > x) wb++;
    else if (x === y) t++;
  }
  out[0] = wa;
  out[1] = wb;
  out[2] = t;
}

/** Sum over columns of C(n_c, 2), n_c = models scored on column c: the number of battles, O(M K). */
export function battleCount(matrix: ScoreMatrix): number {
  const k = matrix.columns.length;
  let total = 0;
  for (let c = 0; c < k; c++) {
    const n = presentOn(matrix, c);
    total += (n * (n - 1)) / 2;
  }
  return total;
}

/** Models scored on column c. */
export function presentOn(matrix: ScoreMatrix, c: number): number {
  let n = 0;
  for (const v of column(matrixGrid(matrix), c)) if (!isMissing(v)) n++;
  return n;
}

/** Whether each model shares at least one column with another scored model (has a battle at all). */
export function playedModels(matrix: ScoreMatrix): boolean[] {
  const g = matrixGrid(matrix);
  const usable = matrix.columns.map((_, c) => presentOn(matrix, c) >= 2);
  return matrix.models.map((_, m) => usable.some((ok, c) => ok && !isMissing(at(g, m, c))));
}

/**
 * Memory for a large table: shared when the platform has it (in Node the threads of a comparison
 * then read one copy instead of each receiving its own), ordinary otherwise (a browser page that is
 * not cross-origin isolated has no SharedArrayBuffer).
 */
export function sharedBuffer(bytes: number): ArrayBufferLike {
  return typeof SharedArrayBuffer === "function" ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}
