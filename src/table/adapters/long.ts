/**
 * Long tables: one row per (model, benchmark, score). A second score for the same pair is a
 * duplicate, resolved by --duplicates (default: an error naming both rows).
 */
import { makeGrid, rowView } from "../../grid/grid.js";
import type { ColumnClass } from "../column-rules.js";
import { type ColumnMap, findRoles } from "../columns.js";
import { detectDelimiter, recordLengthError } from "../csv.js";
import { CsvSplitter, csvHeader } from "../csv-stream.js";
import { InputError, problemsError } from "../errors.js";
import { chooseLayout } from "../layout.js";
import { parsePercentCell, parseScoreCell } from "../numbers.js";
import { emptyValues, type RawRow, type RawTable } from "../raw.js";
import type { Cell, Records } from "../records.js";
import { parseRecords } from "../text-records.js";
import { headerColumns } from "./header.js";
import { checkUniqueColumns, type UnnamedPolicy, unnamedNote, wrongColumns } from "./leaderboard.js";
import { type Adapter, type AdapterOptions, extension, isJsonLines, isYaml, type SourceText, single } from "./types.js";

function cellName(cell: Cell): string {
  return cell === null ? "" : String(cell).trim();
}

/** Optional per-score columns of a long table, kept beside the score (standard errors feed --bootstrap and noise). */
const EXTRA_COLUMNS: { extra: "stderr" | "count"; names: string[] }[] = [
  { extra: "stderr", names: ["stderr", "std_err", "se", "standard_error", "score_stderr"] },
  { extra: "count", names: ["n", "count", "n_items", "items", "n_samples", "num_samples"] },
];

