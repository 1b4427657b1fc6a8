/**
 * The one score-grid type: a dense rows x cols block of numbers, row-major, with NaN as its only
 * missing marker. A score table is a grid of models x benchmarks, round scores a grid of rounds x
 * models (each owner names its orientation); the accessors here do the index arithmetic once.
 * Pure and allocation-free unless a function says it copies.
 */

/**
 * rows x cols numbers, cell (r, c) at `values[r * cols + c]`. NaN marks a missing cell (see
 * isMissing). -Infinity is not a marker: it is a score below every score, the round score that the
 * --missing lose policy gives (plan/round-scores.ts), compared like any other number.
 */
export interface Grid {
  rows: number;
  cols: number;
  values: Float64Array;
}

/** The one missing marker. */
export const MISSING = Number.NaN;

/** True for a missing cell: every "is this score missing?" test goes through here. */
export function isMissing(x: number): boolean {
  return Number.isNaN(x);
}

/** A new rows x cols grid, every cell `fill` (missing by default). */
export function makeGrid(rows: number, cols: number, fill = MISSING): Grid {
  const values = new Float64Array(rows * cols);
  if (fill !== 0) values.fill(fill);
  return { rows, cols, values };
}

/** A grid over existing values (no copy); throws when the length does not match. */
export function gridOf(rows: number, cols: number, values: Float64Array): Grid {
  if (values.length !== rows * cols) throw new Error(`grid: ${values.length} values for ${rows} x ${cols}`);
  return { rows, cols, values };
}

/** A grid from rows of equal length (copied). */
export function gridFromRows(rows: ReadonlyArray<ArrayLike<number>>): Grid {
  const cols = rows.length > 0 ? rows[0].length : 0;
  const g = makeGrid(rows.length, cols, 0);
  rows.forEach((row, r) => {
    if (row.length !== cols) throw new Error(`grid: row ${r} has ${row.length} cells, expected ${cols}`);
    g.values.set(row, r * cols);
  });
  return g;
}

/** Where cell (r, c) sits in the values, or in any per-cell array laid out like them (costs, sources, ...). */
export function cellIndex(g: Pick<Grid, "cols">, r: number, c: number): number {
  return r * g.cols + c;
}

export function at(g: Grid, r: number, c: number): number {
  return g.values[r * g.cols + c];
}

export function set(g: Grid, r: number, c: number, v: number): void {
  g.values[r * g.cols + c] = v;
}

/** Row r as a view on the grid's values (writes go through). */
export function rowView(g: Grid, r: number): Float64Array {
  return g.values.subarray(r * g.cols, (r + 1) * g.cols);
}

/** Row r, copied. */
export function rowCopy(g: Grid, r: number): Float64Array {
  return g.values.slice(r * g.cols, (r + 1) * g.cols);
}

/** Column c, copied (columns are strided, so there is no view). */
export function column(g: Grid, c: number): Float64Array {
  const out = new Float64Array(g.rows);
  for (let r = 0; r < g.rows; r++) out[r] = g.values[r * g.cols + c];
  return out;
}

/** The cols x rows grid with cell (c, r) = g's (r, c), copied. */
export function transpose(g: Grid): Grid {
  const out = makeGrid(g.cols, g.rows, 0);
  for (let r = 0; r < g.rows; r++) for (let c = 0; c < g.cols; c++) out.values[c * g.rows + r] = g.values[r * g.cols + c];
  return out;
}

/** The grid of the given rows and columns of g, in those orders (repeats allowed), copied. */
export function pick(g: Grid, rows: readonly number[], cols: readonly number[]): Grid {
  const out = makeGrid(rows.length, cols.length, 0);
  rows.forEach((r, i) => cols.forEach((c, j) => (out.values[i * cols.length + j] = g.values[r * g.cols + c])));
  return out;
}

/** The grid as rows of plain numbers (for JSON and tests). */
export function gridRows(g: Grid): number[][] {
  return Array.from({ length: g.rows }, (_, r) => Array.from(rowView(g, r)));
}
