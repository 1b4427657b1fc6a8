/**
 * Adaptive precision: play contests in deterministic batches of chunks until every model's
 * E[S_m] has a Monte Carlo standard error below the target, in every setting. Chunks are those of
 * a run of MAX_ADAPTIVE_RUNS contests (256 contests each), and the batches end at fixed chunk
 * counts (64, 128, 256, ...), so the same seed and target always stop at the same N; and a plain
 * run with --runs set to that N (>= 16,384) gives the very same numbers.
 */
import { type ChunkPlan, planChunks } from "../engine/montecarlo.js";
import { emptyTally, mergeTallyInto } from "../engine/tally.js";
import type { Tally } from "../engine/types.js";
import { simulate } from "../parallel/simulate.js";
import type { PreparedRank } from "./rank.js";
import { contestRules } from "./rank.js";

export const MAX_ADAPTIVE_RUNS = 100_000_000;
const FIRST_BATCH_CHUNKS = 64;

function maxStandardError(t: Tally): number {
  const N = t.contests;
  let worst = 0;
  for (let m = 0; m < t.models; m++) {
    const mean = t.scoreSum[m] / N;
    const v = Math.max(0, (t.scoreSqSum[m] - N * mean * mean) / (N - 1));
    worst = Math.max(worst, Math.sqrt(v / N));
  }
  return worst;
}

export interface AdaptiveOutcome {
  tallies: Tally[];
  runs: number;
  reached: boolean;
  worstStandardError: number;
}

/** Plays batches until the target is met (or MAX_ADAPTIVE_RUNS is reached). */
export async function computeTalliesAdaptive(
  prepared: PreparedRank,
  precision: number,
  options: { threads?: number; onProgress?: (done: number, batchEnd: number) => void } = {},
): Promise<AdaptiveOutcome> {
  const plan: ChunkPlan = planChunks(MAX_ADAPTIVE_RUNS, prepared.config.seed);
  const rules = contestRules(prepared.config);
  const shape = { models: prepared.roundScores.models, rankBinWidth: prepared.config.rankBinWidth };
  const totals = rules.map(() => emptyTally(shape));
  let done = 0;
  let end = FIRST_BATCH_CHUNKS;
  for (;;) {
    const batch = await simulate(prepared.roundScores, rules, plan, shape, {
      threads: options.threads,
      chunkRange: [done, end],
      onProgress: options.onProgress ? (n) => options.onProgress?.(n, (end - done) * plan.chunkSize * rules.length) : undefined,
    });
    batch.forEach((t, i) => mergeTallyInto(totals[i], t));
    done = end;
    const worst = Math.max(...totals.map(maxStandardError));
    if (worst < precision || end >= plan.chunks) {
      return { tallies: totals, runs: totals[0].contests, reached: worst < precision, worstStandardError: worst };
    }
    end = Math.min(plan.chunks, end * 2);
  }
}
