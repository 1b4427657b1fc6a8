/**
 * Leaderboard exports: one row per model and one column per benchmark (or, with --layout
 * benchmarks-rows, the transpose). Metadata columns (text) and statistics columns (standard
 * errors, counts, lengths, costs, dates: recognised by name) are reported, not read as scores;
 * aggregate columns are found later (aggregates.ts).
 */

import { type ColumnClass, type ColumnFacts, classifyColumn, columnFacts } from "../column-rules.js";
import { type ColumnMap, type ColumnRole, findRoles } from "../columns.js";
import { InputError, lineOf, listProblems, problemsError } from "../errors.js";
import { chooseLayout, type LayoutChoice } from "../layout.js";
import { allPercent, parseBenchmarkCell, parseScoreCell } from "../numbers.js";
import { emptyValues, type RawRow, type RawTable } from "../raw.js";
import type { Cell, Records } from "../records.js";
import { parseRecords } from "../text-records.js";
import { type Adapter, type AdapterOptions, type SourceText, single } from "./types.js";

function cellName(cell: Cell): string {
  return cell === null ? "" : String(cell).trim();
}

/** A column of standard errors (not an interval, not a standard deviation): "standard_error", "lc_standard_error", "MMLU_stderr". */
const STANDARD_ERROR = /(^|[_\s-])(std_?err(or)?|standard_error|se|sem)$/i;

/**
 * Standard-error columns of a leaderboard and the score column each belongs to: the one its
 * prefix names ("MMLU_stderr"), else the score column just before it (AlpacaEval's "win_rate,
 * standard_error" and "length_controlled_winrate, lc_standard_error"). [column, index in scoreCols].
 */
function standardErrorColumns(columns: readonly string[], scoreCols: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  columns.forEach((name, c) => {
    if (scoreCols.includes(c) || !STANDARD_ERROR.test(name.trim())) return;
    const prefix = name.trim().replace(STANDARD_ERROR, "").trim();
    const named = prefix ? scoreCols.findIndex((s) => columns[s].trim() === prefix) : -1;
    const before = scoreCols.indexOf(c - 1);
    const j = named >= 0 ? named : before;
    if (j >= 0 && !out.some(([, k]) => k === j)) out.push([c, j]);
  });
  return out;
}

export function checkUniqueColumns(columns: readonly string[], what: string, file: string): void {
  const at = new Map<string, number[]>();
  columns.forEach((c, i) => at.set(c, [...(at.get(c) ?? []), i]));
  const dups = [...at.entries()].filter(([name, idx]) => idx.length > 1 && name !== "");
  if (dups.length > 0) {
    throw new InputError(
      listProblems(
        `${file}: duplicate ${what} names (each must appear once):`,
        dups.map(([n, idx]) => `"${n}" at ${idx.map((i) => `column ${i + 1}`).join(", ")}`),
      ),
      // The first repeated name, at its repeat (as a repeated model's row is the repeat's).
      { file, row: 1, column: dups[0][0], columnIndex: dups[0][1][1] + 1 },
    );
  }
}

