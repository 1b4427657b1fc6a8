/**
 * What reading understood, for `swissround inspect`: the adapter and layout, models, benchmarks
 * with their ranges and scales, aggregates, duplicates, gaps and suspicious values. Pure: takes
 * the adapter's RawTable; the CLI renders the report.
 */

import { at, isMissing } from "../grid/grid.js";
import type { ColumnClass } from "./column-rules.js";
import { type DuplicateGroup, resolveDuplicates } from "./duplicates.js";
import { finishTable, type ReadOptions } from "./load.js";
import type { RawTable } from "./raw.js";
import { columnScales, constantBenchmarks, type ScaleClass, scaleWarnings } from "./scales.js";
import { listGaps } from "./select.js";
import { type ScoreTable, tableGrid } from "./types.js";

export interface BenchmarkReport {
  name: string;
  lowerIsBetter: boolean;
  /** Why it is taken for the leaderboard's aggregate, if it is. */
  aggregate?: string;
  scale: ScaleClass;
  kind?: string;
  min: number;
  max: number;
  mean: number;
  scores: number;
  gaps: number;
  distinct: number;
}

export interface InspectReport {
  file: string;
  adapter: string;
  /** Why that adapter was chosen (from the file's head, --from, --layout or --columns). */
  adapterReason: string;
  layout: string;
  models: string[];
  benchmarks: BenchmarkReport[];
  ignoredColumns: string[];
  /** Each column's verdict, the rule that gave it and why (wide tables; aggregates from aggregates.ts). */
  columns: ColumnClass[];
  duplicates: { policy: string; groups: DuplicateGroup[] };
  gaps: { count: number; cells: number; byModel: { model: string; gaps: number }[]; list: string[] };
  /** Per-cell figures the file gave besides the scores. */
  extras: string[];
  items?: { rows: number; benchmarks: number; distinctItems: number };
  warnings: string[];
  notes: string[];
}

export function inspectRaw(raw: RawTable, options: ReadOptions = {}): InspectReport {
  return inspectTable(raw, options).report;
}

/** The report and the table it describes (for callers that analyse the table further). */
export function inspectTable(raw: RawTable, options: ReadOptions = {}): { report: InspectReport; table: ScoreTable } {
  const policy = options.duplicates ?? "error";
  // Duplicates are listed, not fatal, here: "error" shows them and keeps the first of each.
  let groups: DuplicateGroup[] = [];
  const warnings: string[] = [];
  if (policy === "error") {
    const probe = resolveDuplicates(raw, raw.duplicateUnit === "cell" ? "first" : "suffix");
    groups = (probe.report?.groups ?? []).map((g) => ({ ...g, action: "error (rank stops; choose --duplicates first|best|mean|suffix)" }));
    if (groups.length > 0) warnings.push(`${groups.length} duplicated model names: the rest of this report keeps the first of each`);
  }
  const table = finishTable(raw, { ...options, duplicates: policy === "error" && groups.length > 0 ? "first" : policy });
  if (policy !== "error") groups = table.duplicates?.groups ?? [];
  const B = table.benchmarks.length;
  const g = tableGrid(table);
  const aggregates = new Map((table.aggregates ?? []).map((a) => [a.name, a.reason]));
  const scales = columnScales(table);
  const benchmarks: BenchmarkReport[] = table.benchmarks.map((b, j) => {
    let sum = 0;
    let gaps = 0;
    for (let m = 0; m < table.models.length; m++) {
      const v = at(g, m, j);
      if (isMissing(v)) gaps++;
      else sum += v;
    }
    const s = scales[j];
    return {
      name: b.name,
      lowerIsBetter: b.lowerIsBetter,
      ...(aggregates.has(b.name) ? { aggregate: aggregates.get(b.name) } : {}),
      scale: s.scale,
      ...(s.kind ? { kind: s.kind } : {}),
      min: s.min,
      max: s.max,
      mean: s.n > 0 ? sum / s.n : Number.NaN,
      scores: s.n,
      gaps,
      distinct: s.distinct,
    };
  });
  const gapList = listGaps(table);
  const byModel = table.models
    .map((model, m) => ({ model, gaps: table.benchmarks.filter((_, j) => isMissing(at(g, m, j))).length }))
    .filter((x) => x.gaps > 0)
    .sort((a, b) => b.gaps - a.gaps);
  const scored = table.benchmarks.map((b) => b.name).filter((n) => !aggregates.has(n));
  warnings.push(...scaleWarnings(table, scored));
  const constant = constantBenchmarks(table);
  if (constant.length > 0) warnings.push(`constant benchmarks (every model has the same score): ${constant.join(", ")}`);
  const empty = byModel.filter((x) => x.gaps === B).map((x) => x.model);
  if (empty.length > 0) warnings.push(`models without any score: ${empty.join(", ")}`);
  const odd = benchmarks.filter((b) => b.scale === "negative" || b.scale === "above 100").map((b) => `${b.name} (${b.min} to ${b.max})`);
  if (odd.length > 0) warnings.push(`scores outside [0, 100]: ${odd.join(", ")}`);
  const extras = Object.entries(table.extras ?? {})
    .filter(([, v]) => v && (v as Float64Array).some((x) => !isMissing(x)))
    .map(([k]) => k);
  const report: InspectReport = {
    file: table.source,
    adapter: table.adapter ?? raw.adapter,
    adapterReason: raw.adapterReason ?? "",
    layout: table.layout,
    models: table.models,
    benchmarks,
    ignoredColumns: table.ignored,
    columns: (raw.columnRules ?? []).map((c) =>
      c.verdict === "score" && aggregates.has(c.name)
        ? { name: c.name, verdict: "aggregate", rule: "aggregate", reason: aggregates.get(c.name) as string }
        : c,
    ),
    duplicates: { policy, groups },
    gaps: { count: gapList.length, cells: g.rows * g.cols, byModel, list: gapList },
    extras,
    ...(table.items
      ? {
          items: {
            rows: table.items.length,
            benchmarks: table.items.benchmarks.length,
            distinctItems: table.items.itemIds.reduce((a, x) => a + x.length, 0),
          },
        }
      : {}),
    warnings,
    notes: table.notes,
  };
  return { report, table };
}
