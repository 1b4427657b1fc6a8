/**
 * The input of every ranking method: a models x columns table of scores, oriented so that higher is
 * better (the table reader flips lower-is-better columns first). NaN marks a missing cell.
 */
import { at, column, type Grid, isMissing, MISSING, makeGrid, pick, rowCopy, set } from "../grid/grid.js";

/** Models x columns (benchmarks or rounds), oriented so higher is better. NaN = missing. */
export interface ScoreMatrix {
  models: string[];
  columns: string[];
  /** The values of a models x columns grid (matrixGrid). */
  values: Float64Array;
}

/** The matrix as a models x columns grid: a view, no copy. */
export function matrixGrid(matrix: ScoreMatrix, values: Float64Array = matrix.values): Grid {
  return { rows: matrix.models.length, cols: matrix.columns.length, values };
}

/** Per-column rescaling applied before a method that needs a common scale. */
export type Normalisation = "none" | "minmax" | "zscore";

/** One-line definitions of the normalisations, for printing beside results. */
export const normalisationDefinitions: Record<Normalisation, string> = {
  none: "raw scores (a wide-range column dominates a narrow one)",
  minmax: "per column (x - min) / (max - min) over the models scored there; a constant column becomes 0.5",
  zscore:
    "per column (x - mean) / SD over the models scored there (population SD, ddof = 0, as scipy.stats.zscore); a constant column becomes 0",
};

/**
 * Build a matrix from rows (one per model); null, undefined and NaN become missing.
 * Throws on ragged rows or infinite values.
 */
export function matrixFromRows(
  models: readonly string[],
  columns: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<number | null | undefined>>,
): ScoreMatrix {
  if (rows.length !== models.length) {
    throw new Error(`matrix: ${models.length} model names but ${rows.length} rows`);
  }
  const k = columns.length;
  const g = makeGrid(models.length, k, 0);
  rows.forEach((row, m) => {
    if (row.length !== k) {
      throw new Error(`matrix: row ${m} (${models[m]}) has ${row.length} cells, expected ${k}`);
    }
    for (let c = 0; c < k; c++) {
      const v = row[c];
      if (v === null || v === undefined || isMissing(v)) set(g, m, c, MISSING);
      else if (!Number.isFinite(v)) throw new Error(`matrix: infinite value at ${models[m]}, ${columns[c]}`);
      else set(g, m, c, v);
    }
  });
  return { models: [...models], columns: [...columns], values: g.values };
}

/** The cell of model m, column c (NaN if missing). */
export function cell(matrix: ScoreMatrix, m: number, c: number): number {
  return at(matrixGrid(matrix), m, c);
}

/** Column c as a vector over models (NaN where missing). */
export function columnValues(matrix: ScoreMatrix, c: number): Float64Array {
  return column(matrixGrid(matrix), c);
}

/** Row m as a vector over columns (NaN where missing). */
export function modelValues(matrix: ScoreMatrix, m: number): Float64Array {
  return rowCopy(matrixGrid(matrix), m);
}

/** Model m's non-missing scores, in column order. */
export function presentValues(matrix: ScoreMatrix, m: number): number[] {
  return Array.from(modelValues(matrix, m)).filter((v) => !isMissing(v));
}

/** Number of missing cells in the whole matrix. */
export function missingCount(matrix: ScoreMatrix): number {
  let n = 0;
  for (const v of matrix.values) if (isMissing(v)) n++;
  return n;
}

/** The same matrix restricted to the given column indices (in that order, repeats allowed). */
export function selectColumns(matrix: ScoreMatrix, cols: readonly number[]): ScoreMatrix {
  const rows = Array.from(matrix.models, (_, m) => m);
  return { models: [...matrix.models], columns: cols.map((c) => matrix.columns[c]), values: pick(matrixGrid(matrix), rows, cols).values };
}

/** Per-column min-max rescaling to [0, 1] over the models scored there (constant column -> 0.5). */
export function minMaxNormalise(matrix: ScoreMatrix): ScoreMatrix {
  return mapColumns(matrix, (col) => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of col) {
      if (isMissing(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    // Halves when the range itself overflows (columns spanning -1e308 to 1e308): the same ratio, finite.
    const half = !Number.isFinite(hi - lo);
    const range = half ? hi / 2 - lo / 2 : hi - lo;
    return (v) => (range > 0 ? (half ? v / 2 - lo / 2 : v - lo) / range : 0.5);
  });
}

/** Per-column z-scores over the models scored there (population SD; constant column -> 0). */
export function zScoreNormalise(matrix: ScoreMatrix): ScoreMatrix {
  return mapColumns(matrix, (col) => {
    const z = zScorer(col, 1);
    if (z) return z;
    // z-scores do not change with the scale: a column whose squares overflow is divided by its largest |x| first.
    let top = 0;
    for (const v of col) if (!isMissing(v)) top = Math.max(top, Math.abs(v));
    return zScorer(col, top) ?? (() => 0);
  });
}

/** The z-score map of a column divided by `scale`, or undefined when its sums overflow. */
function zScorer(col: Float64Array, scale: number): ((v: number) => number) | undefined {
  let n = 0;
  let sum = 0;
  for (const v of col) {
    if (isMissing(v)) continue;
    n++;
    sum += v / scale;
  }
  const mean = sum / n;
  let ss = 0;
  for (const v of col) if (!isMissing(v)) ss += (v / scale - mean) * (v / scale - mean);
  const sd = Math.sqrt(ss / n);
  if (!Number.isFinite(sd)) return undefined;
  return (v) => (sd > 0 ? (v / scale - mean) / sd : 0);
}

/** Apply the named normalisation (a copy for "none" as well, so callers may mutate). */
export function normalise(matrix: ScoreMatrix, how: Normalisation): ScoreMatrix {
  if (how === "minmax") return minMaxNormalise(matrix);
  if (how === "zscore") return zScoreNormalise(matrix);
  return { models: [...matrix.models], columns: [...matrix.columns], values: matrix.values.slice() };
}

/**
 * A note when raw columns have very different ranges (max range / min range > 5), or null:
 * scale-sensitive methods should print it when run with normalisation "none".
 */
export function scaleWarning(matrix: ScoreMatrix): string | null {
  // Half ranges: a column spanning -1e308 to 1e308 has a range beyond the largest double.
  const ranges: number[] = [];
  for (let c = 0; c < matrix.columns.length; c++) {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    let n = 0;
    for (const v of columnValues(matrix, c)) {
      if (isMissing(v)) continue;
      n++;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (n >= 2) ranges.push(hi / 2 - lo / 2);
  }
  const positive = ranges.filter((r) => r > 0);
  if (positive.length < 2) return null;
  const lo = Math.min(...positive);
  const hi = Math.max(...positive);
  if (hi / lo <= 5) return null;
  return (
    `column ranges differ ${(hi / lo).toFixed(1)}-fold (${fmt(2 * lo)} to ${fmt(2 * hi)}): ` +
    "raw averages are dominated by the widest columns; consider min-max or z-score normalisation"
  );
}

function fmt(x: number): string {
  return Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : "more than 1.8e308";
}

function mapColumns(matrix: ScoreMatrix, makeMap: (col: Float64Array) => (v: number) => number): ScoreMatrix {
  const out = matrixGrid(matrix, new Float64Array(matrix.values.length));
  for (let c = 0; c < out.cols; c++) {
    const col = columnValues(matrix, c);
    const f = makeMap(col);
    for (let m = 0; m < col.length; m++) set(out, m, c, isMissing(col[m]) ? MISSING : f(col[m]));
  }
  return { models: [...matrix.models], columns: [...matrix.columns], values: out.values };
}
