/** `swissround rank`: the CSD ranking and Failure Sensitivity Analysis of a score table. */
import type { Command } from "commander";
import { planChunks } from "../engine/montecarlo.js";
import type { Tally } from "../engine/types.js";
import { renderRank } from "../output/render-rank.js";
import { emit, writeAtomic } from "../output/write.js";
import { bootstrapOnThreads } from "../parallel/bootstrap.js";
import { computeTalliesAdaptive } from "../run/adaptive.js";
import { parsePrecision } from "../run/options.js";
import { prepareRank, SCRIPT_MODE_WARNING } from "../run/rank.js";
import { assembleResult, type RankResult } from "../run/result.js";
import { makePart, parseShard, shardChunks } from "../run/shard.js";
import { bootstrapFor, noiseFor } from "../run/uncertainty.js";
import { InputError } from "../table/errors.js";
import { addOutputOptions, addTableOptions, type OutputFlags, outputFormat, printNotes } from "./common.js";
import { addSimulationOptions, rankOptionsFrom, type SimulationFlags, simulateWithProgress, threadsFrom } from "./simulation-options.js";
import { wholeOption } from "./study-options.js";

interface RankFlags extends SimulationFlags, OutputFlags {
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
    .argument("<scores>", "score table: CSV/TSV/JSON, models as rows, benchmarks as rows, or long (model, benchmark, score)")
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
  cmd.addHelpText("after", EXAMPLES).action(async (scores: string, flags: RankFlags) => {
    const shard = flags.shard ? parseShard(flags.shard) : undefined;
    if (shard && !flags.out) throw new InputError("--shard needs --out FILE for the shard's tallies");
    if (flags.out && !shard) throw new InputError("--out is for shard files; use -o FILE for the ranking");
    const format = outputFormat(flags);
    const prepared = prepareRank(scores, rankOptionsFrom(flags, { rankDistribution: flags.rankDistribution ?? false }));
    const bootstrap = flags.bootstrap ? wholeOption(flags.bootstrap, "--bootstrap", 2, 100_000) : undefined;
    const precision = flags.precision ? parsePrecision(flags.precision) : undefined;
    if (precision !== undefined && shard)
      throw new InputError("--precision cannot be combined with --shard (the number of contests is not known in advance)");
    const chunkRange = shard ? shardChunks(planChunks(prepared.config.runs, prepared.config.seed), shard) : undefined;
    const label = shard ? `simulating shard ${shard.index}/${shard.count}` : "simulating";
    let tallies: Tally[];
    let precisionReport: RankResult["precision"];
    if (precision !== undefined) {
      const adaptive = await computeTalliesAdaptive(prepared, precision, { threads: threadsFrom(flags) });
      tallies = adaptive.tallies;
      prepared.config.runs = adaptive.runs;
      prepared.config.chunkSize = planChunks(adaptive.runs, prepared.config.seed).chunkSize;
      precisionReport = {
        target: precision,
        runs: adaptive.runs,
        reached: adaptive.reached,
        worstStandardError: adaptive.worstStandardError,
      };
    } else {
      tallies = await simulateWithProgress(prepared, flags, label, chunkRange);
    }
    if (shard && flags.out) {
      writeAtomic(flags.out, JSON.stringify(makePart(prepared.config, prepared.notes, shard, tallies)));
      if (!flags.quiet) process.stderr.write(`swissround: wrote shard ${shard.index}/${shard.count} to ${flags.out}\n`);
      return;
    }
    let result = assembleResult(prepared.config, tallies, prepared.notes);
    const noise = noiseFor(prepared);
    result = {
      ...result,
      ...(noise ? { noise } : {}),
      ...(precisionReport ? { precision: precisionReport } : {}),
      ...(bootstrap ? { uncertainty: await bootstrapFor(prepared, result, bootstrap, bootstrapOnThreads(threadsFrom(flags))) } : {}),
    };
    if (format === "csv" || flags.output)
      printNotes(
        prepared.notes.filter((n) => n !== SCRIPT_MODE_WARNING),
        flags.quiet ?? false,
      );
    emit(renderRank(result, format), flags.output);
  });
}
