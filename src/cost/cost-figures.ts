/**
 * Cost figures given per model and benchmark (mean USD per attempt): a `cost` column in a long
 * score table, or a separate long file given with --costs. Pure: the caller reads the text.
 */
import type { ColumnMap } from "../table/columns.js";
import { findRoles } from "../table/columns.js";
import { InputError, problemsError } from "../table/errors.js";
import { parseScoreCell } from "../table/numbers.js";
import { parseRecords } from "../table/text-records.js";

export interface CostFigure {
  /** Mean USD per attempt. */
  cost: number;
  where: string;
}

export interface CostFigures {
  source: string;
  /** The column the figures were read from. */
  column: string;
  /** cellKey(model, benchmark) -> figure. */
  cells: Map<string, CostFigure>;
}

export function cellKey(model: string, benchmark: string): string {
  return `${model}\u0000${benchmark}`;
}

export interface CostFigureOptions {
  /** --columns of the score table (model=, benchmark=, cost=). */
  columns?: ColumnMap;
  /** The benchmark to use when the file has no benchmark column (a one-benchmark table). */
  onlyBenchmark?: string;
  /** A separate --costs file must have a cost column; a score table may not. */
  required: boolean;
}

/** The cost column of a long file, or undefined when it has none (and none was required). */
export function costFiguresFromText(text: string, file: string, o: CostFigureOptions): CostFigures | undefined {
  const rec = parseRecords(text, file);
  const roles = findRoles(rec.columns, file, o.columns);
  if (roles.cost < 0) {
    if (!o.required) return undefined;
    throw new InputError(
      `${file}: no cost column (expected model, benchmark and cost columns, cost = mean USD per attempt; its columns: ${rec.columns.join(", ")})`,
      { file },
    );
  }
  if (roles.model < 0)
    throw new InputError(`${file}: no model column (expected model, benchmark and cost columns; its columns: ${rec.columns.join(", ")})`, {
      file,
    });
  if (roles.benchmark < 0 && o.onlyBenchmark === undefined) {
    throw new InputError(`${file}: no benchmark column, and the score table has several benchmarks (add a benchmark column)`, { file });
  }
  const column = rec.columns[roles.cost];
  const cells = new Map<string, CostFigure>();
  const problems: string[] = [];
  for (const r of rec.rows) {
    const model = String(r.cells[roles.model] ?? "").trim();
    const bench = roles.benchmark >= 0 ? String(r.cells[roles.benchmark] ?? "").trim() : (o.onlyBenchmark as string);
    if (model === "" || bench === "") continue; // the score reader reports empty names
    const p = parseScoreCell(r.cells[roles.cost]);
    if (p.kind === "missing") continue; // unknown cost: said so in the output, never 0
    if (p.kind === "invalid" || p.value < 0) {
      problems.push(
        `${r.where}, column "${column}": ${p.kind === "invalid" ? p.reason : `${p.value} is negative`} (expected mean USD per attempt, >= 0)`,
      );
      continue;
    }
    const key = cellKey(model, bench);
    const seen = cells.get(key);
    if (seen && seen.cost !== p.value) {
      problems.push(
        `${r.where}, column "${column}": a second cost for model "${model}", benchmark "${bench}" (${p.value}; ${seen.where} has ${seen.cost})`,
      );
      continue;
    }
    cells.set(key, { cost: p.value, where: r.where });
  }
  if (problems.length > 0) throw problemsError(`${file}: invalid costs:`, problems, { file });
  return { source: file, column, cells };
}
