/**
 * What an adapter hands over: rows of scores before duplicate names are resolved. Wide files give
 * one row per file row (a name may repeat); long files give one row per model, plus further rows
 * for second, third, ... scores of the same (model, benchmark).
 */
import { MISSING } from "../grid/grid.js";
import type { ColumnClass } from "./column-rules.js";
import type { ItemResults, Layout } from "./types.js";

export type ExtraName = "stderr" | "count" | "cost" | "tokens";
export const EXTRA_NAMES: readonly ExtraName[] = ["stderr", "count", "cost", "tokens"];

export interface RawRow {
  model: string;
  /** Where the row is ("line 7", "[3]", a file name). */
  where: string;
  /** A label telling duplicates apart (aider's edit format, a harness file's date), if any. */
  variant?: string;
  /** One value per benchmark, NaN = no score. */
  values: Float64Array;
  /** Where each cell came from, for long tables (per benchmark, "" = no cell). */
  cellWhere?: string[];
  extras?: Partial<Record<ExtraName, Float64Array>>;
}

export interface RawTable {
  source: string;
  adapter: string;
  layout: Layout;
  benchmarks: string[];
  /** Where each benchmark is ('column "MMLU"'), "" when it has no single place (long tables). */
  benchmarkWhere: string[];
  rows: RawRow[];
  /** "row": a repeated model name is a duplicate row (wide files); "cell": a repeated
   * (model, benchmark) pair is a duplicate score (long files). */
  duplicateUnit: "row" | "cell";
  ignored: string[];
  /** Benchmarks the file itself marks lower-is-better (the harness's higher_is_better). */
  lowerIsBetter: string[];
  notes: string[];
  /** What each column is and by which rule (wide tables: column-rules.ts). */
  columnRules?: ColumnClass[];
  /** Why its adapter was chosen (also the first note). */
  adapterReason?: string;
  items?: ItemResults;
}

export function emptyValues(n: number): Float64Array {
  return new Float64Array(n).fill(MISSING);
}
