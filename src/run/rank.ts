/** The rank pipeline in Node: file -> table -> plan -> round scores -> simulation -> result. */
import { chooseRankBinWidth } from "../engine/tally.js";
import { planChunks } from "../engine/montecarlo.js";
import { parseEliminationSettings } from "../engine/schedule.js";
import type { ContestRules, EliminationMode, RoundScores, Tally } from "../engine/types.js";
import { simulate } from "../parallel/simulate.js";
import { type RoundPlan, defaultRoundPlan, parseRoundPlan, unusedBenchmarks } from "../plan/plan.js";
import { buildRoundScores } from "../plan/round-scores.js";
import type { ReadOptions } from "../table/load.js";
import { readScoreTable, readTextFile } from "../table/read.js";
import { requireRankable, selectBenchmarks } from "../table/select.js";
import type { ScoreTable } from "../table/types.js";
import { DEFAULT_RUNS, DEFAULT_SEED, type RankConfig } from "./config.js";
import { type RankResult, assembleResult } from "./result.js";

export interface RankOptions extends ReadOptions {
  /** Path of the round plan (JSON); default one round per benchmark. */
  rounds?: string;
  /** Elimination settings, as for --T: "0,1,2". */
  T?: string;
  runs?: number;
  seed?: number;
  elimination?: EliminationMode;
  tieTolerance?: number;
  rankDistribution?: boolean;
}

export interface PreparedRank {
  table: ScoreTable;
  plan: RoundPlan;
  roundScores: RoundScores;
  config: RankConfig;
  notes: string[];
}

export const SCRIPT_MODE_WARNING =
  "elimination mode 'script' (the authors' reference script): ties at the elimination cut go to the models listed first, " +
  "so results for T > 0 depend on the input order of the models";

/** Reads and checks everything; throws InputError on any bad input, before any work. */
export function prepareRank(scoresPath: string, options: RankOptions = {}): PreparedRank {
  const raw = readScoreTable(scoresPath, options);
  const plan = options.rounds ? parseRoundPlan(readTextFile(options.rounds, "round plan"), options.rounds, raw) : defaultRoundPlan(raw);
  const unused = unusedBenchmarks(raw, plan);
  // Only the benchmarks the plan uses must be complete.
  const table = selectBenchmarks(raw, undefined, unused, "benchmarks not in the round plan (not used)");
  requireRankable(table);
  const notes = [...table.notes];
  const mixed = plan.rounds.filter((r) => {
    const dirs = new Set(r.benchmarks.map((b) => table.benchmarks.find((x) => x.name === b)?.lowerIsBetter));
    return dirs.size > 1;
  });
  if (mixed.length > 0) {
    notes.push(
      `rounds mixing higher- and lower-is-better benchmarks (lower-is-better scores are negated before averaging): ${mixed.map((r) => r.name).join(", ")}`,
    );
  }
  const elimination = options.elimination ?? "paper";
  if (elimination === "script") notes.push(SCRIPT_MODE_WARNING);
  const runs = options.runs ?? DEFAULT_RUNS;
  const rankDistribution = options.rankDistribution ?? false;
  const config: RankConfig = {
    input: {
      file: table.source,
      layout: table.layout,
      models: table.models,
      benchmarks: table.benchmarks,
      unusedBenchmarks: unused,
      ignoredColumns: table.ignored,
    },
    plan: { source: plan.source, rounds: plan.rounds, ...(plan.rationale ? { rationale: plan.rationale } : {}) },
    settings: parseEliminationSettings(options.T ?? "0,1,2", plan.rounds.length, table.models.length),
    runs,
    seed: options.seed ?? DEFAULT_SEED,
    elimination,
    tieTolerance: options.tieTolerance ?? 0,
    chunkSize: planChunks(runs, 0).chunkSize,
    rankBinWidth: chooseRankBinWidth(table.models.length, rankDistribution),
    rankDistribution,
  };
  return { table, plan, roundScores: buildRoundScores(table, plan), config, notes };
}

export function contestRules(config: RankConfig): ContestRules[] {
  return config.settings.map((s) => ({
    schedule: Int32Array.from(s.schedule),
    elimination: config.elimination,
    tieTolerance: config.tieTolerance,
  }));
}

export interface ExecuteOptions {
  threads?: number;
  chunkRange?: [number, number];
  onProgress?: (contestsDone: number, contestsTotal: number) => void;
}

/** Plays the contests the configuration asks for (all chunks, or a shard's range). */
export async function computeTallies(prepared: PreparedRank, options: ExecuteOptions = {}): Promise<Tally[]> {
  const { config, roundScores } = prepared;
  const plan = planChunks(config.runs, config.seed);
  const [from, to] = options.chunkRange ?? [0, plan.chunks];
  const contests = Math.min(config.runs, to * plan.chunkSize) - from * plan.chunkSize;
  const total = Math.max(0, contests) * config.settings.length;
  return simulate(roundScores, contestRules(config), plan, { models: roundScores.models, rankBinWidth: config.rankBinWidth }, {
    threads: options.threads,
    chunkRange: [from, to],
    onProgress: options.onProgress ? (done) => options.onProgress?.(done, total) : undefined,
  });
}

/** The whole pipeline: read, simulate, summarise. */
export async function rank(scoresPath: string, options: RankOptions & ExecuteOptions = {}): Promise<RankResult> {
  const prepared = prepareRank(scoresPath, options);
  const tallies = await computeTallies(prepared, options);
  return assembleResult(prepared.config, tallies, prepared.notes);
}
