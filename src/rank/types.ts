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
  /** True when the result depends on `seed`. */
  seeded: boolean;
  run(matrix: ScoreMatrix, options?: RankingOptions): RankingResult;
}
