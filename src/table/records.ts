/** A file's rows before we know what they mean: the common form of CSV and JSON input. */

export type Cell = string | number | null;

export interface RecordRow {
  /** Where the row is, for messages: "line 7" (CSV) or "[3]" / "gpt-4" (JSON). */
  where: string;
  cells: Cell[];
}

export interface Records {
  file: string;
  columns: string[];
  rows: RecordRow[];
}
