import type { Tally, TallyShape } from "./types.js";

/** Number of final-rank histogram bins for a field of `models` at bin width `width`. */
export function rankBinCount(models: number, width: number): number {
  return Math.ceil(models / width);
}

/** Histogram cells per setting and thread at most (8 MB of counts) unless the full distribution is asked for. */
export const MAX_HISTOGRAM_CELLS = 1 << 21;

/**
 * Bin width for the final-rank histogram: exact (1) up to `exactUpTo` models, and about
 * `binsAbove` bins beyond, so that memory stays O(M) for thousands of models (5 MB per setting at
 * M = 5000) and the histogram stays in cache; exact whenever the full distribution is asked for.
 * Measured on 5000 x 50: 250 bins instead of 1000 is 8% faster on one thread and scales 1.75x on
 * two instead of 1.60x (the threads' histograms no longer evict each other). Above 8,388 models
 * the bins widen so that a histogram stays within MAX_HISTOGRAM_CELLS: at 20,000 models, 104 bins
 * of 193 places (8 MB, not 20 MB, per setting and thread: with three settings on two threads,
 * 70 MB of the 500 MB `rank` may use there).
 */
export function chooseRankBinWidth(models: number, fullDistribution: boolean, exactUpTo = 1000, binsAbove = 250): number {
  if (fullDistribution || models <= exactUpTo) return 1;
  const bins = Math.max(1, Math.min(binsAbove, Math.floor(MAX_HISTOGRAM_CELLS / models)));
  return Math.ceil(models / bins);
}

export function emptyTally(shape: TallyShape): Tally {
  const { models, rankBinWidth } = shape;
  const bins = rankBinCount(models, rankBinWidth);
  return {
    contests: 0,
    models,
    rankBinWidth,
    rankBins: bins,
    scoreSum: new Float64Array(models),
    scoreSqSum: new Float64Array(models),
    firstCount: new Float64Array(models),
    eliminatedCount: new Float64Array(models),
    roundsSum: new Float64Array(models),
    byeSum: new Float64Array(models),
    rankHistogram: new Uint32Array(models * bins),
  };
}

// One loop per array type: one loop fed both types is polymorphic, and measured 2x slower on the
// merge at the end of a large run (3.75 million histogram cells at 5000 models and 3 settings).
function addFloat64(a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < a.length; i++) a[i] += b[i];
}

function addUint32(a: Uint32Array, b: Uint32Array): void {
  for (let i = 0; i < a.length; i++) a[i] += b[i];
}

/** Adds `b` into `a` (exact: all fields are integer counts). */
export function mergeTallyInto(a: Tally, b: Tally): void {
  if (a.models !== b.models || a.rankBinWidth !== b.rankBinWidth) {
    throw new Error("cannot merge tallies of different shapes");
  }
  a.contests += b.contests;
  addFloat64(a.scoreSum, b.scoreSum);
  addFloat64(a.scoreSqSum, b.scoreSqSum);
  addFloat64(a.firstCount, b.firstCount);
  addFloat64(a.eliminatedCount, b.eliminatedCount);
  addFloat64(a.roundsSum, b.roundsSum);
  addFloat64(a.byeSum, b.byeSum);
  addUint32(a.rankHistogram, b.rankHistogram);
}
