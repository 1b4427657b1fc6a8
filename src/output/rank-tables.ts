/** The tables of a CSD ranking, as columns, for the text and Markdown renderers. */
import type { RankResult, SettingResult } from "../run/result.js";
import { fixed, percent, signed, thousands } from "./format.js";
import type { Column } from "./grid.js";

const col = (header: string, cells: string[], align: "left" | "right" = "right"): Column => ({ header, align, cells });

/** Digits for E[S] so the standard error shows (at least 2, at most 4). */
function digitsFor(result: RankResult): number {
  let se = 0;
  for (const r of result.results) for (const m of r.models) se = Math.max(se, m.standardError);
  return se > 0.05 ? 2 : se > 0.005 ? 3 : 4;
}

/** Models in the order of E[S] at the harshest setting, one E[S] column per setting. */
export function sensitivityColumns(result: RankResult, top = Number.POSITIVE_INFINITY): Column[] {
  const s = result.sensitivity;
  const d = digitsFor(result);
  const harshest = result.results.find((r) => r.T === s?.harshestLabel) ?? result.results[result.results.length - 1];
  const order = harshest.models.slice(0, top).map((m) => m.model);
  const bySetting = result.results.map((r) => new Map(r.models.map((m) => [m.model, m])));
  const columns: Column[] = [
    col(
      "Rank",
      order.map((name) => String(bySetting[result.results.indexOf(harshest)].get(name)?.rank)),
    ),
    col("Model", order, "left"),
    ...result.results.map((r, i) =>
      col(
        `E[S] T=${r.T}`,
        order.map((name) => fixed(bySetting[i].get(name)?.expectedScore ?? Number.NaN, d)),
      ),
    ),
  ];
  if (s) {
    const sens = new Map(s.models.map((m) => [m.model, m]));
    columns.push(
      col(
        "Delta E",
        order.map((name) => signed(sens.get(name)?.deltaE ?? Number.NaN, d)),
      ),
      // D: Delta E minus the flat twin's (below 0: the profile costs points under elimination).
      col(
        "D vs twin",
        order.map((name) => {
          const d = sens.get(name)?.profileEffect;
          return d === undefined ? "" : signed(d, 2);
        }),
      ),
      ...(s.models.some((m) => m.deltaInterval)
        ? [
            col(
              "Delta E 95% (data)",
              order.map((name) => {
                const iv = sens.get(name)?.deltaInterval;
                return iv ? `[${fixed(iv[0], 2)}, ${fixed(iv[1], 2)}]` : "";
              }),
            ),
          ]
        : []),
      col(
        "Label",
        order.map((name) => sens.get(name)?.label ?? ""),
        "left",
      ),
    );
  }
  return columns;
}

export function settingColumns(r: SettingResult, digits: number, top = Number.POSITIVE_INFINITY): Column[] {
  const ms = r.models.slice(0, top);
  return [
    col(
      "Rank",
      ms.map((m) => String(m.rank)),
    ),
    col(
      "Model",
      ms.map((m) => m.model),
      "left",
    ),
    col(
      "E[S]",
      ms.map((m) => fixed(m.expectedScore, digits)),
    ),
    col(
      "SE",
      ms.map((m) => fixed(m.standardError, digits)),
    ),
    col(
      "P(first)",
      ms.map((m) => percent(m.pFirst)),
    ),
    col(
      "Median rank",
      ms.map((m) => String(m.medianRank)),
    ),
    col(
      "5-95%",
      ms.map((m) => `${m.rankP05}-${m.rankP95}`),
    ),
    col(
      "Rounds",
      ms.map((m) => fixed(m.meanRounds, 2)),
    ),
    col(
      "Byes",
      ms.map((m) => fixed(m.meanByes, 2)),
    ),
    col(
      "P(elim)",
      ms.map((m) => percent(m.pEliminated)),
    ),
  ];
}

/** One-paragraph description of the run, for the heading of text and Markdown output. */
export function describeRun(result: RankResult): string[] {
  const c = result.config;
  const rounds = c.plan.rounds.map(
    (r, i) => `${i + 1}. ${r.name}${r.benchmarks.length > 1 || r.benchmarks[0] !== r.name ? ` (${r.benchmarks.join(", ")})` : ""}`,
  );
  return [
    `CSD ranking of ${c.input.file}: ${c.input.models.length} models, ${c.plan.rounds.length} round${c.plan.rounds.length === 1 ? "" : "s"}, ` +
      `N = ${thousands(c.runs)} contests per setting, seed ${c.seed}, ${c.elimination} elimination` +
      (c.tieTolerance > 0 ? `, ties within ${c.tieTolerance}` : ""),
    `Rounds (${c.plan.source}): ${rounds.join("; ")}`,
  ];
}

export function expectedScoreDigits(result: RankResult): number {
  return digitsFor(result);
}
