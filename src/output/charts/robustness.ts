/**
 * The paper's second figure: Delta E (harshest T minus T = 0) against E[S] at T = 0, one point per
 * model, coloured (and shaped) by the generalist / balanced / specialist label, with the flat twins'
 * curve (what a model of the same level with a flat profile loses) the labels are measured from.
 * Names are placed without overlap (labels.ts).
 */
import type { ModelSensitivity, RobustnessLabel } from "../../run/sensitivity.js";
import { CHOOSE_HINT, type ChartInput, settingName } from "./input.js";
import { axisScale, echartsLabel, padded, placeLabels } from "./labels.js";
import { baseOption, GRID_LINE, LABEL_COLOURS, LABEL_SYMBOLS, MUTED, round, titleBlock } from "./style.js";
import { middleEllipsis } from "./text.js";
import type { ChartSpec } from "./types.js";

const LABELS: RobustnessLabel[] = ["generalist", "balanced", "specialist", "undetermined"];
export const ROBUSTNESS_WIDTH = 1000;
export const ROBUSTNESS_HEIGHT = 560;
const SYMBOL_SIZE = 9;
/** A point's name is cut in the middle beyond this width (the tooltip has it in full). */
const POINT_NAME_WIDTH = 180;

/** Who gets a name first: the chosen models, then alternately the strongest and the furthest from their twin. */
function priority(models: readonly ModelSensitivity[], focus: ReadonlySet<string> | undefined): ModelSensitivity[] {
  const strongest = [...models].sort((a, b) => b.baseline - a.baseline || a.model.localeCompare(b.model));
  const outliers = [...models].sort(
    (a, b) => Math.abs(b.profileEffect ?? 0) - Math.abs(a.profileEffect ?? 0) || a.model.localeCompare(b.model),
  );
  const rank = new Map<string, number>();
  strongest.forEach((m, i) => rank.set(m.model, 2 * i));
  outliers.forEach((m, i) => rank.set(m.model, Math.min(rank.get(m.model) as number, 2 * i + 1)));
  const key = (m: ModelSensitivity) => (focus && !focus.has(m.model) ? 1e9 : 0) + (rank.get(m.model) as number);
  return [...models].sort((a, b) => key(a) - key(b));
}

