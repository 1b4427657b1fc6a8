/** The validated score table every later stage reads. */
import type { Grid } from "../grid/grid.js";

/** How the file is laid out: one row per model, per benchmark, per score, or per item (models as columns). */
export type Layout = "models-rows" | "benchmarks-rows" | "long" | "items-rows";

export interface Benchmark {
  name: string;
  /** True when lower scores are better (error rates, perplexity, cost). */
  lowerIsBetter: boolean;
}

/** A column the leaderboard computed from the others (an overall average, a mean win rate). */
export interface AggregateColumn {
  name: string;
  /** Why it was judged an aggregate ("named by --aggregates", "the row mean of the other columns"). */
  reason: string;
}

/** Per-cell figures besides the score: each the values of a models x benchmarks grid like `scores`
 * (tableGrid(t, extras.stderr)); NaN = unknown. */
export interface CellExtras {
  /** Standard error of the score (the harness's stderr, or sd/sqrt(n) of per-item results). */
  stderr?: Float64Array;
  /** Items behind the score. */
  count?: Float64Array;
  /** Total cost (USD) of the items behind the score. */
  cost?: Float64Array;
  /** Total tokens of the items behind the score. */
  tokens?: Float64Array;
}

/**
 * Item-level results kept from a per-item file, one entry per (model, benchmark, item). Names are
 * indices into the lists here (not into the table's models), so selecting benchmarks or dropping
 * models never has to rewrite them.
 */
export interface ItemResults {
  models: string[];
  benchmarks: string[];
  /** Item ids, per benchmark. */
  itemIds: string[][];
  length: number;
  model: Int32Array;
  benchmark: Int32Array;
  item: Int32Array;
  score: Float64Array;
  cost?: Float64Array;
  tokens?: Float64Array;
  /** Token counts by kind, when the file has columns for them (prompt_tokens, completion_tokens,
   * reasoning_tokens, ...): prices apply per kind, so a total cannot be priced. NaN = unknown. */
  promptTokens?: Float64Array;
  completionTokens?: Float64Array;
  reasoningTokens?: Float64Array;
}

export interface ScoreTable {
  /** The file (or name) the table was read from. */
  source: string;
  layout: Layout;
  models: string[];
  benchmarks: Benchmark[];
  /** Raw scores: the values of a models x benchmarks grid (read them through tableGrid). NaN marks
   * a missing score (a table straight from validation has none unless a missing-data policy allowed them). */
  scores: Float64Array;
  /** Where each model's and each benchmark's scores sit in the file ("line 7", 'column "MMLU"'),
   * empty for long tables. */
  modelWhere: string[];
  benchmarkWhere: string[];
  /** Columns or fields that were read but are not scores (reported, never silently dropped). */
  ignored: string[];
  /** What reading did that a user should know (one sentence each). */
  notes: string[];
  /** The adapter that read the file ("leaderboard", "per-item", "harness", ...). */
  adapter?: string;
  /** Benchmark columns that are the leaderboard's own aggregates: kept in `benchmarks` (so that
   * they can be named), but left out of default round plans and reported. */
  aggregates?: AggregateColumn[];
  extras?: CellExtras;
  items?: ItemResults;
  /** What --duplicates did, when the file had duplicates. */
  duplicates?: { policy: string; groups: { model: string; rows: string[]; action: string }[] };
}

/** The table's scores (or one of its extras) as a models x benchmarks grid: a view, no copy. */
export function tableGrid(t: ScoreTable, values: Float64Array = t.scores): Grid {
  return { rows: t.models.length, cols: t.benchmarks.length, values };
}
