/**
 * E[S] with a 95% interval per model, one row per model, best at the top: the style of Chatbot
 * Arena's rating plot and rliable's interval plots. With --bootstrap the interval is the data's
 * (items or standard errors resampled, Monte Carlo included); without, it is the Monte Carlo
 * interval alone (E[S] +/- 1.96 SE), and the caption says that the data's uncertainty is missing.
 */
import type { BootstrapResult } from "../../run/bootstrap.js";
import type { SettingResult } from "../../run/result.js";
import type { RobustnessLabel } from "../../run/sensitivity.js";
import { thousands } from "../format.js";
import { type ChartInput, chartModels, leaderboardSetting, type ModelSubset, settingName } from "./input.js";
import { MAX_CHART_MODELS } from "./sensitivity.js";
import {
  baseOption,
  GRID_LINE,
  heightFor,
  LABEL_COLOURS,
  LABEL_SYMBOLS,
  modelAxis,
  modelLabels,
  rangeBars,
  round,
  SERIES_COLOURS,
  titleBlock,
} from "./style.js";
import type { ChartSpec, ChartVariant } from "./types.js";

const Z95 = 1.96;
const LABEL_ORDER: RobustnessLabel[] = ["generalist", "balanced", "specialist", "undetermined"];

interface Row {
  model: string;
  point: number;
  low: number;
  high: number;
}

/** One setting's rows, by E[S] (best first): the bootstrap's interval when there is one, else the Monte Carlo one. */
function rowsFor(r: SettingResult, uncertainty: BootstrapResult | undefined): Row[] {
  const boot = new Map(uncertainty?.settings.find((s) => s.T === r.T)?.models.map((m) => [m.model, m]) ?? []);
  return r.models.map((m) => {
    const b = boot.get(m.model);
    return b
      ? { model: m.model, point: m.expectedScore, low: b.low, high: b.high }
      : {
          model: m.model,
          point: m.expectedScore,
          low: m.expectedScore - Z95 * m.standardError,
          high: m.expectedScore + Z95 * m.standardError,
        };
  });
}

function variant(r: SettingResult, input: ChartInput, labels: ReadonlyMap<string, string>, subset: ModelSubset): ChartVariant {
  const wanted = new Set(subset.shown);
  const rows = rowsFor(r, input.result.uncertainty).filter((x) => wanted.has(x.model));
  // Long names cut in the middle (full names in the tooltip), the margin measured from them.
  const { labels: names, room } = modelLabels(rows.map((x) => x.model));
  // The axis starts a little below the lowest interval (bars from 0 are clipped there).
  const lowest = Math.max(0, Math.floor(Math.min(...rows.map((x) => x.low)) * 4) / 4);
  const present = new Set(rows.map((x) => labels.get(x.model) ?? "E[S]"));
  const groups = [...LABEL_ORDER, "E[S]"]
    .filter((key) => present.has(key))
    .map((key) => ({
      key,
      name: key === "E[S]" ? "E[S]" : `E[S], ${key}`,
      colour: key === "E[S]" ? SERIES_COLOURS[0] : LABEL_COLOURS[key as RobustnessLabel],
      symbol: key === "E[S]" ? "circle" : LABEL_SYMBOLS[key as RobustnessLabel],
    }));
  const head = titleBlock(`E[S] at ${settingName(r.T)} with 95% intervals`, subset.note);
  const option = {
    ...baseOption(),
    title: head.title,
    legend: { top: head.height, itemGap: 20, data: ["95% interval", ...groups.map((g) => g.name)] },
    tooltip: { trigger: "item" as const },
    grid: { left: room, right: 24, top: head.height + 52, bottom: 44 },
    xAxis: {
      type: "value" as const,
      name: `E[S] at ${settingName(r.T)}, 95% interval`,
      nameLocation: "middle" as const,
      nameGap: 28,
      min: lowest,
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    yAxis: modelAxis(names),
    series: [
      // The intervals (from 0 up: a stacked bar cannot start below it).
      ...rangeBars(
        "interval",
        rows.map((x) => Math.max(0, x.low)),
        rows.map((x) => x.high),
        { colour: "#9aa5b1", width: 4, name: "95% interval" },
      ),
      // One series per label, each with its colour and shape (colour-blind safe), named in the legend.
      ...groups.map((g) => ({
        type: "scatter" as const,
        name: g.name,
        symbol: g.symbol,
        symbolSize: 8,
        itemStyle: { color: g.colour },
        data: rows.flatMap((x, i) =>
          (labels.get(x.model) ?? "E[S]") === g.key
            ? [{ name: `${x.model}: ${round(x.point)} [${round(x.low)}, ${round(x.high)}]`, value: [round(x.point), names[i]] }]
            : [],
        ),
      })),
    ],
  };
  return { label: settingName(r.T), option, height: heightFor(names.length, 90 + head.height) };
}

/** Always drawn: the bootstrap's intervals when the run has them, the Monte Carlo ones otherwise. */
export function intervalsChart(input: ChartInput): ChartSpec {
  const { result } = input;
  const labels = new Map(result.sensitivity?.models.map((m) => [m.model, m.label]) ?? []);
  const subset = chartModels(input, MAX_CHART_MODELS);
  const variants = result.results.map((r) => variant(r, input, labels, subset));
  const top = leaderboardSetting(result);
  const u = result.uncertainty;
  const what = u
    ? `the bootstrap's 95% percentile interval (${u.method === "items" ? "items resampled within each benchmark" : "scores redrawn from their standard errors"}, ` +
      `${thousands(u.resamples)} resamples of N = ${thousands(u.runsPerResample)} contests): the data's uncertainty and the Monte Carlo's together`
    : `the Monte Carlo 95% interval alone (E[S] +/- 1.96 SE, N = ${thousands(result.config.runs)}): it does not include the data's uncertainty ` +
      "(sampled items, standard errors); run with --bootstrap B for that";
  const capped = subset.note ? ` Drawn: the ${subset.note}; the leaderboard lists all.` : "";
  const colours = result.sensitivity ? " Colour is the Failure Sensitivity label (grey: balanced)." : "";
  return {
    id: "intervals",
    title: "E[S] with 95% intervals",
    caption: `Each row is a model, best at the top: the marker is its E[S], the bar ${what}. Overlapping bars mean the order of those models is not settled.${colours}${capped}`,
    variants,
    initial: Math.max(0, result.results.indexOf(top)),
    ...(subset.note ? { leftOut: subset.note } : {}),
  };
}
