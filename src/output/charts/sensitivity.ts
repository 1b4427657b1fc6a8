/**
 * The paper's first figure: E[S_m] at every T, models ordered by E[S] at the harshest T. Drawn
 * horizontally (one row per model) so long model names stay readable; a grey bar spans each model's
 * lowest to highest E[S], so the drop under elimination reads at a glance. A second view is the
 * paper's Delta E bar chart: one bar per model, sorted.
 */
import { fixed, thousands } from "../format.js";
import { type ChartInput, chartModels, leaderboardSetting, type ModelSubset, settingName } from "./input.js";
import {
  baseOption,
  GRID_LINE,
  heightFor,
  LABEL_COLOURS,
  modelAxis,
  modelLabels,
  rangeBars,
  round,
  SERIES_COLOURS,
  SERIES_SYMBOLS,
  titleBlock,
} from "./style.js";
import type { ChartSpec, ChartVariant } from "./types.js";

/** Charts that list models draw at most this many (the best, by the leaderboard's order). */
export const MAX_CHART_MODELS = 120;

export const SENSITIVITY_TITLE = "Failure sensitivity: E[S] at each T";
export const DELTA_TITLE = "Delta E per model";

function scoresVariant(input: ChartInput, subset: ModelSubset): ChartVariant {
  const { result } = input;
  const shown = subset.shown;
  const { labels, room } = modelLabels(shown);
  const bySetting = result.results.map((r) => new Map(r.models.map((m) => [m.model, m])));
  const values = shown.map((name) => bySetting.map((s) => s.get(name)?.expectedScore ?? Number.NaN));
  const low = values.map((v) => Math.min(...v));
  const high = values.map((v) => Math.max(...v));
  const rounds = result.config.plan.rounds.length;
  const head = titleBlock(SENSITIVITY_TITLE, subset.note);
  const option = {
    ...baseOption(),
    title: head.title,
    legend: { top: head.height, itemGap: 24, itemWidth: 14, data: result.results.map((r) => settingName(r.T)) },
    tooltip: { trigger: "item" as const },
    grid: { left: room, right: 24, top: head.height + 30, bottom: 44 },
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
    yAxis: modelAxis(labels),
    series: [
      // Each model's range of E[S] over the settings.
      ...rangeBars("range", low, high, { colour: "#cbd2d9", width: 3 }),
      ...result.results.map((r, s) => ({
        type: "scatter" as const,
        name: settingName(r.T),
        symbol: SERIES_SYMBOLS[s % SERIES_SYMBOLS.length],
        symbolSize: 9,
        itemStyle: { color: SERIES_COLOURS[s % SERIES_COLOURS.length], opacity: 0.9 },
        // The full name for the tooltip; the axis shows the short label.
        data: values.map((v, i) => ({ name: shown[i], value: [round(v[s]), labels[i]] })),
      })),
    ],
  };
  return { label: "E[S] per T", option, height: heightFor(shown.length, head.height + 80) };
}

/** The paper's Delta E bars: one per model, sorted from the largest gain to the largest loss. */
function deltaVariant(input: ChartInput, subset: ModelSubset): ChartVariant | undefined {
  const s = input.result.sensitivity;
  if (!s) return undefined;
  const wanted = new Set(subset.shown);
  const models = s.models.filter((m) => wanted.has(m.model)).sort((a, b) => b.deltaE - a.deltaE || a.model.localeCompare(b.model));
  const { labels, room } = modelLabels(models.map((m) => m.model));
  const head = titleBlock(`${DELTA_TITLE}: E[S | ${settingName(s.harshestLabel)}] - E[S | ${settingName(s.baselineLabel)}]`, subset.note);
  const option = {
    ...baseOption(),
    title: head.title,
    tooltip: { trigger: "item" as const },
    grid: { left: room, right: 32, top: head.height + 12, bottom: 44 },
    xAxis: {
      type: "value" as const,
      name: "Delta E (change in expected win score)",
      nameLocation: "middle" as const,
      nameGap: 28,
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    yAxis: modelAxis(labels),
    series: [
      {
        type: "bar" as const,
        name: "Delta E",
        barMaxWidth: 14,
        data: models.map((m) => ({ name: m.model, value: round(m.deltaE), itemStyle: { color: LABEL_COLOURS[m.label] } })),
      },
    ],
  };
  return { label: "Delta E", option, height: heightFor(models.length, head.height + 70) };
}

export function sensitivityChart(input: ChartInput): ChartSpec {
  const { result } = input;
  const subset = chartModels(input, MAX_CHART_MODELS);
  const harshest = leaderboardSetting(result);
  const rounds = result.config.plan.rounds.length;
  const maxHalfWidth = 1.96 * Math.max(...result.results.flatMap((r) => r.models.map((m) => m.standardError)));
  const delta = deltaVariant(input, subset);
  const capped = subset.note ? ` Drawn: the ${subset.note}; the leaderboard lists all.` : "";
  const caption =
    `E[S_m], each model's mean final score over N = ${thousands(result.config.runs)} simulated contests (seed ${result.config.seed}), ` +
    `at each elimination setting ${result.results.map((r) => settingName(r.T)).join(", ")}: one marker per setting, and a grey bar from the ` +
    `model's lowest to its highest E[S]. Models are ordered by E[S] at the harshest setting, ${settingName(harshest.T)}, best at the top. ` +
    `A model can win at most ${rounds} points (one per round). Monte Carlo 95% intervals (E[S] +/- 1.96 SE) are at most ` +
    `+/- ${fixed(maxHalfWidth, 3)} wide here.` +
    (delta ? " The \"Delta E\" view is the paper's bar chart: each model's Delta E, sorted, coloured by its label." : "") +
    capped;
  return {
    id: "sensitivity",
    title: SENSITIVITY_TITLE,
    caption,
    variants: [scoresVariant(input, subset), ...(delta ? [delta] : [])],
    initial: 0,
    ...(subset.note ? { leftOut: subset.note } : {}),
  };
}
