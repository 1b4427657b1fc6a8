/** A table restricted to some models and benchmarks, with every per-cell array kept in step. */
import { pick } from "../grid/grid.js";
import { type CellExtras, type ScoreTable, tableGrid } from "./types.js";

export function subsetTable(t: ScoreTable, models: readonly number[], benches: readonly number[]): ScoreTable {
  const cells = (values: Float64Array) => pick(tableGrid(t, values), models, benches).values;
  let extras: CellExtras | undefined;
  if (t.extras) {
    extras = {};
    for (const [k, v] of Object.entries(t.extras) as [keyof CellExtras, Float64Array | undefined][]) {
      if (v) extras[k] = cells(v);
    }
  }
  const names = new Set(benches.map((b) => t.benchmarks[b].name));
  const aggregates = t.aggregates?.filter((a) => names.has(a.name));
  return {
    ...t,
    models: models.map((m) => t.models[m]),
    modelWhere: models.map((m) => t.modelWhere[m]),
    benchmarks: benches.map((b) => t.benchmarks[b]),
    benchmarkWhere: benches.map((b) => t.benchmarkWhere[b]),
    scores: cells(t.scores),
    ...(extras ? { extras } : {}),
    ...(aggregates ? { aggregates } : {}),
  };
}

export function allIndices(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
