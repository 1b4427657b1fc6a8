/**
 * Long tables: one row per (model, benchmark, score). A second score for the same pair is a
 * duplicate, resolved by --duplicates (default: an error naming both rows).
 */
import { findRoles } from "../columns.js";
import { InputError, listProblems } from "../errors.js";
import { chooseLayout } from "../layout.js";
import { allPercent, parseBenchmarkCell, parseScoreCell } from "../numbers.js";
import { emptyValues, type RawRow, type RawTable } from "../raw.js";
import type { Cell, Records } from "../records.js";
import { parseRecords } from "../text-records.js";
import { checkUniqueColumns, type UnnamedPolicy, unnamedNote } from "./leaderboard.js";
import { type Adapter, type AdapterOptions, type SourceText, single } from "./types.js";

function cellName(cell: Cell): string {
  return cell === null ? "" : String(cell).trim();
}

/** Optional per-score columns of a long table, kept beside the score (standard errors feed --bootstrap and noise). */
const EXTRA_COLUMNS: { extra: "stderr" | "count"; names: string[] }[] = [
  { extra: "stderr", names: ["stderr", "std_err", "se", "standard_error", "score_stderr"] },
  { extra: "count", names: ["n", "count", "n_items", "items", "n_samples", "num_samples"] },
];

export function longRaw(
  rec: Records,
  cols: { model: number; benchmark: number; score: number },
  reason: string,
  unnamedRows: UnnamedPolicy = "error",
): RawTable {
  const { file, columns, rows } = rec;
  checkUniqueColumns(columns, "column", file);
  const { model: mc, benchmark: bc, score: sc } = cols;
  const extraCols = EXTRA_COLUMNS.map((e) => ({ ...e, col: columns.findIndex((c) => e.names.includes(c.trim().toLowerCase())) })).filter(
    (e) => e.col >= 0 && e.col !== sc,
  );
  const used = new Set([mc, bc, sc, ...extraCols.map((e) => e.col)]);
  const ignored = columns.filter((_, i) => !used.has(i));
  const benches = new Map<string, number>();
  const problems: string[] = [];
  // Benchmarks written all in percentages are read without the % sign (as in wide tables).
  const scoresOf = new Map<string, Cell[]>();
  for (const r of rows) {
    const b = cellName(r.cells[bc]);
    const list = scoresOf.get(b);
    if (list) list.push(r.cells[sc]);
    else scoresOf.set(b, [r.cells[sc]]);
  }
  const inPercent = new Set([...scoresOf].filter(([, cells]) => allPercent(cells)).map(([b]) => b));
  const cells: { m: string; b: number; v: number; where: string; extra: number[] }[] = [];
  const unnamed: string[] = [];
  for (const r of rows) {
    const m = cellName(r.cells[mc]);
    const b = cellName(r.cells[bc]);
    if (m === "" || b === "") {
      if (unnamedRows === "drop") unnamed.push(r.where);
      else
        problems.push(
          `${r.where}: empty ${m === "" ? `"${columns[mc]}"` : `"${columns[bc]}"`} (or leave such rows out with --unnamed drop)`,
        );
      continue;
    }
    if (!benches.has(b)) benches.set(b, benches.size);
    const p = parseBenchmarkCell(r.cells[sc], inPercent.has(b));
    if (p.kind === "invalid") {
      problems.push(`${r.where}, column "${columns[sc]}": ${p.reason}`);
      continue;
    }
    const extra = extraCols.map((e) => {
      const q = parseScoreCell(r.cells[e.col]);
      if (q.kind === "invalid") problems.push(`${r.where}, column "${columns[e.col]}": ${q.reason}`);
      return q.kind === "number" ? q.value : Number.NaN;
    });
    cells.push({ m, b: benches.get(b) as number, v: p.kind === "number" ? p.value : Number.NaN, where: r.where, extra });
  }
  if (problems.length > 0) throw new InputError(listProblems(`${file}: invalid rows:`, problems));
  // The k-th score of (model, benchmark) goes to the model's k-th row: duplicates.ts resolves them.
  const B = benches.size;
  const byModel = new Map<string, RawRow[]>();
  const order: RawRow[] = [];
  for (const c of cells) {
    let list = byModel.get(c.m);
    if (!list) {
      list = [];
      byModel.set(c.m, list);
    }
    let row = list.find((r) => r.cellWhere?.[c.b] === "");
    if (!row) {
      row = { model: c.m, where: c.where, values: emptyValues(B), cellWhere: new Array(B).fill("") };
      if (extraCols.length > 0) row.extras = Object.fromEntries(extraCols.map((e) => [e.extra, emptyValues(B)]));
      list.push(row);
      order.push(row);
    }
    row.values[c.b] = c.v;
    extraCols.forEach((e, i) => {
      const arr = row.extras?.[e.extra];
      if (arr) arr[c.b] = c.extra[i];
    });
    (row.cellWhere as string[])[c.b] = c.where;
  }
  return {
    source: file,
    adapter: "long",
    layout: "long",
    benchmarks: [...benches.keys()],
    benchmarkWhere: [...benches.keys()].map(() => ""),
    rows: order,
    duplicateUnit: "cell",
    ignored,
    lowerIsBetter: [],
    notes: [
      `layout long (${reason})`,
      ...(extraCols.length > 0
        ? [`kept beside the scores: ${extraCols.map((e) => `${e.extra} from column "${columns[e.col]}"`).join(", ")}`]
        : []),
      ...(inPercent.size > 0 ? [`percentages read as numbers from 0 to 100 (the % sign dropped): ${[...inPercent].join(", ")}`] : []),
      ...(unnamed.length > 0 ? [unnamedNote(unnamed, `column "${columns[mc]}" or "${columns[bc]}"`)] : []),
    ],
  };
}

export const longAdapter: Adapter = {
  name: "long",
  description: "one row per score: model, benchmark, score columns (CSV/TSV/JSON/JSONL/YAML)",
  sniff: () => undefined, // decided together with the leaderboard layout (layout.ts)
  read(sources: readonly SourceText[], options: AdapterOptions): RawTable {
    const { file, text } = single(sources, "long");
    const rec = parseRecords(text, file, options.layout);
    if (options.columns && (options.columns.model || options.columns.benchmark || options.columns.score)) {
      const roles = findRoles(rec.columns, file, options.columns);
      const missing = (["model", "benchmark", "score"] as const).filter((r) => roles[r] < 0);
      if (missing.length > 0)
        throw new InputError(`${file}: no ${missing.join(", ")} column (name it with --columns ${missing[0]}=COLUMN)`);
      return longRaw(rec, roles, "columns named by --columns", options.unnamed);
    }
    const choice = chooseLayout(rec.columns, file, "long");
    const [m, b, s] = [choice.keyColumn, choice.benchmarkColumn as number, choice.scoreColumn as number];
    const reason = options.layout === "long" ? choice.reason : `columns "${rec.columns[m]}", "${rec.columns[b]}", "${rec.columns[s]}"`;
    return longRaw(rec, { model: m, benchmark: b, score: s }, reason, options.unnamed);
  },
};