/** Undefined when the run has a single T setting (there is no Delta E). */
export function robustnessChart(input: ChartInput): ChartSpec | undefined {
  const s = input.result.sensitivity;
  if (!s) return undefined;
  const focus = input.focus && input.focus.length > 0 ? new Set(input.focus) : undefined;
  const head = titleBlock(`Robustness: Delta E against E[S] at ${settingName(s.baselineLabel)}`, " ");
  const grid = { left: 72, right: 16, top: head.height + 30, bottom: 52 };
  const [x0, x1] = padded(s.models.map((m) => m.baseline));
  // The twins' curve: each twin at its own level, in order of level.
  const twins = s.models.flatMap((m) => (m.twin ? [[round(m.twin.baseline), round(m.twin.deltaE)]] : [])).sort((a, b) => a[0] - b[0]);
  // The y range holds the points, the twins' curve and the bootstrap intervals, so none is cut off.
  const [y0, y1] = padded([...s.models.flatMap((m) => [m.deltaE, ...(m.deltaInterval ?? [])]), ...twins.map((p) => p[1])], 0.08);
  const px = axisScale(x0, x1, grid.left, ROBUSTNESS_WIDTH - grid.right);
  const py = axisScale(y0, y1, ROBUSTNESS_HEIGHT - grid.bottom, grid.top);
  const ordered = priority(s.models, focus);
  const text = (m: ModelSensitivity) => middleEllipsis(m.model, POINT_NAME_WIDTH, 10);
  // Inside the plot area (never over the axes' numbers, the title or the legend), but free to use the right margin.
  const frame = { x0: grid.left + 1, y0: grid.top, x1: ROBUSTNESS_WIDTH - 4, y1: ROBUSTNESS_HEIGHT - grid.bottom };
  const spots = placeLabels(
    ordered.map((m) => ({ x: px(m.baseline), y: py(m.deltaE), text: text(m) })),
    frame,
    SYMBOL_SIZE / 2,
  );
  const spot = new Map(ordered.map((m, i) => [m.model, spots[i]]));
  const wanted = ordered.filter((m) => !focus || focus.has(m.model));
  const unnamed = wanted.filter((m) => !spot.get(m.model)).length;
  const named = wanted.length - unnamed;
  const lacking = `${unnamed} left unnamed for lack of room (hover for names; ${CHOOSE_HINT})`;
  const subtitle = focus
    ? `${named} chosen of ${s.models.length} points named${unnamed > 0 ? `; ${lacking}` : ""}`
    : unnamed > 0
      ? `${named} of ${s.models.length} points named; ${lacking}`
      : undefined;
  const title = titleBlock(`Robustness: Delta E against E[S] at ${settingName(s.baselineLabel)}`, subtitle).title;
  const option = {
    ...baseOption(),
    title,
    legend: { top: head.height, itemGap: 24 },
    tooltip: { trigger: "item" as const },
    grid,
    xAxis: {
      type: "value" as const,
      name: `E[S] at ${settingName(s.baselineLabel)}`,
      nameLocation: "middle" as const,
      nameGap: 30,
      min: round(x0),
      max: round(x1),
      axisLabel: { showMinLabel: false, showMaxLabel: false },
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    yAxis: {
      type: "value" as const,
      name: `Delta E = E[S | ${settingName(s.harshestLabel)}] - E[S | ${settingName(s.baselineLabel)}]`,
      nameLocation: "middle" as const,
      nameGap: 50,
      min: round(y0),
      max: round(y1),
      axisLabel: { showMinLabel: false, showMaxLabel: false },
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    series: [
      ...LABELS.filter((label) => label !== "undetermined" || s.models.some((m) => m.label === label)).map((label) => ({
        type: "scatter" as const,
        name: label,
        symbol: LABEL_SYMBOLS[label],
        symbolSize: SYMBOL_SIZE,
        itemStyle: { color: LABEL_COLOURS[label], opacity: 0.85 },
        data: s.models
          .filter((m) => m.label === label)
          .map((m) => {
            const p = focus && !focus.has(m.model) ? undefined : spot.get(m.model);
            // The full name for the tooltip; a cut one by the point.
            return { name: m.model, value: [round(m.baseline), round(m.deltaE)], label: { ...echartsLabel(p, MUTED), formatter: text(m) } };
          }),
      })),
      // With --bootstrap: each model's 95% data interval of Delta E, as vertical segments ("-" breaks the line).
      ...(s.models.some((m) => m.deltaInterval)
        ? [
            {
              type: "line" as const,
              name: "95% interval (data)",
              symbol: "none",
              connectNulls: false,
              lineStyle: { color: "#9aa5b1", width: 1 },
              itemStyle: { color: "#9aa5b1" },
              tooltip: { show: false },
              silent: true,
              data: s.models.flatMap((m) =>
                m.deltaInterval
                  ? [[round(m.baseline), round(m.deltaInterval[0])], [round(m.baseline), round(m.deltaInterval[1])], "-"]
                  : [],
              ),
            },
          ]
        : []),
      {
        type: "line" as const,
        name: "flat twins",
        symbol: "none",
        lineStyle: { type: "dashed" as const, color: "#52606d", width: 1.5 },
        itemStyle: { color: "#52606d" },
        tooltip: { show: false },
        data: twins,
      },
    ],
  };
  const counts = LABELS.map((l) => `${s.models.filter((m) => m.label === l).length} ${l}`).join(", ");
  const crowded = subtitle ? ` ${subtitle[0].toUpperCase()}${subtitle.slice(1)}.` : "";
  const caption =
    `Each point is a model: x = its E[S] at ${settingName(s.baselineLabel)}, y = Delta E, the change in E[S] from ${settingName(s.baselineLabel)} ` +
    `to the harshest setting ${settingName(s.harshestLabel)} (same seed for both). The dashed line joins the models' flat twins ` +
    `(each the same model with its mean round strength in every round, at its own E[S]): what a model of that level without a profile loses. ` +
    `${s.models.some((m) => m.deltaInterval) ? "Grey bars: each model's 95% bootstrap interval of Delta E (the data's uncertainty). " : ""}` +
    `Colour and shape are the label (${counts}). Names are placed so that none overlaps another or a point. Label rule: ${s.rule}${crowded}`;
  return {
    id: "robustness",
    title: `Robustness: Delta E against E[S] at ${settingName(s.baselineLabel)}`,
    caption,
    variants: [{ label: "Delta E", option, height: ROBUSTNESS_HEIGHT, width: ROBUSTNESS_WIDTH }],
    initial: 0,
    ...(subtitle ? { leftOut: subtitle } : {}),
  };
}