/** A growable typed array (doubling), for one number per long-table row. */
class Column<T extends Float64Array | Int32Array> {
  length = 0;
  constructor(private data: T) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => T)(Math.max(1024, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  at(i: number): number {
    return this.data[i];
  }
}

/**
 * A long table built row by row, from parsed records or straight from a streamed CSV file: each
 * row keeps only numbers (model, benchmark, value, where), so 2 million rows take tens of
 * megabytes, not the records' hundreds. Percentages are decided per benchmark at the end (a
 * benchmark written all in % is read without the sign; % among plain numbers is an error).
 */
export class LongTableBuilder {
  private readonly models = new Map<string, number>();
  private readonly benches = new Map<string, number>();
  private readonly model = new Column(new Int32Array(1024));
  private readonly bench = new Column(new Int32Array(1024));
  private readonly value = new Column(new Float64Array(1024));
  private readonly extras: Column<Float64Array>[];
  private readonly extraCols: { extra: "stderr" | "count"; col: number }[];
  /** Where each row is: a line number (streamed CSV), or -1 - i for the i-th label such as "[12]" (records). */
  private readonly where = new Column(new Int32Array(1024));
  private readonly labels: string[] = [];
  private lastModel = "";
  private lastIndex = -1;
  /** Rows whose score was a percentage, with its text (for the message if its benchmark mixes). */
  private readonly percentText = new Map<number, string>();
  private readonly anyPercent: boolean[] = [];
  private readonly anyPlain: boolean[] = [];
  private readonly problems: [number, string][] = [];
  private readonly unnamed: string[] = [];
  private readonly ignored: string[];

  constructor(
    private readonly file: string,
    private readonly columns: readonly string[],
    private readonly cols: { model: number; benchmark: number; score: number },
    private readonly reason: string,
    private readonly unnamedRows: UnnamedPolicy = "error",
  ) {
    checkUniqueColumns(columns, "column", file);
    this.extraCols = EXTRA_COLUMNS.map((e) => ({
      extra: e.extra,
      col: columns.findIndex((c) => e.names.includes(c.trim().toLowerCase())),
    })).filter((e) => e.col >= 0 && e.col !== cols.score);
    this.extras = this.extraCols.map(() => new Column(new Float64Array(1024)));
    const used = new Set([cols.model, cols.benchmark, cols.score, ...this.extraCols.map((e) => e.col)]);
    this.ignored = columns.filter((_, i) => !used.has(i));
  }

  private label(where: number | string): string {
    return typeof where === "number" ? `line ${where}` : where;
  }

  /** The label of the row-th row kept. */
  private labelOf(row: number): string {
    const w = this.where.at(row);
    return w >= 0 ? `line ${w}` : this.labels[-1 - w];
  }

  add(cells: readonly Cell[], where: number | string): void {
    const { model: mc, benchmark: bc, score: sc } = this.cols;
    const m = cellName(cells[mc]);
    const b = cellName(cells[bc]);
    const row = this.where.length;
    if (m === "" || b === "") {
      if (this.unnamedRows === "drop") this.unnamed.push(this.label(where));
      else
        this.problems.push([
          row,
          `${this.label(where)}: empty ${m === "" ? `"${this.columns[mc]}"` : `"${this.columns[bc]}"`} (or leave such rows out with --unnamed drop)`,
        ]);
      return;
    }
    // Long files are mostly sorted by model: the last one's index saves a lookup per row.
    let mi = m === this.lastModel ? this.lastIndex : this.models.get(m);
    if (mi === undefined) {
      mi = this.models.size;
      this.models.set(m, mi);
    }
    this.lastModel = m;
    this.lastIndex = mi;
    let bi = this.benches.get(b);
    if (bi === undefined) {
      bi = this.benches.size;
      this.benches.set(b, bi);
      this.anyPercent.push(false);
      this.anyPlain.push(false);
    }
    // A plain number first (nearly every cell); a percentage is never one.
    const p = parseScoreCell(cells[sc]);
    const pct = p.kind === "number" ? undefined : parsePercentCell(cells[sc]);
    let v: number;
    if (pct !== undefined) {
      v = pct;
      this.anyPercent[bi] = true;
      this.percentText.set(row, String(cells[sc]).trim());
    } else if (p.kind === "invalid") {
      this.problems.push([row, `${this.label(where)}, column "${this.columns[sc]}": ${p.reason}`]);
      v = Number.NaN;
    } else {
      v = p.kind === "number" ? p.value : Number.NaN;
      if (p.kind === "number") this.anyPlain[bi] = true;
    }
    for (let i = 0; i < this.extraCols.length; i++) {
      const col = this.extraCols[i].col;
      const q = parseScoreCell(cells[col]);
      if (q.kind === "invalid") this.problems.push([row, `${this.label(where)}, column "${this.columns[col]}": ${q.reason}`]);
      this.extras[i].push(q.kind === "number" ? q.value : Number.NaN);
    }
    this.model.push(mi);
    this.bench.push(bi);
    this.value.push(v);
    if (typeof where === "number") this.where.push(where);
    else {
      this.where.push(-1 - this.labels.length);
      this.labels.push(where);
    }
  }

  /** Each column's part in a long table (the column rules of wide tables do not apply: roles do). */
  private columnRules(): ColumnClass[] {
    const { model, benchmark, score } = this.cols;
    return this.columns.map((name, c): ColumnClass => {
      const extra = this.extraCols.find((e) => e.col === c);
      if (c === model || c === benchmark)
        return { name, verdict: "key", rule: "long", reason: `the ${c === model ? "model" : "benchmark"} names (${this.reason})` };
      if (c === score) return { name, verdict: "score", rule: "long", reason: `the scores (${this.reason})` };
      if (extra) return { name, verdict: "statistic", rule: "long", reason: `kept beside the scores as ${extra.extra}` };
      return { name, verdict: "metadata", rule: "long", reason: "not a model, benchmark, score, stderr or count column" };
    });
  }

  finish(): RawTable {
    const { file, columns } = this;
    const B = this.benches.size;
    const mixed = (bi: number) => this.anyPercent[bi] && this.anyPlain[bi];
    for (const [row, text] of this.percentText) {
      const bi = this.bench.at(row);
      if (mixed(bi))
        this.problems.push([
          row,
          `${this.labelOf(row)}, column "${columns[this.cols.score]}": "${text}" is a percentage among plain numbers (write every value of a benchmark the same way)`,
        ]);
    }
    if (this.problems.length > 0) {
      this.problems.sort((a, b) => a[0] - b[0]);
      throw problemsError(
        `${file}: invalid rows:`,
        this.problems.map(([, p]) => p),
        { file },
      );
    }
    // The k-th score of (model, benchmark) goes to the model's k-th row: duplicates.ts resolves them.
    const names = [...this.models.keys()];
    const rowsOf: RawRow[][] = names.map(() => []);
    const filledAt: Int32Array[][] = names.map(() => []);
    const order: RawRow[] = [];
    const n = this.where.length;
    const firstValues = makeGrid(names.length, B);
    const firstFilled = new Int32Array(names.length * B);
    for (let i = 0; i < n; i++) {
      const mi = this.model.at(i);
      const bi = this.bench.at(i);
      const list = rowsOf[mi];
      let k = 0;
      while (k < list.length && filledAt[mi][k][bi] !== 0) k++;
      if (k === list.length) {
        // A model's first row takes its slice of one block (20,000 small arrays fragment the heap); repeats get their own.
        const values = k === 0 ? rowView(firstValues, mi) : emptyValues(B);
        const row: RawRow = { model: names[mi], where: this.labelOf(i), values };
        if (this.extraCols.length > 0) row.extras = Object.fromEntries(this.extraCols.map((e) => [e.extra, emptyValues(B)]));
        list.push(row);
        filledAt[mi].push(k === 0 ? firstFilled.subarray(mi * B, (mi + 1) * B) : new Int32Array(B));
        order.push(row);
      }
      const row = list[k];
      row.values[bi] = this.value.at(i);
      this.extraCols.forEach((e, j) => {
        const arr = row.extras?.[e.extra];
        if (arr) arr[bi] = this.extras[j].at(i);
      });
      filledAt[mi][k][bi] = i + 1;
    }
    // Where each cell came from matters only for a model with repeated scores (duplicates.ts names them).
    names.forEach((_, mi) => {
      if (rowsOf[mi].length < 2) return;
      rowsOf[mi].forEach((row, k) => {
        row.cellWhere = Array.from(filledAt[mi][k], (i) => (i === 0 ? "" : this.labelOf(i - 1)));
      });
    });
    const inPercent = [...this.benches.keys()].filter((_, bi) => this.anyPercent[bi] && !this.anyPlain[bi]);
    return {
      source: file,
      adapter: "long",
      layout: "long",
      benchmarks: [...this.benches.keys()],
      benchmarkWhere: [...this.benches.keys()].map(() => ""),
      rows: order,
      duplicateUnit: "cell",
      ignored: this.ignored,
      columnRules: this.columnRules(),
      lowerIsBetter: [],
      notes: [
        `layout long (${this.reason})`,
        ...(this.extraCols.length > 0
          ? [`kept beside the scores: ${this.extraCols.map((e) => `${e.extra} from column "${columns[e.col]}"`).join(", ")}`]
          : []),
        ...(inPercent.length > 0 ? [`percentages read as numbers from 0 to 100 (the % sign dropped): ${inPercent.join(", ")}`] : []),
        ...(this.unnamed.length > 0
          ? [unnamedNote(this.unnamed, `column "${columns[this.cols.model]}" or "${columns[this.cols.benchmark]}"`)]
          : []),
      ],
    };
  }
}

export function longRaw(
  rec: Records,
  cols: { model: number; benchmark: number; score: number },
  reason: string,
  unnamedRows: UnnamedPolicy = "error",
): RawTable {
  const builder = new LongTableBuilder(rec.file, rec.columns, cols, reason, unnamedRows);
  for (const r of rec.rows) builder.add(r.cells, r.where);
  return builder.finish();
}

/** --columns naming only the key column of a wide table (model=COL or benchmark=COL alone). */
export function namesKeyColumnOnly(named: ColumnMap): boolean {
  const roles = Object.keys(named);
  return roles.length === 1 && (roles[0] === "model" || roles[0] === "benchmark");
}

type LongColumns = { model: number; benchmark: number; score: number };

/** The model, benchmark and score columns of a long table's header, and how they were found. */
function longColumns(columns: readonly string[], file: string, options: AdapterOptions): { cols: LongColumns; reason: string } {
  const named = options.columns;
  const forced = options.from === "long";
  if (named && (!forced || named.model || named.benchmark || named.score)) {
    const roles = findRoles(columns, file, named);
    const missing = (["model", "benchmark", "score"] as const).filter((r) => roles[r] < 0);
    if (missing.length > 0) {
      if (!forced) wrongColumns();
      throw new InputError(`${file}: no ${missing.join(", ")} column (name it with --columns ${missing[0]}=COLUMN)`, {
        file,
        option: "columns",
      });
    }
    return { cols: { model: roles.model, benchmark: roles.benchmark, score: roles.score }, reason: "columns named by --columns" };
  }
  // Detected long tables keep the header's own reading (Epoch's single score_* column); --from long forces it.
  const choice = forced ? chooseLayout(columns, file, "long", "--from") : chooseLayout(columns, file, options.layout);
  if (choice.layout !== "long")
    throw new InputError(`${file}: not a long table (no model, benchmark and score columns); read it with --from leaderboard`, { file });
  const [m, b, s] = [choice.keyColumn, choice.benchmarkColumn as number, choice.scoreColumn as number];
  const reason = options.layout === "long" ? choice.reason : `columns "${columns[m]}", "${columns[b]}", "${columns[s]}"`;
  return { cols: { model: m, benchmark: b, score: s }, reason };
}

export const longAdapter: Adapter = {
  name: "long",
  description: "one row per score: model, benchmark, score columns (CSV/TSV/JSON/JSONL/YAML)",
  options: ["columns", "unnamed", "layout"],
  detect(file, head, options) {
    if (options.columns) return namesKeyColumnOnly(options.columns) ? undefined : "columns named by --columns";
    if (options.layout) return options.layout === "long" ? "--layout long" : undefined;
    const header = headerColumns(file, head);
    if (!header) return undefined;
    try {
      const choice = chooseLayout(header, file);
      return choice.layout === "long" ? `a column each for model, benchmark and score: ${choice.reason}` : undefined;
    } catch {
      return undefined; // the leaderboard adapter reads it and says why the layout is unclear
    }
  },
  read(sources: readonly SourceText[], options: AdapterOptions): RawTable {
    const { file, text } = single(sources, "long");
    const rec = parseRecords(text, file, options.layout);
    const { cols, reason } = longColumns(rec.columns, file, options);
    return longRaw(rec, cols, reason, options.unnamed);
  },
  /**
   * A CSV/TSV long table, streamed row by row into the builder: memory grows with the scores, not
   * with the text or its records. JSON, JSON Lines and YAML are read whole.
   */
  stream(file, head, options, pump) {
    const ext = extension(file);
    if (ext === "json" || isYaml(file) || isJsonLines(file)) return undefined;
    const delimiter = ext === "tsv" ? "\t" : detectDelimiter(head);
    const header = csvHeader(head, file, delimiter)?.map((c) => c.trim());
    if (!header || header.length < 2) return undefined; // read whole, which says what is wrong
    const { cols, reason } = longColumns(header, file, options);
    const builder = new LongTableBuilder(file, header, cols, reason, options.unnamed);
    let records = 0;
    const splitter = new CsvSplitter(file, delimiter, (fields, line) => {
      if (records++ === 0) return; // the header
      if (fields.length !== header.length) throw recordLengthError(file, line, fields, header.length);
      builder.add(fields, line);
    });
    pump((t) => splitter.push(t));
    splitter.end();
    const raw = builder.finish();
    if (records <= 1) throw new InputError(`${file}: only a header line, no data rows`, { file });
    return raw;
  },
};
