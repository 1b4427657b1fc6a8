/**
 * The method comparison as a bump chart: one column per ranking method, one line per model through
 * its rank under each method, so the models whose standing depends on the method stand out.
 */
import { type ChartInput, methodsInOrder } from "./input.js";
import { baseOption, GRID_LINE, heightFor, labelRoom, MUTED, SERIES_COLOURS } from "./style.js";
import type { ChartSpec } from "./types.js";

/** Lines beyond this many models are unreadable: the best by the reference method are drawn. */
export const MAX_COMPARE_MODELS = 30;

/** Undefined until a method comparison has been computed. */
export function compareChart(input: ChartInput): ChartSpec | undefined {
  const c = input.comparison;
  if (!c || c.methods.length < 2) return undefined;
  const methods = methodsInOrder(c);
  const first = methods[0];
  const order = c.models
    .map((_, i) => i)
    .sort((a, b) => first.ranks[a] - first.ranks[b])
    .slice(0, MAX_COMPARE_MODELS);
  const worst = Math.max(...methods.flatMap((m) => order.map((i) => m.ranks[i])));
  const names = order.map((i) => c.models[i]);
  const option = {
    ...baseOption(),
    tooltip: { trigger: "item" as const },
    grid: { left: 48, right: labelRoom(names), top: 64, bottom: 24 },
    xAxis: {
      type: "category" as const,
      data: methods.map((m) => m.name),
      position: "top" as const,
      // Long method names wrap inside their column instead of overlapping.
      axisLabel: { interval: 0, fontSize: 10, width: 76, overflow: "break" as const, lineHeight: 12 },
      boundaryGap: false,
    },
    yAxis: {
      type: "value" as const,
      inverse: true,
      min: 1,
      max: worst,
      name: "rank",
      splitLine: { lineStyle: { color: GRID_LINE } },
      axisLabel: { color: MUTED },
    },
    series: order.map((i, n) => ({
      type: "line" as const,
      name: c.models[i],
      symbolSize: 6,
      lineStyle: { width: 1.5, color: SERIES_COLOURS[n % SERIES_COLOURS.length] },
      itemStyle: { color: SERIES_COLOURS[n % SERIES_COLOURS.length] },
      endLabel: { show: true, formatter: "{a}", fontSize: 10, color: MUTED },
      emphasis: { focus: "series" as const },
      data: methods.map((m) => m.ranks[i]),
    })),
  };
  const capped = c.models.length > order.length ? ` The best ${order.length} of ${c.models.length} models by ${first.name} are drawn.` : "";
  const caption =
    `Each line is a model and each column a ranking method; the line passes through the model's rank under that method (1 = best, at the ` +
    `top), starting from ${first.name} on the left; hover a line to pick it out. Crossing lines are models the methods ` +
    `disagree on. Each method's definition is listed under "Ranks under every method".${capped}`;
  return {
    id: "compare",
    title: "CSD beside other ranking methods",
    caption,
    variants: [{ label: "ranks", option, height: heightFor(order.length, 90, 360) }],
    initial: 0,
  };
}
