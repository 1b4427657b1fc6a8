/**
 * The paper's first figure: E[S_m] at every T, models ordered by E[S] at the harshest T. Drawn
 * horizontally (one row per model) so long model names stay readable; a grey bar spans each model's
 * lowest to highest E[S], so the drop under elimination reads at a glance.
 */
import { fixed, thousands } from "../format.js";
import { type ChartInput, displayOrder, leaderboardSetting, settingName } from "./input.js";
import { baseOption, GRID_LINE, heightFor, labelRoom, MUTED, round, SERIES_COLOURS, SERIES_SYMBOLS } from "./style.js";
import type { ChartSpec } from "./types.js";

/** Charts that list models draw at most this many (the best, by the leaderboard's order). */
export const MAX_CHART_MODELS = 120;

export function sensitivityChart(input: ChartInput): ChartSpec {
  const { result } = input;
  const all = displayOrder(result);
  const shown = all.slice(0, MAX_CHART_MODELS);
  const bySetting = result.results.map((r) => new Map(r.models.map((m) => [m.model, m])));
  const values = shown.map((name) => bySetting.map((s) => s.get(name)?.expectedScore ?? Number.NaN));
  const low = values.map((v) => Math.min(...v));
  const high = values.map((v) => Math.max(...v));
  const maxHalfWidth = 1.96 * Math.max(...result.results.flatMap((r) => r.models.map((m) => m.standardError)));
  const harshest = leaderboardSetting(result);
  const rounds = result.config.plan.rounds.length;

  const option = {
    ...baseOption(),
    legend: { top: 0, data: result.results.map((r) => settingName(r.T)) },
    tooltip: { trigger: "axis" as const, axisPointer: { type: "shadow" as const } },
    grid: { left: labelRoom(shown), right: 24, top: 36, bottom: 44 },
    xAxis: {
      type: "value" as const,
      name: "E[S] (expected win score)",
      nameLocation: "middle" as const,
      nameGap: 28,
      min: 0,
      // Up to the next whole point above the best model: the field, not the empty top of the scale.
      max: Math.min(rounds, Math.ceil(Math.max(...high) + 0.25)),
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    yAxis: { type: "category" as const, data: shown, inverse: true, axisLabel: { fontSize: 11, color: MUTED }, axisTick: { show: false } },
    series: [
      // Invisible base + visible span: a range bar without custom rendering code.
      {
        type: "bar" as const,
        stack: "range",
        data: low.map((v) => round(v)),
        itemStyle: { color: "transparent" },
        barWidth: 3,
        silent: true,
        tooltip: { show: false },
      },
      {
        type: "bar" as const,
        stack: "range",
        data: high.map((v, i) => round(v - low[i])),
        itemStyle: { color: "#cbd2d9" },
        barWidth: 3,
        silent: true,
        tooltip: { show: false },
      },
      ...result.results.map((r, s) => ({
        type: "scatter" as const,
        name: settingName(r.T),
        symbol: SERIES_SYMBOLS[s % SERIES_SYMBOLS.length],
        symbolSize: 9,
        itemStyle: { color: SERIES_COLOURS[s % SERIES_COLOURS.length], opacity: 0.9 },
        data: values.map((v, i) => [round(v[s]), shown[i]]),
      })),
    ],
  };
  const capped =
    all.length > shown.length
      ? ` Only the best ${shown.length} of the ${all.length} models (by E[S] at ${settingName(harshest.T)}) are drawn; the leaderboard lists all.`
      : "";
  const caption =
    `E[S_m], each model's mean final score over N = ${thousands(result.config.runs)} simulated contests (seed ${result.config.seed}), ` +
    `at each elimination setting ${result.results.map((r) => settingName(r.T)).join(", ")}: one marker per setting, and a grey bar from the ` +
    `model's lowest to its highest E[S]. Models are ordered by E[S] at the harshest setting, ${settingName(harshest.T)}, best at the top. ` +
    `A model can win at most ${rounds} points (one per round). Monte Carlo 95% intervals (E[S] +/- 1.96 SE) are at most ` +
    `+/- ${fixed(maxHalfWidth, 3)} wide here.${capped}`;
  return {
    id: "sensitivity",
    title: "Failure sensitivity: E[S] at each T",
    caption,
    variants: [{ label: "all settings", option, height: heightFor(shown.length, 100) }],
    initial: 0,
  };
}
