/**
 * The method comparison as a bump chart: one column per ranking method, one line per model through
 * its rank under each method, so the models whose standing depends on the method stand out.
 */
import { CHOOSE_HINT, type ChartInput, methodsInOrder } from "./input.js";
import { baseOption, GRID_LINE, heightFor, MUTED, modelLabels, seriesLook, titleBlock } from "./style.js";
import type { ChartSpec } from "./types.js";

/** Lines beyond this many models are unreadable: the best by the reference method are drawn. */
export const MAX_COMPARE_MODELS = 30;
export const COMPARE_TITLE = "CSD beside other ranking methods";
/** Pixels between method columns: a header wraps inside its column and never reaches the next. */
export const METHOD_COLUMN = 92;
const LEFT = 60;
const NAME_SIZE = 10;
/** Vertical room per direct label at the right end of the lines. */
const LABEL_STEP = 12;

/** The end labels' vertical offsets: each at its line's end, pushed down just enough to clear the one above. */
export function spreadLabels(ys: readonly number[], step = LABEL_STEP): number[] {
  const order = ys.map((_, i) => i).sort((a, b) => ys[a] - ys[b] || a - b);
  const out = new Array<number>(ys.length).fill(0);
  let last = Number.NEGATIVE_INFINITY;
  for (const i of order) {
    const y = Math.max(ys[i], last + step);
    out[i] = y - ys[i];
    last = y;
  }
  return out;
}

/** Undefined until a method comparison has been computed. */
export function compareChart(input: ChartInput): ChartSpec | undefined {
  const c = input.comparison;
  if (!c || c.methods.length < 2) return undefined;
  const methods = methodsInOrder(c);
  const first = methods[0];
  const last = methods[methods.length - 1];
  const chosen = input.focus && input.focus.length > 0 ? new Set(input.focus) : undefined;
  const pool = c.models.map((_, i) => i).filter((i) => !chosen || chosen.has(c.models[i]));
  const order = pool.sort((a, b) => first.ranks[a] - first.ranks[b] || a - b).slice(0, MAX_COMPARE_MODELS);
  const leftOut =
    order.length < c.models.length
      ? chosen
        ? `${order.length} chosen of ${c.models.length} models${pool.length > order.length ? ` (the chart holds ${MAX_COMPARE_MODELS}: the best by ${first.name})` : ""}`
        : `top ${order.length} of ${c.models.length} models by ${first.name}; ${CHOOSE_HINT}`
      : undefined;
  const worst = Math.max(2, ...methods.flatMap((m) => order.map((i) => m.ranks[i])));
  const names = order.map((i) => c.models[i]);
  const { labels, room } = modelLabels(names, NAME_SIZE);
  const head = titleBlock(COMPARE_TITLE, leftOut);
  const top = head.height + 52;
  const bottom = 36;
  const height = heightFor(order.length, top + bottom, 360);
  // Direct labels at the right end: placed from the known pixel height, so ties never overprint.
  const plot = height - top - bottom;
  const yOf = (rank: number) => ((rank - 1) / (worst - 1)) * plot;
  const shifts = spreadLabels(order.map((i) => yOf(last.ranks[i])));
  const width = LEFT + (methods.length - 1) * METHOD_COLUMN + room + 16;
  const option = {
    ...baseOption(),
    title: head.title,
    tooltip: { trigger: "item" as const },
    grid: { left: LEFT, right: room + 8, top, bottom },
    xAxis: {
      type: "category" as const,
      data: methods.map((m) => m.name),
      name: "ranking method",
      nameLocation: "middle" as const,
      nameGap: 22,
      position: "top" as const,
      // Long method names wrap inside their column instead of overlapping.
      axisLabel: { interval: 0, fontSize: 10, width: METHOD_COLUMN - 8, overflow: "break" as const, lineHeight: 12 },
      boundaryGap: false,
    },
    yAxis: {
      type: "value" as const,
      inverse: true,
      min: 1,
      max: worst,
      name: "rank (1 = best)",
      nameLocation: "middle" as const,
      nameGap: 36,
      splitLine: { lineStyle: { color: GRID_LINE } },
      axisLabel: { color: MUTED },
    },
    series: order.map((i, n) => {
      const look = seriesLook(n);
      return {
        type: "line" as const,
        name: c.models[i],
        symbol: look.symbol,
        symbolSize: 7,
        lineStyle: { width: 1.5, color: look.colour, type: look.dash },
        itemStyle: { color: look.colour },
        emphasis: { focus: "series" as const },
        data: methods.map((m, k) =>
          k === methods.length - 1
            ? {
                // The (possibly cut) label by the line's end; the series keeps the full name for the tooltip.
                name: labels[n],
                value: m.ranks[i],
                label: {
                  show: true,
                  position: "right" as const,
                  offset: [4, Math.round(shifts[n])],
                  formatter: "{b}",
                  fontSize: NAME_SIZE,
                  color: MUTED,
                },
              }
            : m.ranks[i],
        ),
      };
    }),
  };
  const capped = leftOut ? ` Drawn: the ${leftOut}.` : "";
  const caption =
    `Each line is a model and each column a ranking method; the line passes through the model's rank under that method (1 = best, at the ` +
    `top), starting from ${first.name} on the left; hover a line to pick it out. Crossing lines are models the methods ` +
    `disagree on. Lines differ by colour, then marker and dash (no two alike), and are named at their right end. ` +
    `Each method's definition is listed under "Ranks under every method".${capped}`;
  return {
    id: "compare",
    title: COMPARE_TITLE,
    caption,
    variants: [{ label: "ranks", option, height, width }],
    initial: 0,
    ...(leftOut ? { leftOut } : {}),
  };
}
