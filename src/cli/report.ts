/** `swissround report`: the one-file HTML report (leaderboard, the paper's figures, rank and win heatmaps, methods). */
import type { Command } from "commander";
import type { ReportData } from "../output/report/data.js";
import { renderReport } from "../output/report/document.js";
import { COMPARE_AUTO_MODELS, type ReportDataOptions, reportData, STUDIES_AUTO_MODELS } from "../output/report/gather.js";
import { readReportRuntime } from "../output/report/runtime-file.js";
import { prepareRank, SCRIPT_MODE_WARNING } from "../run/rank.js";
import { InputError } from "../table/errors.js";
import { addTableOptions, outputTo, printNotes, runInputs, wholeOption } from "./common.js";
import { addCostFileOptions, type CostInputFlags, costChartData } from "./cost-options.js";
import {
  addSimulationOptions,
  progressFor,
  rankOptionsFrom,
  runWithProgress,
  type SimulationFlags,
  threadsFrom,
} from "./simulation-options.js";

export interface ReportFlags extends SimulationFlags, CostInputFlags {
  /** true with --compare, false with --no-compare; by default, up to COMPARE_AUTO_MODELS models. */
  compare?: boolean;
  /** true with --studies, false with --no-studies; by default, up to STUDIES_AUTO_MODELS models. */
  studies?: boolean;
  /** --bootstrap B: resamples of the data for intervals (and labels that take them into account). */
  bootstrap?: string;
}

/** The --bootstrap option of report, plot and serve (the same words as rank's). */
export function addBootstrapOption(cmd: Command): Command {
  return cmd.option(
    "--bootstrap <B>",
    "B bootstrap resamples of the data (per-item results, or standard errors) for intervals of E[S] in the leaderboard and charts, and labels that take them into account",
  );
}

/** Reads, checks, simulates and gathers what a report (or the given charts) shows. Throws InputError on bad input. */
export async function reportDataFrom(
  scores: string,
  flags: ReportFlags,
  options: Pick<ReportDataOptions, "title" | "charts" | "choose"> = {},
): Promise<ReportData> {
  const prepared = prepareRank(scores, rankOptionsFrom(flags));
  // A name that is not in the table fails before the simulation, not after.
  const unknown = (options.choose?.models ?? []).filter((m) => !prepared.table.models.includes(m));
  if (unknown.length > 0)
    throw new InputError(
      `--models: not in the table: ${unknown.map((u) => `"${u}"`).join(", ")} (swissround inspect FILE lists the models)`,
    );
  printNotes(
    prepared.notes.filter((n) => n !== SCRIPT_MODE_WARNING),
    flags.quiet ?? false,
  );
  const bootstrap = flags.bootstrap ? wholeOption(flags.bootstrap, "--bootstrap", 2, 100_000) : undefined;
  const run = await runWithProgress(prepared, flags, bootstrap === undefined ? {} : { bootstrap });
  const cost = costChartData(scores, flags, prepared);
  const progress = progressFor(flags, "report: studies", "re-rankings");
  const data = await reportData(run, {
    onProgress: progress ? (_step, done, total) => progress.update(done, total) : undefined,
    ...options,
    compare: flags.compare,
    studies: flags.studies,
    threads: threadsFrom(flags),
    generatedAt: new Date().toISOString(),
    ...(cost ? { cost } : {}),
  });
  progress?.finish();
  return data;
}

const EXAMPLES = `
Examples:
  $ swissround report data/opencompass_2024-08-29.csv --rounds data/opencompass.rounds.json -o report.html
  $ swissround report scores.csv --T 0,1,2 --runs 20000 --seed 7 --title "Our models, March" -o march.html
  $ swissround report test/data/mmlu-pro/mmlu_pro_item_correct.csv --bootstrap 200 -o mmlu-pro.html

The file is self-contained (the charts' code and data are inside it): it opens without a network.`;

export function registerReport(program: Command): void {
  const cmd = program
    .command("report")
    .description("write a one-file HTML report: leaderboard, sensitivity and robustness charts, rank and win heatmaps, other methods")
    .argument("<scores>", "score table: CSV/TSV/JSON (as for rank)");
  addSimulationOptions(cmd);
  addBootstrapOption(cmd);
  addCostFileOptions(cmd);
  addTableOptions(cmd)
    .option("--compare", `include the comparison with other ranking methods (default: up to ${COMPARE_AUTO_MODELS} models)`)
    .option("--no-compare", "leave out the comparison with other ranking methods")
    .option("--studies", `include the corruption and round-order studies (default: up to ${STUDIES_AUTO_MODELS} models)`)
    .option("--no-studies", "leave out the corruption and round-order studies")
    .option("--title <text>", "the report's title (default: from the input file)")
    .option("-o, --output <file>", "write to this file (atomically) instead of stdout")
    .addHelpText("after", EXAMPLES)
    .action(async (scores: string, flags: ReportFlags & { title?: string; output?: string }) => {
      const write = outputTo(flags.output, runInputs([scores], flags));
      const runtime = readReportRuntime();
      const data = await reportDataFrom(scores, flags, { title: flags.title });
      write(renderReport(data, runtime));
      if (flags.output && !flags.quiet) process.stderr.write(`swissround: wrote the report to ${flags.output}\n`);
    });
}
