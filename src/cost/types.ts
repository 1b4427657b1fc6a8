/** Plain data shared by the cost modules and their renderers. */

/** Where a cell's cost per attempt came from. */
export type CostSource =
  /** Per-item prompt/completion(/reasoning) tokens x the price table. */
  | "tokens x prices"
  /** A --costs file (mean USD per attempt). */
  | "cost file"
  /** Per-item recorded costs (mean over the items). */
  | "per-item costs"
  /** The cell's total cost over its item count (aider: total_cost / test_cases). */
  | "total / attempts"
  /** The score table's own cost column (mean USD per attempt). */
  | "cost column"
  | "unknown";

/** Per-problem results of one (model, benchmark): what the per-problem cost-of-pass needs. */
export interface CellProblems {
  /** Item index within the benchmark (ItemResults.itemIds[benchmark]). */
  item: Int32Array;
  /** USD of the attempt. */
  cost: Float64Array;
  /** Probability of success on the item: its score on the 0-1 scale (0/1 for one attempt). */
  success: Float64Array;
}

/** Mean cost per attempt of every (model, benchmark), model-major like ScoreTable.scores. */
export interface AttemptCosts {
  models: string[];
  benchmarks: string[];
  /** Mean USD per attempt; NaN = unknown (never 0). */
  meanCost: Float64Array;
  /** Attempts behind the mean (items, test cases); NaN = not stated. */
  attempts: Float64Array;
  source: CostSource[];
  /** Per-item costs and successes, for cells whose cost is known item by item. */
  problems: (CellProblems | undefined)[];
  notes: string[];
}

/** How a benchmark's scores become success probabilities (cost-of-pass needs one). */
export interface SuccessScale {
  benchmark: string;
  /** The score that means certain success (1 or 100); undefined = not a success rate. */
  scale?: number;
  reason: string;
}
