/** Every chart by id: the report, the plot command and the dashboard draw from this one list. */
import { compareChart } from "./compare.js";
import { costChart } from "./cost.js";
import type { ChartInput } from "./input.js";
import { intervalsChart } from "./intervals.js";
import { ranksChart } from "./ranks.js";
import { robustnessChart } from "./robustness.js";
import { sensitivityChart } from "./sensitivity.js";
import type { ChartId, ChartSpec } from "./types.js";
import { winsChart } from "./wins.js";

const BUILDERS: Record<ChartId, (input: ChartInput) => ChartSpec | undefined> = {
  intervals: intervalsChart,
  sensitivity: sensitivityChart,
  robustness: robustnessChart,
  ranks: ranksChart,
  wins: winsChart,
  compare: compareChart,
  cost: costChart,
};

/** Why a chart can be missing, for the CLI's error and the report's placeholder. */
export const UNAVAILABLE: Record<ChartId, string> = {
  intervals: "",
  sensitivity: "",
  robustness: "the robustness scatter needs at least two T settings (for example --T 0,2)",
  ranks: "",
  wins: "",
  compare: "the method comparison has not been computed for this run",
  cost: "the cost chart needs costs: per-item costs, aider's total_cost, a cost column in a long table, --costs FILE, or per-item tokens with --prices FILE",
};

export function buildChart(id: ChartId, input: ChartInput): ChartSpec | undefined {
  return BUILDERS[id](input);
}

/** The charts this input can draw, in report order. */
export function buildCharts(input: ChartInput): ChartSpec[] {
  return (Object.keys(BUILDERS) as ChartId[]).map((id) => buildChart(id, input)).filter((c): c is ChartSpec => c !== undefined);
}

export type { ChartInput, CostChartData, MethodComparison, RankDistribution } from "./input.js";
export type { ChartId, ChartOption, ChartSpec, ChartVariant } from "./types.js";
export { CHART_IDS } from "./types.js";
