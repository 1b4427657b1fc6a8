/** A table restricted to some models and benchmarks, with every per-cell array kept in step. */
import type { CellExtras, ScoreTable } from "./types.js";

function pick(src: Float64Array, B: number, models: readonly number[], benches: readonly number[]): Float64Array {
  const out = new Float64Array(models.length * benches.length);
  models.forEach((m, i) => benches.forEach((b, j) => (out[i * benches.length + j] = src[m * B + b])));
  return out;
}

export function subsetTable(t: ScoreTable, models: readonly number[], benches: readonly number[]): ScoreTable {
  const B = t.benchmarks.length;
  let extras: CellExtras | undefined;
  if (t.extras) {
    extras = {};
    for (const [k, v] of Object.entries(t.extras) as [keyof CellExtras, Float64Array | undefined][]) {
      if (v) extras[k] = pick(v, B, models, benches);
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
    scores: pick(t.scores, B, models, benches),
    ...(extras ? { extras } : {}),
    ...(aggregates ? { aggregates } : {}),
  };
}

export function allIndices(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
