/**
 * The run pipeline as library code: a prepared ranking -> tallies -> result, with adaptive
 * precision, the noise report and the bootstrap. Every CLI command, the library's runRanking and
 * the report builder go through here, and the dashboard's worker through its core
 * (pipeline-core.ts), so they return the same numbers for the same input and seed.
 */
import { planChunks } from "../engine/montecarlo.js";
import type { Tally } from "../engine/types.js";
import { InputError } from "../table/errors.js";
import type { RankConfig } from "./config.js";
import { finishRun, playRun, type Simulator } from "./pipeline-core.js";
import { computeTallies, type PreparedRank } from "./rank.js";
import type { RankResult } from "./result.js";
import { withDataUncertainty } from "./sensitivity.js";
import { makePart, type PartFile, type ShardSpec, shardChunks } from "./shard.js";
import { playFlatTwinsOnThreads } from "./twins-threads.js";
import { noiseFor } from "./uncertainty.js";

export interface RunOptions {
  /** Worker threads (default: all cores). The numbers are the same for any count. */
  threads?: number;
  /** Contests played so far and in all (precision runs: up to the current batch's end). */
  onProgress?: (done: number, total: number) => void;
  /** Play contests in deterministic batches until every E[S] has a Monte Carlo standard error below this. */
  precision?: number;
  /** Bootstrap resamples of the data (per-item results or standard errors) for intervals. */
  bootstrap?: number;
}

/** A finished run: the prepared input (its config holding the contests actually played), tallies and result. */
export interface RankRun {
  prepared: PreparedRank;
  tallies: Tally[];
  result: RankResult;
}

/** The configuration after an adaptive run: the N it stopped at (a plain run with that N gives the same numbers). */
function withRuns(config: RankConfig, runs: number): RankConfig {
  return { ...config, runs, chunkSize: planChunks(runs, config.seed).chunkSize };
}

/** The core's simulator in Node: contests and twins on `threads` worker threads. */
function onThreads(threads?: number): Simulator {
  return {
    tallies: (run, options = {}) => computeTallies(run, { threads, ...options }),
    twins: (config, roundScores) => playFlatTwinsOnThreads(config, roundScores, threads),
  };
}

/** Plays a prepared ranking's contests and gathers its result, noise and (when asked) bootstrap. */
export async function runPrepared(prepared: PreparedRank, options: RunOptions = {}): Promise<RankRun> {
  const simulator = onThreads(options.threads);
  const noise = noiseFor(prepared);
  let run = prepared;
  let tallies: Tally[];
  let withNoise: RankResult;
  if (options.precision !== undefined) {
    const { computeTalliesAdaptive } = await import("./adaptive.js");
    const adaptive = await computeTalliesAdaptive(prepared, options.precision, {
      threads: options.threads,
      onProgress: options.onProgress,
    });
    tallies = adaptive.tallies;
    run = { ...prepared, config: withRuns(prepared.config, adaptive.runs) };
    const precision = {
      target: options.precision,
      runs: adaptive.runs,
      reached: adaptive.reached,
      worstStandardError: adaptive.worstStandardError,
    };
    withNoise = await finishRun({ ...run, noise }, tallies, simulator, precision);
  } else {
    ({ tallies, result: withNoise } = await playRun({ ...run, noise }, simulator, { onProgress: options.onProgress }));
  }
  if (options.bootstrap === undefined) return { prepared: run, tallies, result: withNoise };
  // Loaded only when asked for: the bootstrap's modules are most of a plain run's start-up otherwise.
  const [{ bootstrapFor }, { bootstrapOnThreads }] = await Promise.all([import("./uncertainty.js"), import("./bootstrap-threads.js")]);
  const uncertainty = await bootstrapFor(run, withNoise, options.bootstrap, bootstrapOnThreads(options.threads));
  // The labels again, now that the data's uncertainty in Delta E is known.
  const sensitivity =
    withNoise.sensitivity && uncertainty.deltaE
      ? withDataUncertainty(withNoise.sensitivity, new Map(uncertainty.deltaE.models.map((m) => [m.model, [m.low, m.high]])))
      : withNoise.sensitivity;
  return { prepared: run, tallies, result: { ...withNoise, ...(sensitivity ? { sensitivity } : {}), uncertainty } };
}

/** Plays one shard's slice of the contests: merging every shard's part gives the unsharded result exactly. */
export async function runShard(
  prepared: PreparedRank,
  shard: ShardSpec,
  options: Omit<RunOptions, "precision" | "bootstrap"> = {},
): Promise<PartFile> {
  if (!Number.isInteger(shard.index) || !Number.isInteger(shard.count) || shard.index < 1 || shard.index > shard.count)
    throw new InputError(`shard ${shard.index}/${shard.count}: expected 1 <= index <= count`, { code: "invalid-option", option: "shard" });
  const chunkRange = shardChunks(planChunks(prepared.config.runs, prepared.config.seed), shard);
  const simulator = onThreads(options.threads);
  const tallies = await simulator.tallies(prepared, { chunkRange, onProgress: options.onProgress });
  // Shard 1 carries the twins (they do not depend on the slice), so merge gives the single run's labels.
  return makePart(
    prepared.config,
    prepared.notes,
    shard,
    tallies,
    shard.index === 1 ? await simulator.twins(prepared.config, prepared.roundScores) : undefined,
  );
}
