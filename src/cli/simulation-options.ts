/** The CSD options every command that simulates shares (rank, compare, stress, order, report). */
import { type Command, Option } from "commander";
import { DEFAULT_RUNS, DEFAULT_SEED } from "../run/config.js";
import { parseRuns, parseSeed, parseThreads, parseTolerance } from "../run/options.js";
import { type RankRun, type RunOptions, runPrepared } from "../run/pipeline.js";
import type { PreparedRank, RankOptions } from "../run/rank.js";
import { SCRIPT_MODE_WARNING } from "../run/rank.js";
import { readOptionsFrom, type TableFlags } from "./common.js";
import { type Progress, terminalProgress } from "./progress.js";

export interface SimulationFlags extends TableFlags {
  rounds?: string;
  T: string;
  runs: string;
  seed: string;
  elimination: "paper" | "script";
  tieTolerance: string;
  /** binary | probabilistic here; a command may add modes of its own (cost: cost-adjusted). */
  outcomes?: string;
  threads?: string;
  quiet?: boolean;
  /** Plain progress lines on stderr even when it is not a terminal (logs). */
  progress?: boolean;
}

export function addSimulationOptions(cmd: Command, runsDefault = DEFAULT_RUNS): Command {
  return cmd
    .option("--rounds <plan>", 'round plan JSON: {"rounds": [{"name": ..., "benchmarks": [...]}, ...]} (default: one round per benchmark)')
    .option("--T <settings>", "elimination settings, e.g. 0,1,2 or 0:1:1:2 (one per round)", "0,1,2")
    .option("--runs <n>", "simulated contests per setting", String(runsDefault))
    .option("--seed <n>", "random seed (same seed, same numbers, whatever the threads)", String(DEFAULT_SEED))
    .addOption(
      new Option("--elimination <mode>", "paper: random at the cut; script: input order at the cut (the authors' script)")
        .choices(["paper", "script"])
        .default("paper"),
    )
    .option("--tie-tolerance <x>", "round-score differences within x are ties (coin flip)", "0")
    .addOption(
      new Option(
        "--outcomes <mode>",
        "binary: the higher round score wins; probabilistic: each match drawn from the scores' standard errors",
      )
        .choices(["binary", "probabilistic"])
        .default("binary"),
    )
    .option("--threads <n>", "worker threads (default: all cores)")
    .option("-q, --quiet", "no notes or progress on stderr")
    .option("--progress", "progress lines on stderr even when it is not a terminal (for logs)");
}

export function rankOptionsFrom(flags: SimulationFlags, extra: Partial<RankOptions> = {}): RankOptions {
  return {
    ...readOptionsFrom(flags),
    rounds: flags.rounds,
    T: flags.T,
    tOption: "--T",
    runs: parseRuns(flags.runs),
    seed: parseSeed(flags.seed),
    elimination: flags.elimination,
    tieTolerance: parseTolerance(flags.tieTolerance),
    outcomes: flags.outcomes === "probabilistic" ? "probabilistic" : "binary",
    ...extra,
  };
}

/** A progress display for a step of this command (silent with --quiet; plain lines with --progress off a terminal). */
export function progressFor(flags: SimulationFlags, label: string, unit: string): Progress | undefined {
  return flags.quiet ? undefined : terminalProgress(label, { unit, force: flags.progress });
}

export function threadsFrom(flags: SimulationFlags): number | undefined {
  return flags.threads ? parseThreads(flags.threads) : undefined;
}

/**
 * Runs a step of a prepared run (its contests, a shard, a whole pipeline run) with the script-mode
 * warning and a progress line on a terminal (none with --quiet).
 */
export async function withProgress<T>(
  prepared: PreparedRank,
  flags: SimulationFlags,
  label: string,
  step: (onProgress: ((done: number, total: number) => void) | undefined) => Promise<T>,
): Promise<T> {
  if (prepared.config.elimination === "script") process.stderr.write(`swissround: warning: ${SCRIPT_MODE_WARNING}\n`);
  const progress = terminalProgress(label, { force: flags.progress });
  const out = await step(flags.quiet ? undefined : (done, total) => progress.update(done, total));
  progress.finish();
  return out;
}

/** Plays a prepared run through the pipeline (noise, and bootstrap or precision when given) with progress. */
export function runWithProgress(
  prepared: PreparedRank,
  flags: SimulationFlags,
  options: Omit<RunOptions, "onProgress" | "threads"> = {},
): Promise<RankRun> {
  return withProgress(prepared, flags, "simulating", (onProgress) =>
    runPrepared(prepared, { ...options, threads: threadsFrom(flags), onProgress }),
  );
}
