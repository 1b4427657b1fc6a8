/**
 * Resampled score tables for the bootstrap. With per-item results: a paired bootstrap over items
 * within each benchmark (every model is re-scored on the same resampled items, which keeps the
 * models' shared item difficulty). Without them: a parametric draw of each cell from a normal
 * distribution with the cell's standard error (an approximation, reported as such).
 */

import type { Xoshiro128 } from "../engine/rng.js";
import { chunkRng } from "../engine/rng.js";
import type { ScoreTable } from "../table/types.js";

export const BOOTSTRAP_STREAM = 31;

export type Resampler = (replicate: number) => Float64Array;

/** Standard normal draw (Box-Muller on two 32-bit uniforms). */
function gaussian(rng: Xoshiro128): number {
  const u = (rng.nextUint32() + 1) / 4294967297;
  const v = rng.nextUint32() / 4294967296;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Item bootstrap: needs table.items. Cells without items keep their score. */
export function itemResampler(table: ScoreTable, seed: number): Resampler {
  const items = table.items;
  if (!items) throw new Error("itemResampler needs per-item results");
  const B = table.benchmarks.length;
  const modelIndex = items.models.map((name) => table.models.indexOf(name));
  const benchIndex = items.benchmarks.map((name) => table.benchmarks.findIndex((b) => b.name === name));
  return (r) => {
    const rng = chunkRng(seed, r, BOOTSTRAP_STREAM);
    // weights[b][i] = times item i of benchmark b was drawn
    const weights = items.itemIds.map((ids) => {
      const w = new Float64Array(ids.length);
      for (let i = 0; i < ids.length; i++) w[rng.below(ids.length)]++;
      return w;
    });
    const sum = new Float64Array(table.scores.length);
    const wsum = new Float64Array(table.scores.length);
    for (let e = 0; e < items.length; e++) {
      const m = modelIndex[items.model[e]];
      const b = benchIndex[items.benchmark[e]];
      if (m < 0 || b < 0) continue;
      const w = weights[items.benchmark[e]][items.item[e]];
      sum[m * B + b] += w * items.score[e];
      wsum[m * B + b] += w;
    }
    // A model whose items were all left out of this replicate keeps its full-data score.
    return Float64Array.from(table.scores, (s, c) => (wsum[c] > 0 ? sum[c] / wsum[c] : s));
  };
}

/** Parametric draws around each cell with its standard error (NaN SE = no noise). */
export function parametricResampler(table: ScoreTable, se: Float64Array, seed: number): Resampler {
  return (r) => {
    const rng = chunkRng(seed, r, BOOTSTRAP_STREAM);
    return Float64Array.from(table.scores, (s, c) => (Number.isFinite(se[c]) && se[c] > 0 ? s + se[c] * gaussian(rng) : s));
  };
}

/** How to resample, as plain data (a worker thread rebuilds the resampler from it). */
export type ResampleSpec = { kind: "items"; seed: number } | { kind: "parametric"; se: Float64Array; seed: number };

export function resamplerFor(table: ScoreTable, spec: ResampleSpec): Resampler {
  return spec.kind === "items" ? itemResampler(table, spec.seed) : parametricResampler(table, spec.se, spec.seed);
}
