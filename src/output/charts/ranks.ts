/**
 * Final-rank distributions as a heatmap: one row per model, one column per final position (or bin of
 * positions), shaded by the share of contests the model finished there. One variant per T setting.
 */
import { percent, thousands } from "../format.js";
import { type ChartInput, chartModels, leaderboardSetting, type ModelSubset, type RankDistribution, settingName } from "./input.js";
import { MAX_CHART_MODELS } from "./sensitivity.js";
import { baseOption, heightFor, MUTED, modelAxis, modelLabels, round, SEQUENTIAL, titleBlock } from "./style.js";
import type { ChartSpec, ChartVariant } from "./types.js";

/** At most this many position columns are drawn (neighbouring bins are merged above it). */
export const MAX_POSITION_COLUMNS = 100;

interface Columns {
  labels: string[];
  /** Merged shares, rows in input model order. */
  rows: number[][];
  width: number;
}

/** Merges neighbouring position bins so that at most MAX_POSITION_COLUMNS remain. */
function columnsOf(d: RankDistribution, fieldSize: number): Columns {
  const bins = d.rows[0]?.length ?? 0;
  const merge = Math.ceil(bins / MAX_POSITION_COLUMNS);
  const width = d.binWidth * merge;
  const count = Math.ceil(bins / merge);
  const labels = Array.from({ length: count }, (_, c) => {
    const first = c * width + 1;
    const last = Math.min(fieldSize, (c + 1) * width);
    return first === last ? String(first) : `${first}-${last}`;
  });
  const rows = d.rows.map((row) => {
    const out = new Array<number>(count).fill(0);
    row.forEach((share, b) => (out[Math.floor(b / merge)] += share));
    return out;
  });
  return { labels, rows, width };
}

/**
 * The share at which the colour saturates: the 98th percentile of the non-zero cells, so that one
 * dominant cell (a clear leader) does not wash out every other row.
 */
function saturation(shares: number[]): number {
  const sorted = [...shares].sort((a, b) => a - b);
  return sorted.length === 0 ? 1 : Math.max(0.01, sorted[Math.floor(0.98 * (sorted.length - 1))]);
}

export const RANKS_TITLE = "Share of contests finishing in each position";

function variant(input: ChartInput, index: number, subset: ModelSubset): ChartVariant & { width: number } {
  const setting = input.result.results[index];
  const names = input.result.config.input.models;
  const row = new Map(names.map((n, i) => [n, i]));
  // The chosen models in this setting's order.
  const wanted = new Set(subset.shown);
  const order = setting.models.map((m) => m.model).filter((m) => wanted.has(m));
  const { labels, room } = modelLabels(order);
  const cols = columnsOf(input.distributions[index], names.length);
  const data: ([number, number, number] | { name: string; value: [number, number, number] })[] = [];
  const shares: number[] = [];
  order.forEach((name, y) => {
    cols.rows[row.get(name) as number].forEach((share, x) => {
      // Zero cells stay blank: smaller files, and "never" reads as empty.
      if (share <= 0) return;
      const cell: [number, number, number] = [x, y, round(share)];
      // A cut name keeps its full form in the tooltip (only those cells carry it: smaller pages).
      data.push(labels[y] === name ? cell : { name, value: cell });
      shares.push(cell[2]);
    });
  });
  const max = saturation(shares);
  const head = titleBlock(`${RANKS_TITLE} (${settingName(setting.T)})`, subset.note);
  const option = {
    ...baseOption(),
    title: head.title,
    tooltip: { trigger: "item" as const },
    grid: { left: room, right: 24, top: head.height + 24, bottom: 86 },
    xAxis: {
      type: "category" as const,
      data: cols.labels,
      name: "final position",
      nameLocation: "middle" as const,
      nameGap: 26,
      splitArea: { show: false },
      axisLabel: { fontSize: 10, color: MUTED },
    },
    yAxis: modelAxis(labels),
    visualMap: {
      min: 0,
      max: round(max),
      calculable: false,
      orient: "horizontal" as const,
      left: "center",
      bottom: 4,
      itemHeight: 160,
      text: [`${percent(max, 0)} or more`, "0"],
      inRange: { color: SEQUENTIAL },
    },
    series: [
      {
        type: "heatmap" as const,
        name: `share of contests (${settingName(setting.T)})`,
        data,
        emphasis: { itemStyle: { borderColor: "#000", borderWidth: 1 } },
      },
    ],
  };
  return { label: settingName(setting.T), option, height: heightFor(order.length, 146 + head.height), width: cols.width };
}

export function ranksChart(input: ChartInput): ChartSpec {
  const { result } = input;
  const subset = chartModels(input, MAX_CHART_MODELS);
  const variants = result.results.map((_, i) => variant(input, i, subset));
  const start = result.results.indexOf(leaderboardSetting(result));
  const M = result.config.input.models.length;
  const binned = variants.some((v) => v.width > 1)
    ? ` Positions are grouped ${variants[start].width} to a column (the field has ${M} models).`
    : "";
  const capped = subset.note ? ` Drawn: the ${subset.note}.` : "";
  const caption =
    `For each model (rows, ordered by E[S] at the chosen setting), the share of the N = ${thousands(result.config.runs)} simulated contests ` +
    `in which it finished in each final position (columns, 1 = first); darker = more often (the darkest shade is reached at the 98th percentile of the cells), blank = never. Final position orders the ` +
    `models by final score in that contest, with ties broken by a fair draw; each row sums to 100%. ` +
    `The selector shows another T setting.${binned}${capped}`;
  return {
    id: "ranks",
    title: RANKS_TITLE,
    caption,
    variants: variants.map(({ label, option, height }) => ({ label, option, height })),
    initial: start,
    ...(subset.note ? { leftOut: subset.note } : {}),
  };
}
