/**
 * The flat twins' contests as one batch of independent items, so that threads pull them from one
 * counter (parallel/share.ts) and the twin phase is handed out once, not once per twin run. Item
 * (run r, setting s, slice c) plays slice c of the chunk plan in run r's field at setting s.
 *
 * Measured on the paper's run (29 x 12, N = 100,000; 16 twin runs): played run by run, each run's
 * hand-off (merging, sending the next field, both threads restarting) left the threads idle for
 * 1-11 ms, 30-45 ms in all; docs/performance.md has the figures.
 *
 * An item returns only its run's flattened models' integer sums, so any split of the items among
 * threads adds up to the same figures as one thread playing the runs one by one. No Node imports.
 */
import { comparisonRanks } from "../engine/layout.js";
import { type ChunkPlan, playUnits, sliceChunks } from "../engine/montecarlo.js";
import type { ContestRules, RoundScores } from "../engine/types.js";
import { withRows } from "./twin.js";

/** The twin runs of a field: each run is the field with `models`' round scores replaced by `rows`. */
export interface TwinBatch {
  field: RoundScores;
  /** [baseline, harshest]. */
  rules: ContestRules[];
  plan: ChunkPlan;
  runs: { models: number[]; rows: Float64Array[] }[];
  /** Slices of the chunk plan per run and setting. */
  slices: number;
}

/** One item's (or one run's, summed) integer sums for the run's models, in the run's model order. */
export interface TwinSums {
  contests: number;
  scoreSum: Float64Array;
  scoreSqSum: Float64Array;
}

/**
 * A batch has at least this many items when the plan has the chunks for it: two threads then share
 * even a single run evenly (in large fields every probe shares one run), and the last item is short.
 */
const MIN_ITEMS = 32;

/** Slices per run and setting for `runs` runs of `settings` settings. */
export function slicesFor(runs: number, settings: number, chunks: number): number {
  return Math.max(1, Math.min(chunks, Math.ceil(MIN_ITEMS / Math.max(1, runs * settings))));
}

export function batchItems(batch: TwinBatch): number {
  return batch.runs.length * batch.rules.length * batch.slices;
}

/**
 * Plays the items `next` hands out, until it gives one past the last: [item, sums] for each. Items
 * are numbered run by run, so a thread pulling in order mostly meets the field it built last.
 */
export function playTwinItems(batch: TwinBatch, next: () => number): [number, TwinSums][] {
  const count = batchItems(batch);
  const perRun = batch.rules.length * batch.slices;
  const out: [number, TwinSums][] = [];
  let built = -1;
  let field = batch.field;
  let ranks: Int16Array | null = null;
  for (let i = next(); i < count; i = next()) {
    const r = Math.floor(i / perRun);
    const setting = Math.floor((i % perRun) / batch.slices);
    const [from, to] = sliceChunks(batch.plan, i % batch.slices, batch.slices);
    const run = batch.runs[r];
    if (r !== built) {
      field = withRows(batch.field, run.models, run.rows);
      ranks = comparisonRanks(field) ?? null;
      built = r;
    }
    let unit = 0;
    const shape = { models: field.models, rankBinWidth: field.models };
    const [t] = playUnits(field, [batch.rules[setting]], batch.plan, from, to, shape, () => unit++, undefined, ranks);
    out.push([
      i,
      {
        contests: t.contests,
        scoreSum: Float64Array.from(run.models, (m) => t.scoreSum[m]),
        scoreSqSum: Float64Array.from(run.models, (m) => t.scoreSqSum[m]),
      },
    ]);
  }
  return out;
}

/** Every item of the batch in this thread, in item order. */
export function playTwinBatchHere(batch: TwinBatch): TwinSums[] {
  let i = 0;
  return playTwinItems(batch, () => i++).map(([, sums]) => sums);
}

/** Run r's sums at each setting, added up over its slices (`items`: every item's sums, in item order). */
export function runSums(batch: TwinBatch, items: readonly TwinSums[], r: number): TwinSums[] {
  const models = batch.runs[r].models.length;
  return batch.rules.map((_, setting) => {
    const total: TwinSums = { contests: 0, scoreSum: new Float64Array(models), scoreSqSum: new Float64Array(models) };
    for (let c = 0; c < batch.slices; c++) {
      const part = items[(r * batch.rules.length + setting) * batch.slices + c];
      total.contests += part.contests;
      for (let i = 0; i < models; i++) {
        total.scoreSum[i] += part.scoreSum[i];
        total.scoreSqSum[i] += part.scoreSqSum[i];
      }
    }
    return total;
  });
}