/** Records in a wide layout -> RawTable (models-rows), or its transpose (benchmarks-rows). */
export function wideRaw(rec: Records, choice: LayoutChoice, adapter: string, unnamedRows: UnnamedPolicy = "error"): RawTable {
  const { file, columns } = rec;
  const byModel = choice.layout === "models-rows";
  const key = choice.keyColumn;
  checkUniqueColumns(columns, byModel ? "benchmark (column)" : "model (column)", file);
  const unnamed = rec.rows.filter((r) => cellName(r.cells[key]) === "").map((r) => r.where);
  if (unnamed.length > 0 && unnamedRows === "error") {
    throw new InputError(
      listProblems(`${file}: rows without a name in column "${columns[key]}" (or leave them out with --unnamed drop):`, unnamed),
      { file, row: lineOf(unnamed[0]), column: columns[key] },
    );
  }
  const rows = unnamed.length > 0 ? rec.rows.filter((r) => cellName(r.cells[key]) !== "") : rec.rows;
  const rowNames = rows.map((r) => cellName(r.cells[key]));
  if (!byModel) {
    const seen = new Map<string, string>();
    const dups: string[] = [];
    let repeat: string | undefined;
    rows.forEach((r, i) => {
      const first = seen.get(rowNames[i]);
      if (first) dups.push(`"${rowNames[i]}" at ${first}, ${r.where}`);
      if (first && dups.length === 1) repeat = r.where;
      else seen.set(rowNames[i], r.where);
    });
    if (dups.length > 0)
      throw new InputError(listProblems(`${file}: duplicate benchmark names (each must appear once):`, dups), {
        file,
        row: lineOf(repeat),
        column: columns[key],
      });
  }
  const ignored: string[] = [];
  const notes: string[] = unnamed.length > 0 ? [unnamedNote(unnamed, `column "${columns[key]}"`)] : [];
  const stats: string[] = [];
  const scoreCols: number[] = [];
  const classes: ColumnClass[] = [];
  const facts: ColumnFacts[] = [];
  const context = { file, byModel };
  columns.forEach((name, c) => {
    if (c === key) return void classes.push({ name, verdict: "key", rule: "layout", reason: choice.reason });
    const cells = rows.map((r) => r.cells[c]);
    const f = columnFacts(name, c, cells);
    const verdict = classifyColumn(f, context);
    // The one error verdict is a column without a name: its number is all that locates it.
    if (verdict.verdict === "error") throw new InputError(verdict.reason, { file, columnIndex: c + 1 });
    classes.push(verdict);
    if (verdict.note) notes.push(verdict.note);
    if (verdict.verdict === "score") {
      scoreCols.push(c);
      facts.push(f);
    } else ignored.push(name === "" ? `(column ${c + 1})` : name);
    if (verdict.verdict === "statistic") stats.push(`${name} (${verdict.reason})`);
  });
  if (stats.length > 0) notes.push(`columns that are not benchmarks, by their names: ${stats.join(", ")}`);
  // A benchmark is a column (models-rows) or a row (benchmarks-rows); written all in percentages, it is read without the % sign.
  // A column with only numbers and gaps was parsed once, by columnFacts: it has no percentages either.
  const parsed = facts.map((f) => byModel && f.invalid === 0);
  const percent = byModel
    ? scoreCols.map((c, j) => !parsed[j] && allPercent(rows.map((r) => r.cells[c])))
    : rows.map((r) => allPercent(scoreCols.map((c) => r.cells[c])));
  const inPercent = byModel ? scoreCols.filter((_, j) => percent[j]).map((c) => columns[c]) : rowNames.filter((_, i) => percent[i]);
  if (inPercent.length > 0) notes.push(`percentages read as numbers from 0 to 100 (the % sign dropped): ${inPercent.join(", ")}`);
  const problems: string[] = [];
  const grid = rows.map((r, i) => {
    const values = emptyValues(scoreCols.length);
    scoreCols.forEach((c, j) => {
      if (parsed[j]) {
        values[j] = facts[j].values[i];
        return;
      }
      const p = parseBenchmarkCell(r.cells[c], percent[byModel ? j : i]);
      if (p.kind === "invalid") problems.push(`${r.where}, column "${columns[c]}": ${p.reason}`);
      else if (p.kind === "number") values[j] = p.value;
    });
    return values;
  });
  if (problems.length > 0) throw problemsError(`${file}: invalid scores:`, problems, { file });
  const base = {
    source: file,
    adapter,
    layout: choice.layout,
    duplicateUnit: "row" as const,
    ignored,
    lowerIsBetter: [],
    notes: [`layout ${choice.layout} (${choice.reason})`, ...notes],
    columnRules: classes,
  };
  if (byModel) {
    const se = standardErrorColumns(columns, scoreCols);
    if (se.length > 0)
      base.notes.push(`standard errors beside the scores: ${se.map(([s, j]) => `${columns[s]} for ${columns[scoreCols[j]]}`).join(", ")}`);
    return {
      ...base,
      benchmarks: scoreCols.map((c) => columns[c]),
      benchmarkWhere: scoreCols.map((c) => `column "${columns[c]}"`),
      rows: rows.map((r, i): RawRow => {
        if (se.length === 0) return { model: rowNames[i], where: r.where, values: grid[i] };
        const stderr = emptyValues(scoreCols.length);
        for (const [s, j] of se) {
          const p = parseScoreCell(r.cells[s]);
          if (p.kind === "number" && p.value >= 0) stderr[j] = p.value;
        }
        return { model: rowNames[i], where: r.where, values: grid[i], extras: { stderr } };
      }),
    };
  }
  return {
    ...base,
    benchmarks: rowNames,
    benchmarkWhere: rows.map((r) => r.where),
    rows: scoreCols.map(
      (c, j): RawRow => ({
        model: columns[c],
        where: `column "${columns[c]}"`,
        values: Float64Array.from(grid, (v) => v[j]),
      }),
    ),
  };
}

