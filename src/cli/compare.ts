/** `swissround compare`: CSD beside mean, win rate, Borda, Copeland, Bradley-Terry, Elo, ... */
import type { Command } from "commander";
import { renderCompare } from "../output/render-compare.js";
import { compareRun } from "../output/report/gather.js";
import { parseShare } from "../run/options.js";
import { prepareRank } from "../run/rank.js";
import {
  addOutputOptions,
  addTableOptions,
  addTopOption,
  type OutputFlags,
  outputFormat,
  outputTo,
  runInputs,
  topFrom,
  wholeOption,
} from "./common.js";
import { addSimulationOptions, rankOptionsFrom, runWithProgress, type SimulationFlags, threadsFrom } from "./simulation-options.js";
import { addMethodOptions, type MethodFlags, methodIds } from "./study-options.js";

interface CompareFlags extends SimulationFlags, OutputFlags, MethodFlags {
  top?: string;
  tiers: string;
  cvar: string;
  topK: string;
  resamples?: string;
}

export function registerCompare(program: Command): void {
  const cmd = program
    .command("compare")
    .description(
      "rank the same table by every method (mean, mean rank, HELM win rate, IQM, Borda, Copeland, Bradley-Terry, Elo, CSD at each T), with agreement, tiers and tail risk",
    )
    .argument("<scores>", "score table (as for rank)")
    .option("--tiers <k>", "number of CSD tiers (optimal 1-D k-means)", "4")
    .option("--cvar <alpha>", "tail share for CVaR of each model's scores", "0.25")
    .option("--top-k <k>", "k for the top-k overlap", "10")
    .option("--resamples <n>", "bootstrap resamples (Bradley-Terry, IQM) and random orders (Elo); method defaults otherwise");
  addSimulationOptions(cmd);
  addMethodOptions(cmd);
  addTableOptions(cmd);
  addOutputOptions(cmd);
  addTopOption(cmd);
  cmd
    .addHelpText(
      "after",
      "\nExamples:\n  $ swissround compare data/opencompass_2024-08-29.csv --rounds data/opencompass.rounds.json\n" +
        "  $ swissround compare scores.csv --over rounds --normalise minmax --methods mean,win-rate,bradley-terry --format markdown -o compare.md",
    )
    .action(async (scores: string, flags: CompareFlags) => {
      const format = outputFormat(flags);
      const top = topFrom(flags);
      const write = outputTo(flags.output, runInputs([scores], flags));
      const tiers = wholeOption(flags.tiers, "--tiers", 1, 50);
      const topK = wholeOption(flags.topK, "--top-k", 1, 1_000_000);
      const alpha = parseShare(flags.cvar, "--cvar");
      const resamples = flags.resamples ? wholeOption(flags.resamples, "--resamples", 1, 100_000) : undefined;
      const methods = methodIds(flags);
      const prepared = prepareRank(scores, rankOptionsFrom(flags));
      const run = await runWithProgress(prepared, flags);
      const result = await compareRun(run, {
        methods,
        over: flags.over,
        normalisation: flags.normalise,
        resamples,
        tiers,
        cvarAlpha: alpha,
        topK,
        threads: threadsFrom(flags),
      });
      write(renderCompare(result, format, { top }));
    });
}
