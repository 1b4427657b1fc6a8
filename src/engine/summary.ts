/** Turns a merged tally into per-model figures. Pure. */
import { competitionRanks } from "../stats/stats.js";
import type { Tally } from "./types.js";

export interface ModelOutcome {
  model: string;
  /** E[S_m]: mean final score over the simulated contests. */
  expectedScore: number;
  /** Monte Carlo standard error of expectedScore. */
  standardError: number;
  /** Rank by expectedScore, descending (equal values share the best rank). */
  rank: number;
  /** Probability of finishing first (ties at the top shared by a fair draw). */
  pFirst: number;
  /** Median final position (1 = first) and its 5th-95th percentile range. */
  medianRank: number;
  rankP05: number;
  rankP95: number;
  /** Mean number of rounds the model was in the contest (matches and byes). */
  meanRounds: number;
  /** Mean number of byes received. */
  meanByes: number;
  /** Probability of being eliminated before the contest ends. */
  pEliminated: number;
}

/**
 * The q-quantile of model m's final position (1-based) from its histogram: the smallest position
 * whose cumulative share reaches q. With binned histograms, the bin's middle position.
 */
function positionQuantile(t: Tally, m: number, q: number): number {
  const target = q * t.contests;
  let cum = 0;
  const row = m * t.rankBins;
  for (let b = 0; b < t.rankBins; b++) {
    cum += t.rankHistogram[row + b];
    if (cum >= target && cum > 0) {
      const first = b * t.rankBinWidth + 1;
      const last = Math.min(t.models, (b + 1) * t.rankBinWidth);
      return Math.round((first + last) / 2);
    }
  }
  return t.models;
}

export function summariseTally(t: Tally, modelNames: readonly string[]): ModelOutcome[] {
  const N = t.contests;
  const means = Array.from(t.scoreSum, (s) => s / N);
  const ranks = competitionRanks(means);
  return modelNames.map((model, m) => {
    const mean = means[m];
    const variance = N > 1 ? Math.max(0, (t.scoreSqSum[m] - N * mean * mean) / (N - 1)) : Number.NaN;
    return {
      model,
      expectedScore: mean,
      standardError: Math.sqrt(variance / N),
      rank: ranks[m],
      pFirst: t.firstCount[m] / N,
      medianRank: positionQuantile(t, m, 0.5),
      rankP05: positionQuantile(t, m, 0.05),
      rankP95: positionQuantile(t, m, 0.95),
      meanRounds: t.roundsSum[m] / N,
      meanByes: t.byeSum[m] / N,
      pEliminated: t.eliminatedCount[m] / N,
    };
  });
}

/** The full final-position distribution (models x positions), shares of contests. */
export function rankDistribution(t: Tally): number[][] {
  const rows: number[][] = [];
  for (let m = 0; m < t.models; m++) {
    rows.push(Array.from(t.rankHistogram.subarray(m * t.rankBins, (m + 1) * t.rankBins), (c) => c / t.contests));
  }
  return rows;
}
