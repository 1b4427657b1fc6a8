/**
 * The library's ranking call, typed for a TypeScript user rather than for command-line flags:
 * a ScoreTable in, the same RankResult as `swissround rank --format json` out.
 */
import type { EliminationMode, OutcomeMode } from "../engine/types.js";
import type { Round } from "../plan/plan.js";
import { InputError } from "../table/errors.js";
import type { MissingPolicy } from "../table/missing.js";
import { inApiWords, inApiWordsAsync } from "../table/option-names.js";
import type { ScoreTable } from "../table/types.js";
import { type RankRun, type RunOptions, runPrepared } from "./pipeline.js";
import { type PreparedRank, prepareRankFromTable } from "./prepare.js";
import type { RankResult } from "./result.js";
import type { EliminationInput } from "./settings.js";

/** A round plan as an object: ordered rounds, each a named group of the table's benchmarks. */
export interface RoundPlanInput {
  rounds: Round[];
  /** Why the rounds are in this order (kept in the output). */
  rationale?: string;
}

export interface RankingOptions extends RunOptions {
  /**
   * Elimination pressure: 1 (one setting, the same T after every round), [0, 1, 2] (three
   * settings) or [[0, 0, 1, 2]] (a per-round schedule). Default [0, 1, 2].
   */
  T?: Exclude<EliminationInput, string> | string;
  /** Contests per setting (default 100,000). */
  runs?: number;
  /** Random seed (default 20251224): the same seed gives the same numbers on any number of threads. */
  seed?: number;
  /** The rounds, in order (default: one round per benchmark, in table order, aggregates left out). */
  plan?: RoundPlanInput;
  /** "paper" (random at the cut, default) or "script" (the authors' reference script: input order at the cut). */
  elimination?: EliminationMode;
  /** Round-score differences within this are ties (a coin flip). Default 0. */
  tieTolerance?: number;
  /** "binary" (default) or "probabilistic" (each match drawn from the scores' standard errors). */
  outcomes?: OutcomeMode;
  /** What to do with missing scores: "error" (default), "lose", "available-mean", "drop-model", "drop-benchmark". */
  missing?: MissingPolicy;
  /** Keep each setting's final-rank distribution in the result. */
  rankDistribution?: boolean;
}

/**
 * Checks a table and options and builds the round scores, before any contest is played. Throws
 * InputError on anything that does not fit (unknown benchmarks in the plan, gaps without a policy, ...).
 *
 * @example
 * const prepared = prepareRanking(table, { plan: { rounds: [{ name: "knowledge", benchmarks: ["MMLU"] }, { name: "maths", benchmarks: ["GSM8K"] }] } });
 * prepared.notes; // what the run will do, before it is played
 */
export function prepareRanking(table: ScoreTable, options: RankingOptions = {}): PreparedRank {
  return inApiWords(() => prepareChecked(table, options));
}

function prepareChecked(table: ScoreTable, options: RankingOptions): PreparedRank {
  const { plan, T, runs, seed, elimination, tieTolerance, outcomes, missing, rankDistribution } = options;
  if (runs !== undefined && !(Number.isSafeInteger(runs) && runs >= 1))
    throw new InputError(`runs: expected a whole number >= 1, got ${runs}`, { code: "invalid-option", option: "runs" });
  if (seed !== undefined && !(Number.isSafeInteger(seed) && seed >= 0))
    throw new InputError(`seed: expected a whole number >= 0, got ${seed}`, { code: "invalid-option", option: "seed" });
  if (tieTolerance !== undefined && !(Number.isFinite(tieTolerance) && tieTolerance >= 0))
    throw new InputError(`tieTolerance: expected a number >= 0, got ${tieTolerance}`, { code: "invalid-option", option: "tieTolerance" });
  const planSource = plan ? { text: JSON.stringify(plan), file: "options.plan" } : undefined;
  return prepareRankFromTable(
    table,
    { T, runs, seed, elimination, tieTolerance, outcomes, missing, rankDistribution, tOption: "T" },
    planSource,
  );
}

/**
 * Ranks a score table by CSD: E[S_m] per elimination setting, the Failure Sensitivity Analysis,
 * the noise report when the table has standard errors or items, and bootstrap intervals when asked.
 *
 * @example
 * const table = scoreTable({ models: ["a", "b", "c"], benchmarks: ["MMLU", "GSM8K"], scores: [[70, 50], [65, 60], [40, 30]] });
 * const result = await runRanking(table, { T: [0, 1], runs: 20_000, seed: 7 });
 * result.results[1].models[0].model; // the leader at T = 1
 */
export async function runRanking(table: ScoreTable, options: RankingOptions = {}): Promise<RankResult> {
  return (await runRankingWithTallies(table, options)).result;
}

/**
 * As runRanking, keeping the prepared input and the tallies (for reportData and compareRun).
 *
 * @example
 * const run = await runRankingWithTallies(table, { T: [0, 2] });
 * const html = renderReport(await reportData(run), readReportRuntime());
 */
export async function runRankingWithTallies(table: ScoreTable, options: RankingOptions = {}): Promise<RankRun> {
  return inApiWordsAsync(() => runPrepared(prepareRanking(table, options), options));
}
