/** `swissround rank`: the CSD ranking and Failure Sensitivity Analysis of a score table. */
import { type Command, Option } from "commander";
import { planChunks } from "../engine/montecarlo.js";
import { renderRank } from "../output/render-rank.js";
import { emit, writeAtomic } from "../output/write.js";
import { DEFAULT_RUNS, DEFAULT_SEED } from "../run/config.js";
import { parseRuns, parseSeed, parseThreads, parseTolerance } from "../run/options.js";
import { SCRIPT_MODE_WARNING, computeTallies, prepareRank } from "../run/rank.js";
import { assembleResult } from "../run/result.js";
import { makePart, parseShard, shardChunks } from "../run/shard.js";
import { InputError } from "../table/errors.js";
import { type OutputFlags, type TableFlags, addOutputOptions, addTableOptions, outputFormat, printNotes, readOptionsFrom } from "./common.js";
import { terminalProgress } from "./progress.js";

interface RankFlags extends TableFlags, OutputFlags {
  rounds?: string;
  T: string;
  runs: string;
  seed: string;
  elimination: "paper" | "script";
  tieTolerance: string;
  threads?: string;
  rankDistribution?: boolean;
  shard?: string;
  out?: string;
  quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ swissround rank data/opencompass_2024-08-29.csv --rounds data/opencompass.rounds.json
  $ swissround rank scores.csv --T 0,1,2 --runs 20000 --seed 7 --format json -o ranking.json
  $ swissround rank scores.csv --T 0:0:1:1:2:2 --lower-is-better perplexity
  $ swissround rank sheet.csv --layout benchmarks-rows --elimination script
  $ swissround rank scores.csv --shard 2/8 --out part2.json     (then: swissround merge part*.json)

--T takes comma-separated settings: a number is the same T after every round; numbers joined
by ":" give one T per round. Delta E compares the harshest setting with T = 0.`;

export function registerRank(program: Command): void {
  const cmd = program
    .command("rank")
    .description("rank models by Competitive Swiss-System Dynamics (E[S_m]) with a Failure Sensitivity Analysis")
    .argument("<scores>", "score table: CSV/TSV/JSON, models as rows, benchmarks as rows, or long (model, benchmark, score)")
    .option("--rounds <plan>", 'round plan JSON: {"rounds": [{"name": ..., "benchmarks": [...]}, ...]} (default: one round per benchmark)')
    .option("--T <settings>", "elimination settings, e.g. 0,1,2 or 0:1:1:2 (one per round)", "0,1,2")
    .option("--runs <n>", "simulated contests per setting", String(DEFAULT_RUNS))
    .option("--seed <n>", "random seed (same seed, same numbers, whatever the threads)", String(DEFAULT_SEED))
    .addOption(new Option("--elimination <mode>", "paper: random at the cut; script: input order at the cut (the authors' script)").choices(["paper", "script"]).default("paper"))
    .option("--tie-tolerance <x>", "round-score differences within x are ties (coin flip)", "0")
    .option("--threads <n>", "worker threads (default: all cores)")
    .option("--rank-distribution", "include the full final-rank distribution (models x positions)")
    .option("--shard <i/n>", "play only slice i of n of the contests and save it with --out (see merge)")
    .option("--out <file>", "shard file to write (with --shard)")
    .option("-q, --quiet", "no notes or progress on stderr");
  addTableOptions(cmd);
  addOutputOptions(cmd);
  cmd.addHelpText("after", EXAMPLES).action(async (scores: string, flags: RankFlags) => {
    const shard = flags.shard ? parseShard(flags.shard) : undefined;
    if (shard && !flags.out) throw new InputError("--shard needs --out FILE for the shard's tallies");
    if (flags.out && !shard) throw new InputError("--out is for shard files; use -o FILE for the ranking");
    const format = outputFormat(flags);
    const threads = flags.threads ? parseThreads(flags.threads) : undefined;
    const prepared = prepareRank(scores, {
      ...readOptionsFrom(flags),
      rounds: flags.rounds,
      T: flags.T,
      runs: parseRuns(flags.runs),
      seed: parseSeed(flags.seed),
      elimination: flags.elimination,
      tieTolerance: parseTolerance(flags.tieTolerance),
      rankDistribution: flags.rankDistribution ?? false,
    });
    if (prepared.config.elimination === "script") process.stderr.write(`swissround: warning: ${SCRIPT_MODE_WARNING}\n`);
    const progress = terminalProgress(shard ? `simulating shard ${shard.index}/${shard.count}` : "simulating");
    const chunkRange = shard ? shardChunks(planChunks(prepared.config.runs, prepared.config.seed), shard) : undefined;
    const tallies = await computeTallies(prepared, {
      threads,
      chunkRange,
      onProgress: flags.quiet ? undefined : (done, total) => progress.update(done, total),
    });
    progress.finish();
    const notes = prepared.notes.filter((n) => n !== SCRIPT_MODE_WARNING || format !== "table");
    if (shard && flags.out) {
      writeAtomic(flags.out, JSON.stringify(makePart(prepared.config, prepared.notes, shard, tallies)));
      if (!flags.quiet) process.stderr.write(`swissround: wrote shard ${shard.index}/${shard.count} to ${flags.out}\n`);
      return;
    }
    const result = assembleResult(prepared.config, tallies, prepared.notes);
    if (format === "csv" || flags.output) printNotes(notes.filter((n) => n !== SCRIPT_MODE_WARNING), flags.quiet ?? false);
    emit(renderRank(result, format), flags.output);
  });
}
