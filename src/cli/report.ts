/** `swissround report`: the one-file HTML report (leaderboard, the paper's figures, rank and win heatmaps, methods). */
import type { Command } from "commander";
import { compareRankingsWith } from "../analysis/compare.js";
import { corruptionStudy } from "../analysis/corruption.js";
import type { RerunSettings } from "../analysis/rerun.js";
import { stabilityStudy } from "../analysis/stability.js";
import type { StudySection } from "../output/report/data.js";
import { buildReportData, comparisonSections, distributionsOf, type ReportData } from "../output/report/data.js";
import { renderReport } from "../output/report/document.js";
import { readReportRuntime } from "../output/report/runtime-file.js";
import { corruptionSection, stabilitySections } from "../output/report/studies.js";
import { emit } from "../output/write.js";
import { methodsOnThreads } from "../parallel/methods.js";
import { rerankOnThreads } from "../parallel/rerank.js";
import { contestRules, type PreparedRank, prepareRank, SCRIPT_MODE_WARNING } from "../run/rank.js";
import { assembleResult } from "../run/result.js";
import { addTableOptions, printNotes } from "./common.js";
import { addCostFileOptions, type CostInputFlags, costChartData } from "./cost-options.js";
import { addSimulationOptions, rankOptionsFrom, type SimulationFlags, simulateWithProgress, threadsFrom } from "./simulation-options.js";

export interface ReportFlags extends SimulationFlags, CostInputFlags {
  /** true with --compare, false with --no-compare; by default, up to COMPARE_AUTO_MODELS models. */
  compare?: boolean;
  /** true with --studies, false with --no-studies; by default, up to STUDIES_AUTO_MODELS models. */
  studies?: boolean;
}

/** The corruption and order studies re-rank a few hundred times: included by default for small fields. */
export const STUDIES_AUTO_MODELS = 60;
const REPORT_STUDY = { runs: 2000, trials: 5, corrupt: 2, orders: 10, eloOrders: 10 };

async function studySections(prepared: PreparedRank, threads: number | undefined): Promise<StudySection[]> {
  const rules = contestRules(prepared.config);
  const settings: RerunSettings = {
    csd: prepared.config.settings.map((s, i) => ({ label: s.label, rules: rules[i] })),
    runs: REPORT_STUDY.runs,
    seed: prepared.config.seed,
    over: "benchmarks",
    eloOrders: REPORT_STUDY.eloOrders,
    missing: prepared.roundMissing,
  };
  const { table, plan } = prepared;
  const batch = rerankOnThreads(threads);
  const out: StudySection[] = [];
  if (table.benchmarks.length >= REPORT_STUDY.corrupt) {
    const options = { corrupt: REPORT_STUDY.corrupt, trials: REPORT_STUDY.trials, to: "zero" } as const;
    out.push(corruptionSection(await corruptionStudy(table, plan, settings, options, batch)));
  }
  out.push(
    ...stabilitySections(await stabilityStudy(table, plan, settings, { randomOrders: REPORT_STUDY.orders, leaveOneOut: true }, batch)),
  );
  return out;
}

/** The other methods' bootstraps grow fast with the field (seconds at 300 models, minutes at 1,500). */
export const COMPARE_AUTO_MODELS = 300;

/** Reads, checks, simulates and gathers everything a report or a chart shows. Throws InputError on bad input. */
export async function reportDataFrom(scores: string, flags: ReportFlags, title?: string): Promise<ReportData> {
  const prepared = prepareRank(scores, rankOptionsFrom(flags));
  printNotes(
    prepared.notes.filter((n) => n !== SCRIPT_MODE_WARNING),
    flags.quiet ?? false,
  );
  const tallies = await simulateWithProgress(prepared, flags);
  const result = assembleResult(prepared.config, tallies, prepared.notes);
  const models = prepared.table.models.length;
  const compare = flags.compare ?? models <= COMPARE_AUTO_MODELS;
  const comparison = compare
    ? await compareRankingsWith(
        { table: prepared.table, plan: prepared.plan, roundScores: prepared.roundScores, rank: result },
        { seed: prepared.config.seed },
        methodsOnThreads(threadsFrom(flags)),
      )
    : undefined;
  const omitted =
    flags.compare === undefined && !compare
      ? {
          compare: `the method comparison is left out above ${COMPARE_AUTO_MODELS} models (this field has ${models}); add --compare to include it, or run swissround compare`,
        }
      : undefined;
  const studies = (flags.studies ?? models <= STUDIES_AUTO_MODELS) ? await studySections(prepared, threadsFrom(flags)) : [];
  const cost = costChartData(scores, flags, prepared);
  return buildReportData({
    result,
    distributions: distributionsOf(result, tallies),
    roundScores: prepared.roundScores,
    title,
    generatedAt: new Date().toISOString(),
    ...(comparison ? comparisonSections(comparison, result) : {}),
    ...(omitted ? { omitted } : {}),
    ...(studies.length > 0 ? { studies } : {}),
    ...(cost ? { cost } : {}),
  });
}

const EXAMPLES = `
Examples:
  $ swissround report data/opencompass_2024-08-29.csv --rounds data/opencompass.rounds.json -o report.html
  $ swissround report scores.csv --T 0,1,2 --runs 20000 --seed 7 --title "Our models, March" -o march.html

The file is self-contained (the charts' code and data are inside it): it opens without a network.`;

export function registerReport(program: Command): void {
  const cmd = program
    .command("report")
    .description("write a one-file HTML report: leaderboard, sensitivity and robustness charts, rank and win heatmaps, other methods")
    .argument("<scores>", "score table: CSV/TSV/JSON (as for rank)");
  addSimulationOptions(cmd);
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
      const runtime = readReportRuntime();
      const data = await reportDataFrom(scores, flags, flags.title);
      emit(renderReport(data, runtime), flags.output);
      if (flags.output && !flags.quiet) process.stderr.write(`swissround: wrote the report to ${flags.output}\n`);
    });
}