/** --unnamed: rows without a model (or benchmark) name are an error, or are left out with a note. */
export type UnnamedPolicy = "error" | "drop";
export const UNNAMED_POLICIES: readonly UnnamedPolicy[] = ["error", "drop"];

export function unnamedNote(where: readonly string[], what: string): string {
  const shown = where.length > 20 ? `${where.slice(0, 20).join(", ")}, ... and ${where.length - 20} more` : where.join(", ");
  return `${where.length} row${where.length === 1 ? "" : "s"} without a name in ${what} left out (--unnamed drop): ${shown}`;
}

/** --columns that fit no reading of the table. */
export function wrongColumns(): never {
  throw new InputError(
    "--columns: a table with one row per model (or per benchmark) takes model=COLUMN or benchmark=COLUMN alone; " +
      "a long file takes model, benchmark and score columns, a per-item file an item column too (--from long|per-item)",
    { option: "columns" },
  );
}

/**
 * --columns model=COL (one row per model) or benchmark=COL (one row per benchmark) alone names the
 * key column of a wide table; undefined for any other --columns (a long or per-item file's).
 */
export function namedKeyColumn(columns: readonly string[], file: string, named: ColumnMap): LayoutChoice | undefined {
  const roles = Object.keys(named) as ColumnRole[];
  if (roles.length !== 1 || (roles[0] !== "model" && roles[0] !== "benchmark")) return undefined;
  const role = roles[0];
  const keyColumn = findRoles(columns, file, named)[role];
  return {
    layout: role === "model" ? "models-rows" : "benchmarks-rows",
    keyColumn,
    reason: `--columns ${role}=${columns[keyColumn]}`,
  };
}

export const leaderboardAdapter: Adapter = {
  name: "leaderboard",
  description: "one row per model and one column per benchmark (or --layout benchmarks-rows), CSV/TSV/JSON/YAML",
  options: ["columns", "unnamed", "layout"],
  // The fallback: every table no other adapter claims (read() says when its layout cannot be told).
  detect: (_file, _head, options) =>
    options.columns
      ? `--columns ${Object.keys(options.columns).join(",")} names the key column`
      : options.layout
        ? `--layout ${options.layout}`
        : "no other adapter fits; a table of one row per model or per benchmark",
  read(sources: readonly SourceText[], options: AdapterOptions): RawTable {
    const { file, text } = single(sources, "leaderboard");
    const rec = parseRecords(text, file, options.layout);
    const choice = options.columns
      ? (namedKeyColumn(rec.columns, file, options.columns) ?? wrongColumns())
      : chooseLayout(rec.columns, file, options.layout === "long" ? undefined : options.layout);
    if (choice.layout === "long") {
      throw new InputError(`${file}: this is a long table (columns for model, benchmark and score); read it with --from long`, { file });
    }
    return wideRaw(rec, choice, "leaderboard", options.unnamed);
  },
};
