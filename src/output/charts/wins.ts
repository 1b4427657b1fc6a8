/**
 * Pairwise win matrices as heatmaps: cell (row i, column j) is the share of rounds in which model i's
 * round score beats model j's; one variant per round shows that round's wins and losses alone.
 */
import { type ChartInput, settingName } from "./input.js";
import { baseOption, DIVERGING, labelRoom, MUTED, round } from "./style.js";
import type { ChartSpec, ChartVariant } from "./types.js";

function heatmap(models: readonly string[], matrix: readonly number[][], seriesName: string, label: string): ChartVariant {
  const data: [number, number, number][] = [];
  matrix.forEach((row, i) => row.forEach((v, j) => i !== j && data.push([j, i, round(v, 3)])));
  const room = labelRoom(models, 200);
  const side = Math.max(240, models.length * 16);
  const option = {
    ...baseOption(),
    tooltip: { trigger: "item" as const },
    grid: { left: room, top: 16, width: side, height: side },
    xAxis: {
      type: "category" as const,
      data: [...models],
      position: "bottom" as const,
      axisLabel: { rotate: 60, fontSize: 10, color: MUTED, interval: 0 },
      axisTick: { show: false },
    },
    yAxis: {
      type: "category" as const,
      data: [...models],
      inverse: true,
      axisLabel: { fontSize: 10, color: MUTED, interval: 0 },
      axisTick: { show: false },
    },
    visualMap: {
      min: 0,
      max: 1,
      orient: "vertical" as const,
      left: room + side + 24,
      top: 16,
      itemHeight: Math.min(200, side),
      text: ["row wins", "row loses"],
      inRange: { color: DIVERGING },
    },
    series: [{ type: "heatmap" as const, name: seriesName, data, emphasis: { itemStyle: { borderColor: "#000", borderWidth: 1 } } }],
  };
  return { label, option, height: side + room + 32, width: room + side + 120 };
}

export function winsChart(input: ChartInput): ChartSpec {
  const w = input.wins;
  const variants: ChartVariant[] = [
    heatmap(w.models, w.overall, "share of rounds the row model beats the column model", "all rounds"),
    ...w.rounds.map((r, k) =>
      heatmap(w.models, r.matrix, `round ${k + 1} (${r.name}): 1 = row wins, 0.5 = tie`, `round ${k + 1}: ${r.name}`),
    ),
  ];
  const T = input.result.results.map((r) => settingName(r.T));
  const tol = input.result.config.tieTolerance;
  const notes: string[] = [];
  if (w.fieldSize > w.models.length)
    notes.push(`Only the best ${w.models.length} of the ${w.fieldSize} models (by the leaderboard's order) are drawn.`);
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
  return { id: "wins", title: "Pairwise win matrix per round", caption, variants, initial: 0 };
}
