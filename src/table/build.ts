/** Records + layout -> ScoreTable, collecting every problem before failing. */
import { InputError, listProblems } from "./errors.js";
import type { LayoutChoice } from "./layout.js";
import { isTextCell, parseScoreCell } from "./numbers.js";
import type { Cell, Records } from "./records.js";
import type { ScoreTable } from "./types.js";

/** A grid of named rows x named columns with located cells, before orientation. */
interface Grid {
  rowNames: string[];
  rowWhere: string[];
  colNames: string[];
  colWhere: string[];
  values: Float64Array; // rows x cols, NaN = missing
}

function cellName(cell: Cell): string {
  return cell === null ? "" : String(cell).trim();
}

function checkUnique(names: readonly string[], what: string, where: (i: number) => string, file: string): void {
  const first = new Map<string, number[]>();
  names.forEach((n, i) => first.set(n, [...(first.get(n) ?? []), i]));
  const dups = [...first.entries()].filter(([, at]) => at.length > 1);
  if (dups.length > 0) {
    throw new InputError(
      listProblems(
        `${file}: duplicate ${what} names (each must appear once):`,
        dups.map(([n, at]) => `"${n}" at ${at.map(where).join(", ")}`),
      ),
    );
  }
}

/** Wide layouts: one key column names the rows, the other columns are scores or metadata. */
function wideGrid(rec: Records, keyColumn: number, ignored: string[], rowKind: string, colKind: string): Grid {
  const { file, columns, rows } = rec;
  checkUnique(columns, `${colKind} (column)`, (i) => `column ${i + 1}`, file);
  const rowNames = rows.map((r) => cellName(r.cells[keyColumn]));
  const empty = rows.filter((_, i) => rowNames[i] === "").map((r) => r.where);
  if (empty.length > 0) {
    throw new InputError(listProblems(`${file}: rows without a name in column "${columns[keyColumn]}":`, empty));
  }
  checkUnique(rowNames, rowKind, (i) => rows[i].where, file);

  const scoreCols: number[] = [];
  columns.forEach((name, c) => {
    if (c === keyColumn) return;
    const cells = rows.map((r) => r.cells[c]);
    const anyNumber = cells.some((x) => parseScoreCell(x).kind === "number");
    const anyText = cells.some(isTextCell);
    if (anyText && !anyNumber) ignored.push(name); // a metadata column (organisation, licence, ...)
    else scoreCols.push(c);
  });
  const problems: string[] = [];
  const values = new Float64Array(rows.length * scoreCols.length);
  rows.forEach((r, i) => {
    scoreCols.forEach((c, j) => {
      const p = parseScoreCell(r.cells[c]);
      if (p.kind === "invalid") problems.push(`${r.where}, column "${columns[c]}": ${p.reason}`);
      values[i * scoreCols.length + j] = p.kind === "number" ? p.value : Number.NaN;
    });
  });
  if (problems.length > 0) throw new InputError(listProblems(`${file}: invalid scores:`, problems));
  return {
    rowNames,
    rowWhere: rows.map((r) => r.where),
    colNames: scoreCols.map((c) => columns[c]),
    colWhere: scoreCols.map((c) => `column "${columns[c]}"`),
    values,
  };
}

/** Long layout: one row per (model, benchmark, score). */
function longGrid(rec: Records, choice: LayoutChoice, ignored: string[]): Grid {
  const { file, columns, rows } = rec;
  const mc = choice.keyColumn;
  const bc = choice.benchmarkColumn as number;
  const sc = choice.scoreColumn as number;
  columns.forEach((c, i) => {
    if (i !== mc && i !== bc && i !== sc) ignored.push(c);
  });
  const models = new Map<string, number>();
  const benches = new Map<string, number>();
  const problems: string[] = [];
  const cells = new Map<string, { value: number; where: string }>();
  for (const r of rows) {
    const m = cellName(r.cells[mc]);
    const b = cellName(r.cells[bc]);
    if (m === "" || b === "") {
      problems.push(`${r.where}: empty ${m === "" ? `"${columns[mc]}"` : `"${columns[bc]}"`}`);
      continue;
    }
    if (!models.has(m)) models.set(m, models.size);
    if (!benches.has(b)) benches.set(b, benches.size);
    const p = parseScoreCell(r.cells[sc]);
    if (p.kind === "invalid") {
      problems.push(`${r.where}, column "${columns[sc]}": ${p.reason}`);
      continue;
    }
    const key = `${models.get(m)}\u0000${benches.get(b)}`;
    const prev = cells.get(key);
    if (prev) {
      problems.push(`${r.where}: a second score for model "${m}" on "${b}" (first at ${prev.where})`);
      continue;
    }
    cells.set(key, { value: p.kind === "number" ? p.value : Number.NaN, where: r.where });
  }
  if (problems.length > 0) throw new InputError(listProblems(`${file}: invalid rows:`, problems));
  const nb = benches.size;
  const values = new Float64Array(models.size * nb).fill(Number.NaN);
  for (const [key, { value }] of cells) {
    const [m, b] = key.split("\u0000").map(Number);
    values[m * nb + b] = value;
  }
  return {
    rowNames: [...models.keys()],
    rowWhere: [...models.keys()].map(() => ""),
    colNames: [...benches.keys()],
    colWhere: [...benches.keys()].map(() => ""),
    values,
  };
}

function transpose(g: Grid): Grid {
  const R = g.rowNames.length;
  const C = g.colNames.length;
  const values = new Float64Array(R * C);
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) values[c * R + r] = g.values[r * C + c];
  return { rowNames: g.colNames, rowWhere: g.colWhere, colNames: g.rowNames, colWhere: g.rowWhere, values };
}

/** Builds the table; cells may still be missing (NaN): see requireComplete. */
export function buildScoreTable(rec: Records, choice: LayoutChoice): ScoreTable {
  const ignored: string[] = [];
  let grid: Grid;
  if (choice.layout === "long") grid = longGrid(rec, choice, ignored);
  else {
    const byModel = choice.layout === "models-rows";
    grid = wideGrid(rec, choice.keyColumn, ignored, byModel ? "model" : "benchmark", byModel ? "benchmark" : "model");
    if (choice.layout === "benchmarks-rows") grid = transpose(grid);
  }
  const notes = [`layout ${choice.layout} (${choice.reason})`];
  if (ignored.length > 0) notes.push(`columns not read as scores: ${ignored.join(", ")}`);
  return {
    source: rec.file,
    layout: choice.layout,
    models: grid.rowNames,
    benchmarks: grid.colNames.map((name) => ({ name, lowerIsBetter: false })),
    scores: grid.values,
    modelWhere: grid.rowWhere,
    benchmarkWhere: grid.colWhere,
    ignored,
    notes,
  };
}
