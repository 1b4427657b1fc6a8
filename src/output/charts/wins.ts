/**
 * Pairwise win matrices as heatmaps: cell (row i, column j) is the share of rounds in which model i's
 * round score beats model j's; one variant per round shows that round's wins and losses alone.
 */
import { type ChartInput, chartModels, settingName } from "./input.js";
import { baseOption, DIVERGING, MUTED, modelLabels, round, titleBlock } from "./style.js";
import type { ChartSpec, ChartVariant } from "./types.js";
import { MAX_WIN_MODELS } from "./win-matrix.js";

export const WINS_TITLE = "Pairwise win matrix";
/** Font of the names on both axes, and the cell side: a cell is taller than a label, so vertical column names never touch. */
export const WIN_LABEL_SIZE = 10;
export const WIN_CELL = 16;
const WIN_NAME_WIDTH = 200;

function heatmap(
  models: readonly string[],
  matrix: readonly number[][],
  seriesName: string,
  label: string,
  subtitle: string | undefined,
  fullNames: boolean,
): ChartVariant {
  const { labels, room } = modelLabels(models, WIN_LABEL_SIZE, WIN_NAME_WIDTH);
  const cut = labels.map((l, i) => l !== models[i]);
  const data: ([number, number, number] | { name: string; value: [number, number, number] })[] = [];
  // A cell whose pair has a cut name names the pair in full for the tooltip; only in the overall
  // view, which keeps a report of 60 models and 24 rounds small.
  matrix.forEach((row, i) =>
    row.forEach((v, j) => {
      if (i === j) return;
      const cell: [number, number, number] = [j, i, round(v, 3)];
      data.push(fullNames && (cut[i] || cut[j]) ? { name: `${models[i]} vs ${models[j]}`, value: cell } : cell);
    }),
  );
  const side = Math.max(240, models.length * WIN_CELL);
  const head = titleBlock(`${WINS_TITLE}: ${label}`, subtitle);
  const top = head.height + 8;
  const option = {
    ...baseOption(),
    title: head.title,
    tooltip: { trigger: "item" as const },
    grid: { left: room + 18, top, width: side, height: side },
    xAxis: {
      type: "category" as const,
      data: labels,
      name: "column model",
      nameLocation: "middle" as const,
      nameGap: room + 6,
      position: "bottom" as const,
      // Vertical names: one per cell whatever the field size, never overlapping.
      axisLabel: { rotate: 90, fontSize: WIN_LABEL_SIZE, color: MUTED, interval: 0 },
      axisTick: { show: false },
    },
    yAxis: {
      type: "category" as const,
      data: labels,
      name: "row model",
      nameLocation: "middle" as const,
      nameGap: room + 4,
      inverse: true,
      axisLabel: { fontSize: WIN_LABEL_SIZE, color: MUTED, interval: 0 },
      axisTick: { show: false },
    },
    visualMap: {
      min: 0,
      max: 1,
      orient: "vertical" as const,
      left: room + 18 + side + 24,
      top,
      itemHeight: Math.min(200, side),
      text: ["row wins", "row loses"],
      inRange: { color: DIVERGING },
    },
    series: [{ type: "heatmap" as const, name: seriesName, data, emphasis: { itemStyle: { borderColor: "#000", borderWidth: 1 } } }],
  };
  return { label, option, height: top + side + room + 36, width: room + 18 + side + 120 };
}

export function winsChart(input: ChartInput): ChartSpec {
  const w = input.wins;
  const subset = chartModels(input, MAX_WIN_MODELS);
  const note = w.fieldSize > w.models.length ? subset.note : undefined;
  const variants: ChartVariant[] = [
    heatmap(w.models, w.overall, "share of rounds the row model beats the column model", "all rounds", note, true),
    ...w.rounds.map((r, k) =>
      heatmap(w.models, r.matrix, `round ${k + 1} (${r.name}): 1 = row wins, 0.5 = tie`, `round ${k + 1}: ${r.name}`, note, false),
    ),
  ];
  const T = input.result.results.map((r) => settingName(r.T));
  const tol = input.result.config.tieTolerance;
  const notes: string[] = [];
  if (note) notes.push(`Drawn: the ${note}.`);
  if (w.roundCount > w.rounds.length)
    notes.push(
      `Per-round views are given for the first ${w.rounds.length} of the ${w.roundCount} rounds; "all rounds" covers every round.`,
    );
  const caption =
    `The match results the simulation draws on. In a round, the model with the higher round score (the mean of the round's benchmarks) ` +
    `wins the match; ${tol > 0 ? `a difference within ${tol}` : "an exact tie"} is a coin flip, counted 1/2 here. "All rounds" shows, ` +
    `for each pair, the share of the ${w.roundCount} rounds in which the row model beats the column model (blue: the row model usually wins, ` +
    `red: it usually loses); the selector shows one round at a time. Models are in the leaderboard's order. These matrices do not depend ` +
    `on T (${T.join(", ")}): elimination decides who meets whom, not who wins. ${notes.join(" ")}`.trim();
  return { id: "wins", title: `${WINS_TITLE} per round`, caption, variants, initial: 0, ...(note ? { leftOut: note } : {}) };
}
