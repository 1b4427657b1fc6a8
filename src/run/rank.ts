/** The rank pipeline in Node: file -> table -> plan -> round scores -> simulation -> result. */
import { planChunks } from "../engine/montecarlo.js";
import type { Tally } from "../engine/types.js";
import { simulate } from "../parallel/simulate.js";
import { readScoreTable, readTextFile } from "../table/read.js";
import { contestRules, type PreparedRank, prepareRankFromTable, type RankOptions } from "./prepare.js";
import { assembleResult, type RankResult } from "./result.js";
import { playFlatTwinsOnThreads } from "./twins-threads.js";

export {
  contestRules,
  type PlanSource,
  type PreparedRank,
  prepareRankFromTable,
  type RankOptions,
  SCRIPT_MODE_WARNING,
} from "./prepare.js";

/** Reads the score table and the round plan (options.rounds), then checks everything before any work. */
export function prepareRank(scoresPath: string, options: RankOptions = {}): PreparedRank {
  const raw = readScoreTable(scoresPath, options);
  const planSource = options.rounds ? { text: readTextFile(options.rounds, "round plan"), file: options.rounds } : undefined;
  return prepareRankFromTable(raw, options, planSource);
}

export interface ExecuteOptions {
  threads?: number;
  chunkRange?: [number, number];
  onProgress?: (contestsDone: number, contestsTotal: number) => void;
}

/** Plays the contests the configuration asks for (all chunks, or a shard's range). */
export async function computeTallies(
  prepared: Pick<PreparedRank, "config" | "roundScores">,
  options: ExecuteOptions = {},
): Promise<Tally[]> {
  const { config, roundScores } = prepared;
  const plan = planChunks(config.runs, config.seed);
  const [from, to] = options.chunkRange ?? [0, plan.chunks];
  const contests = Math.min(config.runs, to * plan.chunkSize) - from * plan.chunkSize;
  const total = Math.max(0, contests) * config.settings.length;
  return simulate(
    roundScores,
    contestRules(config),
    plan,
    { models: roundScores.models, rankBinWidth: config.rankBinWidth },
    {
      threads: options.threads,
      chunkRange: [from, to],
      onProgress: options.onProgress ? (done) => options.onProgress?.(done, total) : undefined,
    },
  );
}

/** The whole pipeline: read, simulate, summarise. */
export async function rank(scoresPath: string, options: RankOptions & ExecuteOptions = {}): Promise<RankResult> {
  const prepared = prepareRank(scoresPath, options);
  const tallies = await computeTallies(prepared, options);
  return assembleResult(
    prepared.config,
    tallies,
    prepared.notes,
    await playFlatTwinsOnThreads(prepared.config, prepared.roundScores, options.threads),
  );
}
