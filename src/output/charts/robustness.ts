/**
 * The paper's second figure: Delta E (harshest T minus T = 0) against E[S] at T = 0, one point per
 * model, coloured by the generalist / balanced / specialist label, with the flat twins' curve (what
 * a model of the same level with a flat profile loses) the labels are measured from.
 */
import type { ModelSensitivity, RobustnessLabel } from "../../run/sensitivity.js";
import { type ChartInput, settingName } from "./input.js";
import { baseOption, GRID_LINE, LABEL_COLOURS, MUTED, round } from "./style.js";
import type { ChartSpec } from "./types.js";

/** Up to this many models every point is named; above, only the most notable are. */
const NAME_ALL_UP_TO = 60;
const NAMED_WHEN_CROWDED = 24;

const LABELS: RobustnessLabel[] = ["generalist", "balanced", "specialist", "undetermined"];

/** The points worth a name in a crowded field: the strongest, and the furthest from the line. */
function namedModels(models: readonly ModelSensitivity[]): Set<string> {
  if (models.length <= NAME_ALL_UP_TO) return new Set(models.map((m) => m.model));
  const strongest = [...models].sort((a, b) => b.baseline - a.baseline).slice(0, NAMED_WHEN_CROWDED / 2);
  const outliers = [...models]
    .sort((a, b) => Math.abs(b.profileEffect ?? 0) - Math.abs(a.profileEffect ?? 0))
    .slice(0, NAMED_WHEN_CROWDED / 2);
  return new Set([...strongest, ...outliers].map((m) => m.model));
}

/** Undefined when the run has a single T setting (there is no Delta E). */
export function robustnessChart(input: ChartInput): ChartSpec | undefined {
  const s = input.result.sensitivity;
  if (!s) return undefined;
  const named = namedModels(s.models);
  // The twins' curve: each twin at its own level, in order of level.
  const twins = s.models.flatMap((m) => (m.twin ? [[round(m.twin.baseline), round(m.twin.deltaE)]] : [])).sort((a, b) => a[0] - b[0]);
  const ds = s.models.map((m) => m.deltaE);
  // Headroom above the top point so its name does not sit on the frame.
  const top = Math.max(...ds) + 0.06 * (Math.max(...ds) - Math.min(...ds) || 1);
  const option = {
    ...baseOption(),
    legend: { top: 0, itemGap: 24 },
    tooltip: { trigger: "item" as const },
    // Room on the right for the names of the strongest models.
    grid: { left: 64, right: 150, top: 40, bottom: 52 },
    xAxis: {
      type: "value" as const,
      name: `E[S] at ${settingName(s.baselineLabel)}`,
      nameLocation: "middle" as const,
      nameGap: 30,
      scale: true,
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    yAxis: {
      type: "value" as const,
      name: `Delta E = E[S | ${settingName(s.harshestLabel)}] - E[S | ${settingName(s.baselineLabel)}]`,
      nameLocation: "middle" as const,
      nameGap: 46,
      scale: true,
      max: round(top, 2),
      axisLabel: { showMaxLabel: false },
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    labelLayout: { hideOverlap: true },
    series: [
      ...LABELS.filter((label) => label !== "undetermined" || s.models.some((m) => m.label === label)).map((label) => ({
        type: "scatter" as const,
        name: label,
        symbolSize: 9,
        itemStyle: { color: LABEL_COLOURS[label], opacity: 0.85 },
        label: { show: true, position: "right" as const, fontSize: 10, color: MUTED, formatter: "{b}" },
        data: s.models
          .filter((m) => m.label === label)
          .map((m) => ({ name: m.model, value: [round(m.baseline), round(m.deltaE)], label: { show: named.has(m.model) } })),
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
  const crowded = s.models.length > NAME_ALL_UP_TO ? ` Only the ${named.size} strongest or most unusual models are named.` : "";
  const caption =
    `Each point is a model: x = its E[S] at ${settingName(s.baselineLabel)}, y = Delta E, the change in E[S] from ${settingName(s.baselineLabel)} ` +
    `to the harshest setting ${settingName(s.harshestLabel)} (same seed for both). The dashed line joins the models' flat twins ` +
    `(each the same model with its mean round strength in every round, at its own E[S]): what a model of that level without a profile loses. ` +
    `${s.models.some((m) => m.deltaInterval) ? "Grey bars: each model's 95% bootstrap interval of Delta E (the data's uncertainty). " : ""}` +
    `Colour is the label (${counts}). Label rule: ${s.rule}${crowded}`;
  return {
    id: "robustness",
    title: `Robustness: Delta E against E[S] at ${settingName(s.baselineLabel)}`,
    caption,
    variants: [{ label: "Delta E", option, height: 520 }],
    initial: 0,
  };
}
