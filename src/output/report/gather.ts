/**
 * Everything a report or a chart shows, computed from a finished run as library code: only what is
 * asked for (a chart's inputs, the method comparison, the corruption and order studies).
 */
import { type CompareOptions, type ComparisonResult, compareRankingsWith } from "../../analysis/compare.js";
import { corruptionStudy } from "../../analysis/corruption.js";
import { methodsOnThreads } from "../../analysis/methods-threads.js";
import { rerankOnThreads } from "../../analysis/rerank-threads.js";
import type { RerunSettings } from "../../analysis/rerun.js";
import { stabilityStudy } from "../../analysis/stability.js";
import type { RankRun } from "../../run/pipeline.js";
import { contestRules, type PreparedRank } from "../../run/prepare.js";
import { type CostChartData, displayOrder } from "../charts/input.js";
import type { ChartId } from "../charts/types.js";
import { buildReportData, comparisonSections, distributionsOf, type ReportData, type StudySection } from "./data.js";
import { corruptionSection, stabilitySections } from "./studies.js";

/** The other methods grow with M^2 (Bradley-Terry, Copeland): seconds at 1,756 models, but a page of 300+ models per chart is already dense. */
export const COMPARE_AUTO_MODELS = 300;
/** The corruption and order studies re-rank a few hundred times: included by default for small fields. */
export const STUDIES_AUTO_MODELS = 60;
const REPORT_STUDY = { runs: 2000, trials: 5, corrupt: 2, orders: 10, eloOrders: 10 };

export interface ReportDataOptions {
  /** The charts whose inputs are needed (default: every chart, as the report shows). */
  charts?: readonly ChartId[];
  /** The method comparison: true, false, or (default) when charts need it and the field has at most COMPARE_AUTO_MODELS models. */
  compare?: boolean;
  /** The corruption and order studies: true, false, or (default) for the whole report of at most STUDIES_AUTO_MODELS models. */
  studies?: boolean;
  /** Each model's cost, for the cost chart. */
  cost?: CostChartData;
  /** The models the charts draw (plot --top N / --models a,b); default: the best up to each chart's limit. */
  choose?: { top?: number; models?: readonly string[] };
  title?: string;
  /** ISO time shown in the report; leave out for byte-identical output. */
  generatedAt?: string;
  /** Worker threads for the comparison and the studies (the same numbers on any count). */
  threads?: number;
  /** The studies' progress: re-rankings done of the current batch's total. */
  onProgress?: (step: string, done: number, total: number) => void;
}

/** The chosen models in the leaderboard's order: the best `top`, or the named ones. */
export function chosenModels(order: readonly string[], choose: { top?: number; models?: readonly string[] }): string[] {
  if (choose.models) {
    const wanted = new Set(choose.models);
    return order.filter((m) => wanted.has(m));
  }
  return order.slice(0, choose.top ?? order.length);
}

async function studySections(
  prepared: PreparedRank,
  threads: number | undefined,
  onProgress?: ReportDataOptions["onProgress"],
): Promise<StudySection[]> {
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
  const batch = rerankOnThreads(threads, undefined, onProgress ? (done, total) => onProgress("report: studies", done, total) : undefined);
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

/**
 * A finished run beside every other ranking method (mean, win rate, Borda, Copeland, Bradley-Terry,
 * Elo, ...), with agreement, tiers and tail risk: `swissround compare`'s result.
 *
 * @example
 * const comparison = await compareRun(await runRankingWithTallies(table), { methods: ["mean", "bradley-terry"] });
 */
export async function compareRun(run: RankRun, options: CompareOptions & { threads?: number } = {}): Promise<ComparisonResult> {
  const { threads, ...compare } = options;
  const { prepared, result } = run;
  return compareRankingsWith(
    { table: prepared.table, plan: prepared.plan, roundScores: prepared.roundScores, rank: result },
    { seed: prepared.config.seed, ...compare },
    methodsOnThreads(threads),
  );
}

/**
 * The report's (or one chart's) data from a finished run.
 *
 * @example
 * const run = await runRankingWithTallies(table, { T: [0, 2] });
 * const data = await reportData(run, { charts: ["sensitivity"] }); // no comparison, no studies
 * const html = renderReport(await reportData(run), readReportRuntime());
 */
export async function reportData(run: RankRun, options: ReportDataOptions = {}): Promise<ReportData> {
  const { prepared, tallies, result } = run;
  const whole = options.charts === undefined;
  const models = prepared.table.models.length;
  const wantsCompare = whole || options.charts?.includes("compare") === true;
  const compare = options.compare ?? (wantsCompare && models <= COMPARE_AUTO_MODELS);
  const comparison = compare ? await compareRun(run, { threads: options.threads }) : undefined;
  const omitted =
    options.compare === undefined && wantsCompare && !compare
      ? {
          compare: `the method comparison is left out above ${COMPARE_AUTO_MODELS} models (this field has ${models}); add --compare to include it, or run swissround compare`,
        }
      : undefined;
  const studies =
    (options.studies ?? (whole && models <= STUDIES_AUTO_MODELS)) ? await studySections(prepared, options.threads, options.onProgress) : [];
  return buildReportData({
    result,
    distributions: distributionsOf(result, tallies),
    roundScores: prepared.roundScores,
    title: options.title,
    generatedAt: options.generatedAt,
    ...(comparison ? comparisonSections(comparison, result) : {}),
    ...(omitted ? { omitted } : {}),
    ...(studies.length > 0 ? { studies } : {}),
    ...(options.cost ? { cost: options.cost } : {}),
    ...(options.choose ? { focus: chosenModels(displayOrder(result), options.choose) } : {}),
  });
}
