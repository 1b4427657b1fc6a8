/** The common shape of every ranking method, so a CLI can loop over them. */

import type { Normalisation, ScoreMatrix } from "./matrix.js";

/** Options understood by the ranking methods; each method reads only the ones it needs. */
export interface RankingOptions {
  /** Per-column rescaling for scale-sensitive methods (mean, IQM, optimality gap, CVaR). */
  normalisation?: Normalisation;
  /** Seed for the seeded methods (Elo orders, bootstraps). Default 1. */
  seed?: number;
  /** Bootstrap resamples, or random battle orders for Elo. Method-specific default. */
  resamples?: number;
  /** Robust aggregates: stratum id of each column for the stratified bootstrap (default: one). */
  strata?: readonly number[];
  /** Bradley-Terry: ridge penalty lambda on beta (log10-odds units). Default 0.01. */
  ridge?: number;
  /** Elo: the K factor. Default 4. */
  eloK?: number;
}

/** What one ranking method returns. Arrays are indexed like matrix.models. */
export interface RankingResult {
  /** The method's score per model, higher = better (NaN if the model cannot be scored). */
  scores: number[];
  /** 1 = best. Competition ranks of scores unless the method says otherwise (Bradley-Terry). */
  ranks: number[];
  /** 95% interval of each score, for methods that compute one. */
  intervals?: [number, number][];
  /** Caveats to print with the table (regularisation, missing data, scale, legacy status). */
  notes: string[];
  /** Extra per-model columns worth printing, e.g. { "mean rank": [...], "columns scored": [...] }. */
  details?: Record<string, number[]>;
}

/** An entry of the registry. */
export interface RankingMethod {
  id: string;
  name: string;
  /** The definition in one line, printed in CLI output and README. */
  definition: string;
  /** What `scores` holds, e.g. "mean win rate" or "-(mean rank)". */
  scoreName: string;
  /**
   * The method's own figure is lower-is-better (mean rank, optimality gap): `scores` holds its
   * negation, so that higher is better for every method, and output shows the figure itself.
   */
  lowerIsBetter?: boolean;
  /** True when the result depends on `seed`. */
  seeded: boolean;
  run(matrix: ScoreMatrix, options?: RankingOptions): RankingResult;
  /** For methods with costly resamples (bootstrap replicates, random orders): the parts that threads can share. */
  resampling?: Resampling<unknown>;
}

/**
 * A method whose resamples can be shared among threads: run(matrix, options) is
 * finish(prepared, draws(prepared, 0, count)), and resample r depends on the seed and r alone, so
 * any split of 0..count-1 into chunks, on any threads, gives the same draws and the same result.
 */
export interface Resampling<P> {
  /**
   * The work done once: the full-data estimate, the tables the resamples read (in shared memory
   * where the platform has it, so that threads read one copy), the seed and the number of resamples.
   * Structured-cloneable: it is sent to worker threads.
   */
  prepare(matrix: ScoreMatrix, options: RankingOptions): P;
  /** Number of resamples. */
  count(prepared: P): number;
  /**
   * Resamples from .. to - 1 as (to - from) rows of the method's own width (typically one value per
   * model, NaN where a model has none in that resample). `scratch` keeps one thread's buffers from
   * one chunk to the next.
   */
  draws(prepared: P, from: number, to: number, scratch: Map<string, unknown>): Float64Array;
  /** The result from the prepared part and every resample's row, in resample order. */
  finish(prepared: P, draws: Float64Array): RankingResult;
}

/** A Resampling run start to end on this thread. */
export function runResampling<P>(r: Resampling<P>, matrix: ScoreMatrix, options: RankingOptions): RankingResult {
  const prepared = r.prepare(matrix, options);
  return r.finish(prepared, r.draws(prepared, 0, r.count(prepared), new Map()));
}
