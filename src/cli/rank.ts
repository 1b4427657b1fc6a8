/** `swissround rank`: the CSD ranking and Failure Sensitivity Analysis of a score table. */
import type { Command } from "commander";
import { renderRank } from "../output/render-rank.js";
import { parsePrecision } from "../run/options.js";
import { runPrepared, runShard } from "../run/pipeline.js";
import { prepareRank, SCRIPT_MODE_WARNING } from "../run/rank.js";
import { parseShard } from "../run/shard.js";
import { InputError } from "../table/errors.js";
import {
  addOutputOptions,
  addTableOptions,
  addTopOption,
  type OutputFlags,
  outputFormat,
  outputTo,
  printNotes,
  runInputs,
  topFrom,
  wholeOption,
} from "./common.js";
import { addSimulationOptions, rankOptionsFrom, type SimulationFlags, threadsFrom, withProgress } from "./simulation-options.js";

interface RankFlags extends SimulationFlags, OutputFlags {
  top?: string;
  rankDistribution?: boolean;
  bootstrap?: string;
  precision?: string;
  shard?: string;
  out?: string;
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
    .argument(
      "<scores>",
      "score table: CSV/TSV/JSON, models as rows, benchmarks as rows, or long (model, benchmark, score); - reads standard input",
    )
    .option("--rank-distribution", "include the full final-rank distribution (models x positions)")
    .option(
      "--bootstrap <B>",
      "B bootstrap resamples (per-item results, or standard errors) for intervals of E[S] and rank and P(A above B)",
    )
    .option(
      "--precision <se>",
      "play contests in deterministic batches until every E[S] has a standard error below this (reports the N used)",
    )
    .option("--shard <i/n>", "play only slice i of n of the contests and save it with --out (see merge)")
    .option("--out <file>", "shard file to write (with --shard)");
  addSimulationOptions(cmd);
  addTableOptions(cmd);
  addOutputOptions(cmd);
  addTopOption(cmd);
  cmd.addHelpText("after", EXAMPLES).action(async (scores: string, flags: RankFlags) => {
    const shard = flags.shard ? parseShard(flags.shard) : undefined;
    if (shard && !flags.out) throw new InputError("--shard needs --out FILE for the shard's tallies");
    if (flags.out && !shard) throw new InputError("--out is for shard files; use -o FILE for the ranking");
    if (shard && flags.output)
      throw new InputError("--shard writes the shard's tallies to --out; -o is for a whole run's ranking (see merge)");
    const format = outputFormat(flags);
    const top = topFrom(flags);
    const inputs = runInputs([scores], flags);
    const write = shard ? undefined : outputTo(flags.output, inputs);
    const writeShard = shard ? outputTo(flags.out, inputs, "--out") : undefined;
    const prepared = prepareRank(scores, rankOptionsFrom(flags, { rankDistribution: flags.rankDistribution ?? false }));
    const bootstrap = flags.bootstrap ? wholeOption(flags.bootstrap, "--bootstrap", 2, 100_000) : undefined;
    const precision = flags.precision ? parsePrecision(flags.precision) : undefined;
    if (precision !== undefined && shard)
      throw new InputError("--precision cannot be combined with --shard (the number of contests is not known in advance)");
    const threads = threadsFrom(flags);
    if (shard && writeShard) {
      const part = await withProgress(prepared, flags, `simulating shard ${shard.index}/${shard.count}`, (onProgress) =>
        runShard(prepared, shard, { threads, onProgress }),
      );
      writeShard(JSON.stringify(part));
      if (!flags.quiet) process.stderr.write(`swissround: wrote shard ${shard.index}/${shard.count} to ${flags.out}\n`);
      return;
    }
    const { result } = await withProgress(prepared, flags, "simulating", (onProgress) =>
      runPrepared(prepared, { threads, onProgress, precision, bootstrap }),
    );
    if (format === "csv" || flags.output)
      printNotes(
        prepared.notes.filter((n) => n !== SCRIPT_MODE_WARNING),
        flags.quiet ?? false,
      );
    write?.(renderRank(result, format, { top }));
  });
}
