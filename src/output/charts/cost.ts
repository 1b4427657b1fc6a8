/**
 * Cost against E[S_m]: one point per model with a known cost, one view per T setting, the Pareto
 * frontier coloured and joined by a step line (the best E[S] to be had at each cost). Costs span
 * orders of magnitude, so the cost axis is logarithmic whenever every cost is above 0. Every point
 * is named where there is room (labels.ts); the figure says how many are not.
 */
import { paretoFrontier } from "../../cost/pareto.js";
import { money } from "../render-cost.js";
import { CHOOSE_HINT, type ChartInput, leaderboardSetting, settingName } from "./input.js";
import { axisScale, echartsLabel, padded, placeLabels } from "./labels.js";
import { baseOption, GRID_LINE, INK, MUTED, round, SERIES_COLOURS, titleBlock } from "./style.js";
import { middleEllipsis } from "./text.js";
import type { ChartSpec, ChartVariant } from "./types.js";

const DOMINATED = "#9aa5b1";
export const COST_TITLE = "Cost against E[S]";
export const COST_WIDTH = 1000;
export const COST_HEIGHT = 560;
const FRONT_SIZE = 10;
const POINT_NAME_WIDTH = 180;

export function costChart(input: ChartInput): ChartSpec | undefined {
  const cost = input.cost;
  if (!cost || cost.costs.length === 0) return undefined;
  const byModel = new Map(cost.costs.map((c) => [c.model, c.cost]));
  const logAxis = cost.costs.every((c) => c.cost > 0);
  const focus = input.focus && input.focus.length > 0 ? new Set(input.focus) : undefined;
  const notes: (string | undefined)[] = [];
  const variants = input.result.results.map((setting): ChartVariant => {
    const points = setting.models
      .filter((m) => byModel.has(m.model))
      .map((m) => ({ model: m.model, cost: byModel.get(m.model) as number, value: m.expectedScore, se: m.standardError }));
    const pareto = paretoFrontier(points);
    const front = new Set(pareto.frontier);
    const head = titleBlock(`${COST_TITLE} at ${settingName(setting.T)}`, " ");
    const grid = { left: 72, right: 16, top: head.height + 30, bottom: 52 };
    const [x0, x1] = padded(
      points.map((p) => p.cost),
      0.06,
      logAxis,
    );
    const [y0, y1] = padded(
      points.map((p) => p.value),
      0.08,
    );
    const px = axisScale(x0, x1, grid.left, COST_WIDTH - grid.right, logAxis);
    const py = axisScale(y0, y1, COST_HEIGHT - grid.bottom, grid.top);
    // The frontier first, then by E[S]: the points a reader looks for keep their names.
    const rank = (p: (typeof points)[number]) => (focus && !focus.has(p.model) ? 2 : front.has(p.model) ? 0 : 1);
    const ordered = [...points].sort((a, b) => rank(a) - rank(b) || b.value - a.value || a.model.localeCompare(b.model));
    const text = (m: string) => middleEllipsis(m, POINT_NAME_WIDTH, 10);
    const frame = { x0: grid.left + 1, y0: grid.top, x1: COST_WIDTH - 4, y1: COST_HEIGHT - grid.bottom };
    const spots = placeLabels(
      ordered.map((p) => ({ x: px(p.cost), y: py(p.value), text: text(p.model) })),
      frame,
      FRONT_SIZE / 2,
    );
    const spot = new Map(ordered.map((p, i) => [p.model, focus && !focus.has(p.model) ? undefined : spots[i]]));
    const wanted = points.filter((p) => !focus || focus.has(p.model));
    const unnamed = wanted.filter((p) => !spot.get(p.model)).length;
    const named = wanted.length - unnamed;
    const lacking = `${unnamed} left unnamed for lack of room (hover for names; ${CHOOSE_HINT})`;
    const subtitle = focus
      ? `${named} chosen of ${points.length} points named${unnamed > 0 ? `; ${lacking}` : ""}`
      : unnamed > 0
        ? `${named} of ${points.length} points named; ${lacking}`
        : undefined;
    notes.push(subtitle && `${settingName(setting.T)}: ${subtitle}`);
    const dot = (p: (typeof points)[number], colour: string) => ({
      name: p.model,
      value: [p.cost, round(p.value)],
      label: { ...echartsLabel(spot.get(p.model), colour), formatter: text(p.model) },
    });
    const line = pareto.frontier.map((m) => points.find((p) => p.model === m)).filter((p) => p !== undefined);
    const option = {
      ...baseOption(),
      title: titleBlock(`${COST_TITLE} at ${settingName(setting.T)}`, subtitle).title,
      legend: { top: head.height, itemGap: 24 },
      tooltip: { trigger: "item" as const },
      grid,
      xAxis: {
        type: logAxis ? ("log" as const) : ("value" as const),
        name: `cost: ${cost.unit}${logAxis ? " (log scale)" : ""}`,
        nameLocation: "middle" as const,
        nameGap: 30,
        min: x0,
        max: x1,
        axisLabel: { showMinLabel: false, showMaxLabel: false },
        splitLine: { lineStyle: { color: GRID_LINE } },
      },
      yAxis: {
        type: "value" as const,
        name: `E[S] at ${settingName(setting.T)}`,
        nameLocation: "middle" as const,
        nameGap: 50,
        min: round(y0),
        max: round(y1),
        axisLabel: { showMinLabel: false, showMaxLabel: false },
        splitLine: { lineStyle: { color: GRID_LINE } },
      },
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
          symbolSize: FRONT_SIZE,
          itemStyle: { color: SERIES_COLOURS[0] },
          data: points.filter((p) => front.has(p.model)).map((p) => dot(p, INK)),
        },
        {
          type: "scatter" as const,
          name: "dominated",
          symbol: "diamond",
          symbolSize: 8,
          itemStyle: { color: DOMINATED, opacity: 0.8 },
          data: points.filter((p) => !front.has(p.model)).map((p) => dot(p, MUTED)),
        },
      ],
    };
    return { label: settingName(setting.T), option, height: COST_HEIGHT, width: COST_WIDTH };
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
    "the step line through them is the best E[S] to be had at each cost. Grey diamonds are dominated. Names are placed so that none overlaps another or a point." +
    unknown +
    notes.map((n) => (n ? ` ${n}.` : "")).join("");
  const leftOut = notes[initial] ?? notes.find((n) => n !== undefined);
  return { id: "cost", title: COST_TITLE, caption, variants, initial, ...(leftOut ? { leftOut } : {}) };
}
