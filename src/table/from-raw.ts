/** RawTable -> ScoreTable: duplicates resolved by the policy, cells and extras laid out model-major. */

import { makeGrid, rowView } from "../grid/grid.js";
import { type DuplicatePolicy, type DuplicateReport, resolveDuplicates } from "./duplicates.js";
import { EXTRA_NAMES, type RawTable } from "./raw.js";
import type { CellExtras, ScoreTable } from "./types.js";

export interface FromRaw {
  table: ScoreTable;
  duplicates?: DuplicateReport;
}

export function tableFromRaw(raw: RawTable, policy: DuplicatePolicy = "error", lowerIsBetter: readonly string[] = []): FromRaw {
  const { rows, report, notes } = resolveDuplicates(raw, policy, [...raw.lowerIsBetter, ...lowerIsBetter]);
  const M = rows.length;
  const B = raw.benchmarks.length;
  const scores = makeGrid(M, B, 0);
  rows.forEach((r, m) => rowView(scores, m).set(r.values));
  let extras: CellExtras | undefined;
  for (const name of EXTRA_NAMES) {
    if (!rows.some((r) => r.extras?.[name])) continue;
    const cells = makeGrid(M, B);
    rows.forEach((r, m) => {
      const e = r.extras?.[name];
      if (e) rowView(cells, m).set(e);
    });
    extras = { ...(extras ?? {}), [name]: cells.values };
  }
  const lower = new Set(raw.lowerIsBetter);
  const table: ScoreTable = {
    source: raw.source,
    layout: raw.layout,
    models: rows.map((r) => r.model),
    benchmarks: raw.benchmarks.map((name) => ({ name, lowerIsBetter: lower.has(name) })),
    scores: scores.values,
    modelWhere: raw.duplicateUnit === "row" ? rows.map((r) => r.where) : rows.map(() => ""),
    benchmarkWhere: raw.benchmarkWhere,
    ignored: raw.ignored,
    notes: [...raw.notes, ...notes],
    adapter: raw.adapter,
    ...(extras ? { extras } : {}),
    ...(raw.items ? { items: raw.items } : {}),
  };
  return { table, duplicates: report };
}
