/** The validated score table every later stage reads. */

export type Layout = "models-rows" | "benchmarks-rows" | "long";

export interface Benchmark {
  name: string;
  /** True when lower scores are better (error rates, perplexity, cost). */
  lowerIsBetter: boolean;
}

export interface ScoreTable {
  /** The file (or name) the table was read from. */
  source: string;
  layout: Layout;
  models: string[];
  benchmarks: Benchmark[];
  /** Raw scores, model-major: scores[m * benchmarks.length + b]. NaN marks a missing score
   * (a table straight from validation has none unless a missing-data policy allowed them). */
  scores: Float64Array;
  /** Where each model's and each benchmark's scores sit in the file ("line 7", 'column "MMLU"'),
   * empty for long tables. */
  modelWhere: string[];
  benchmarkWhere: string[];
  /** Columns or fields that were read but are not scores (reported, never silently dropped). */
  ignored: string[];
  /** What reading did that a user should know (one sentence each). */
  notes: string[];
}

export function scoreAt(t: ScoreTable, model: number, bench: number): number {
  return t.scores[model * t.benchmarks.length + bench];
}
