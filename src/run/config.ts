/** Everything that determines a ranking's numbers: written into every output and every shard. */
import type { EliminationSetting } from "../engine/schedule.js";
import type { EliminationMode, OutcomeMode } from "../engine/types.js";
import type { Round } from "../plan/plan.js";
import type { DuplicateReport } from "../table/duplicates.js";
import type { MissingReport } from "../table/missing.js";
import type { AggregateColumn, Benchmark, Layout } from "../table/types.js";

/**
 * Contests per setting unless told otherwise (the paper's N).
 *
 * @example
 * await runRanking(table, { runs: DEFAULT_RUNS / 5 }); // a quicker, noisier look
 */
export const DEFAULT_RUNS = 100_000;
/**
 * The seed unless told otherwise: the same seed gives the same numbers on any number of threads.
 *
 * @example
 * const again = await runRanking(table, { seed: DEFAULT_SEED }); // identical to runRanking(table)
 */
export const DEFAULT_SEED = 20251224;
export const MAX_RUNS = 1_000_000_000;

export interface RankConfig {
  input: {
    file: string;
    layout: Layout;
    models: string[];
    benchmarks: Benchmark[];
    /** Benchmarks in the file that no round uses. */
    unusedBenchmarks: string[];
    /** Columns read but not scores (metadata). */
    ignoredColumns: string[];
    /** The adapter that read the file (leaderboard, long, per-item, harness, opencompass, aider). */
    adapter?: string;
    /** The leaderboard's own aggregate columns found in the file (never ranked by default). */
    aggregateColumns?: AggregateColumn[];
    /** What --duplicates did, when the file had duplicates. */
    duplicates?: DuplicateReport;
    /** What --missing did. */
    missing?: MissingReport;
  };
  plan: { source: string; rounds: Round[]; rationale?: string };
  settings: EliminationSetting[];
  runs: number;
  seed: number;
  elimination: EliminationMode;
  tieTolerance: number;
  /** binary: the higher round score wins; probabilistic: drawn from the scores' standard errors. */
  outcomes: OutcomeMode;
  /** Contests per deterministic chunk (a function of runs). */
  chunkSize: number;
  /** Final-rank histogram resolution in positions (1 = exact). */
  rankBinWidth: number;
  rankDistribution: boolean;
}
