/**
 * The pipeline's core, free of Node so that the dashboard's browser worker runs it too: contests
 * and flat twins from a Simulator (worker threads in Node, the worker's own thread in a browser),
 * then the one result the CLI, the library and the page all show. pipeline.ts adds what only Node
 * does (adaptive precision, the bootstrap on threads); the page gets its bootstrap from the server.
 */
import type { RoundScores, Tally } from "../engine/types.js";
import type { RankConfig } from "./config.js";
import type { NoiseReport } from "./noise.js";
import { assembleResult, type RankResult } from "./result.js";
import type { TwinFigures } from "./twin.js";

/**
 * What the core needs of a prepared ranking: its configuration, notes and round scores (the page's
 * prepared run has no table), and the noise report when the table says anything about noise.
 */
export interface PlayableRun {
  config: RankConfig;
  notes: string[];
  roundScores: RoundScores;
  noise?: NoiseReport;
}

export interface SimulateOptions {
  /** A shard's chunks [from, to) (default: all). */
  chunkRange?: [number, number];
  /** Contests played so far and in all (every setting's). */
  onProgress?: (done: number, total: number) => void;
}

/** Plays contests; any simulator gives the same numbers for the same configuration and seed. */
export interface Simulator {
  /** Each setting's tally of the configuration's contests. */
  tallies(run: PlayableRun, options?: SimulateOptions): Promise<Tally[]> | Tally[];
  /** The flat twins of the Failure Sensitivity Analysis (undefined with fewer than two settings). */
  twins(config: RankConfig, roundScores: RoundScores): Promise<TwinFigures | undefined> | TwinFigures | undefined;
}

/**
 * Plays a run's contests and gathers its result.
 *
 * @example
 * // One thread, any JavaScript runtime: the numbers runPrepared gives on worker threads.
 * const prepared = prepareRank("scores.csv", { T: "0,1,2", runs: 20_000, seed: 7 });
 * const { result } = await playRun({ ...prepared, noise: noiseFor(prepared) }, simulatorHere);
 */
export async function playRun(
  run: PlayableRun,
  simulator: Simulator,
  options: Pick<SimulateOptions, "onProgress"> = {},
): Promise<{ tallies: Tally[]; result: RankResult }> {
  const tallies = await simulator.tallies(run, { onProgress: options.onProgress });
  return { tallies, result: await finishRun(run, tallies, simulator) };
}

/** Tallies -> result: E[S] per setting, the sensitivity with the twins, the noise report and (adaptive runs) the precision. */
export async function finishRun(
  run: PlayableRun,
  tallies: Tally[],
  simulator: Pick<Simulator, "twins">,
  precision?: RankResult["precision"],
): Promise<RankResult> {
  const base = assembleResult(run.config, tallies, run.notes, await simulator.twins(run.config, run.roundScores));
  return { ...base, ...(run.noise ? { noise: run.noise } : {}), ...(precision ? { precision } : {}) };
}
