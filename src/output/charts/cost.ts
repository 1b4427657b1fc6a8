/**
 * Cost against E[S_m]: one point per model with a known cost, one view per T setting, the Pareto
 * frontier coloured and joined by a step line (the best E[S] to be had at each cost). Costs span
 * orders of magnitude, so the cost axis is logarithmic whenever every cost is above 0.
 */
import { paretoFrontier } from "../../cost/pareto.js";
import { money } from "../render-cost.js";
import { type ChartInput, leaderboardSetting, settingName } from "./input.js";
import { baseOption, GRID_LINE, INK, MUTED, round, SERIES_COLOURS } from "./style.js";
import type { ChartSpec, ChartVariant } from "./types.js";

/** Up to this many models every point is named; above, only the frontier is. */
const NAME_ALL_UP_TO = 40;
const DOMINATED = "#9aa5b1";

export function costChart(input: ChartInput): ChartSpec | undefined {
  const cost = input.cost;
  if (!cost || cost.costs.length === 0) return undefined;
  const byModel = new Map(cost.costs.map((c) => [c.model, c.cost]));
  const logAxis = cost.costs.every((c) => c.cost > 0);
  const variants = input.result.results.map((setting): ChartVariant => {
    const points = setting.models
      .filter((m) => byModel.has(m.model))
      .map((m) => ({ model: m.model, cost: byModel.get(m.model) as number, value: m.expectedScore, se: m.standardError }));
    const pareto = paretoFrontier(points);
    const front = new Set(pareto.frontier);
    const nameAll = points.length <= NAME_ALL_UP_TO;
    const dot = (p: (typeof points)[number]) => ({
      name: p.model,
      value: [p.cost, round(p.value)],
      label: { show: nameAll || front.has(p.model) },
    });
    const line = pareto.frontier.map((m) => points.find((p) => p.model === m)).filter((p) => p !== undefined);
    const option = {
      ...baseOption(),
      legend: { top: 0, itemGap: 24 },
      tooltip: { trigger: "item" as const },
      grid: { left: 64, right: 150, top: 48, bottom: 52 },
      xAxis: {
        type: logAxis ? ("log" as const) : ("value" as const),
        name: `cost: ${cost.unit}${logAxis ? " (log scale)" : ""}`,
        nameLocation: "middle" as const,
        nameGap: 30,
        splitLine: { lineStyle: { color: GRID_LINE } },
      },
      yAxis: {
        type: "value" as const,
        name: `E[S] at ${settingName(setting.T)}`,
        nameLocation: "middle" as const,
        nameGap: 46,
        scale: true,
        splitLine: { lineStyle: { color: GRID_LINE } },
      },
      labelLayout: { hideOverlap: true },
      series: [
        {
          type: "line" as const,
          name: "Pareto frontier",
          step: "end" as const,
          symbol: "none",
          lineStyle: { color: SERIES_COLOURS[0], width: 1.5 },
          itemStyle: { color: SERIES_COLOURS[0] },
          tooltip: { show: false },
          data: line.map((p) => [p.cost, round(p.value)]),
        },
        {
          type: "scatter" as const,
          name: "on the frontier",
          symbolSize: 10,
          itemStyle: { color: SERIES_COLOURS[0] },
          // Above the point: the step line leaves it to the right and reaches it from below.
          label: { show: true, position: "top" as const, fontSize: 10, color: INK, formatter: "{b}" },
          data: points.filter((p) => front.has(p.model)).map(dot),
        },
        {
          type: "scatter" as const,
          name: "dominated",
          symbolSize: 7,
          itemStyle: { color: DOMINATED, opacity: 0.8 },
          label: { show: true, position: "right" as const, fontSize: 10, color: MUTED, formatter: "{b}" },
          data: points.filter((p) => !front.has(p.model)).map(dot),
        },
      ],
    };
    return { label: settingName(setting.T), option, height: 520 };
  });
  const initial = Math.max(0, input.result.results.indexOf(leaderboardSetting(input.result)));
  const shown = variants.length > 0 ? cost.costs.length : 0;
  const cheapest = [...cost.costs].sort((a, b) => a.cost - b.cost)[0];
  const unknown =
    cost.unknown.length > 0
      ? ` ${cost.unknown.length} model${cost.unknown.length === 1 ? " has" : "s have"} no known cost and ${cost.unknown.length === 1 ? "is" : "are"} not drawn (an unknown cost is never taken as 0).`
      : "";
  const caption =
    `Each point is one of ${shown} models with a known cost: x = its cost (${cost.unit}${logAxis ? ", log scale" : ""}; cheapest ${cheapest.model} at ${money(cheapest.cost)}), ` +
    "y = its E[S] at the chosen T. Blue points are the Pareto frontier: no other model costs no more and has an E[S] no lower (one of the two strictly); " +
    "the step line through them is the best E[S] to be had at each cost. Grey points are dominated." +
    unknown;
  return { id: "cost", title: "Cost against E[S]", caption, variants, initial };
}
