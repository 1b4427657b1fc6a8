/**
 * Round scores and score tables over JSON, which has neither -Infinity nor NaN: a round's
 * LOSING_SCORE (from --missing lose) and a table's missing cell (NaN) travel as null.
 */
import { LOSING_SCORE, type RoundScores, roundScoresFrom } from "../../engine/types.js";
import { gridOf, isMissing, MISSING } from "../../grid/grid.js";
import type { Benchmark, ScoreTable } from "../../table/types.js";

export interface WireRoundScores {
  models: number;
  rounds: number;
  /** Round-major, as RoundScores.values; null = LOSING_SCORE. */
  values: (number | null)[];
}

export function encodeRoundScores(rs: RoundScores): WireRoundScores {
  return { models: rs.models, rounds: rs.rounds, values: Array.from(rs.values, (v) => (v === LOSING_SCORE ? null : v)) };
}

export function decodeRoundScores(w: WireRoundScores): RoundScores {
  const values = Float64Array.from(w.values, (v) => (v === null ? LOSING_SCORE : v));
  return roundScoresFrom(gridOf(w.rounds, w.models, values));
}

/** What the method comparison reads of a score table: its models, benchmarks and cells. */
export interface WireTable {
  models: string[];
  benchmarks: Benchmark[];
  /** Model-major, as ScoreTable.scores; null = no score. */
  scores: (number | null)[];
}

export function encodeTable(t: ScoreTable): WireTable {
  return {
    models: [...t.models],
    benchmarks: t.benchmarks.map((b) => ({ ...b })),
    scores: Array.from(t.scores, (v) => (isMissing(v) ? null : v)),
  };
}

/** A score table for the comparison (which reads models, benchmarks and scores only), named after its source. */
export function decodeTable(w: WireTable, source: string): ScoreTable {
  return {
    source,
    layout: "models-rows",
    models: w.models,
    benchmarks: w.benchmarks,
    scores: Float64Array.from(w.scores, (v) => (v === null ? MISSING : v)),
    modelWhere: [],
    benchmarkWhere: [],
    ignored: [],
    notes: [],
  };
}
