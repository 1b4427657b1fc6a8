/** A CSD ranking as text, Markdown, CSV or JSON. */

import type { RankResult } from "../run/result.js";
import { moreModels, noteLine, renderBlocks } from "./document.js";
import { markdownSafe, terminalSafe } from "./escape.js";
import { thousands } from "./format.js";
import { renderCsv, renderMarkdown, renderText } from "./grid.js";
import { describeRun, expectedScoreDigits, sensitivityColumns, settingColumns } from "./rank-tables.js";
import { noiseBlocks, uncertaintyBlocks } from "./uncertainty-tables.js";

export { moreModels, noteLine } from "./document.js";
export type OutputFormat = "table" | "json" | "csv" | "markdown";
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["table", "json", "csv", "markdown"];

export interface RenderOptions {
  /** Only the first N models of each table (and of the CSV), best first; JSON always holds every model. */
  top?: number;
}

/**
 * A ranking as the CLI prints it: "table" (terminal text), "markdown", "csv" or "json".
 *
 * @example
 * process.stdout.write(renderRank(await runRanking(table, { T: [0, 1, 2] }), "markdown", { top: 20 }));
 */
export function renderRank(result: RankResult, format: OutputFormat, options: RenderOptions = {}): string {
  const top = options.top && options.top > 0 ? options.top : Number.POSITIVE_INFINITY;
  switch (format) {
    case "json":
      return `${JSON.stringify(result, null, 2)}\n`;
    case "csv":
      return rankCsv(result, top);
    case "markdown":
      return rankDocument(result, true, top);
    case "table":
      return rankDocument(result, false, top);
  }
}

function rankDocument(result: RankResult, markdown: boolean, top: number): string {
  const table = markdown ? renderMarkdown : renderText;
  // Names from the data appear in these lines too: escaped for the medium (a Markdown line is its own paragraph).
  const line = (text: string) => (markdown ? `${markdownSafe(text)}\n` : terminalSafe(text, true));
  const h = (text: string) => (markdown ? `## ${markdownSafe(text)}` : `${terminalSafe(text)}\n${"=".repeat(terminalSafe(text).length)}`);
  const out: string[] = [];
  const [title, rounds] = describeRun(result);
  out.push(markdown ? `# ${markdownSafe(title)}\n` : terminalSafe(title));
  out.push(line(rounds));
  for (const note of result.notes) out.push(line(noteLine(note)));
  const s = result.sensitivity;
  if (s) {
    out.push("", h(`Failure Sensitivity Analysis: E[S] per T, ordered by E[S] at T=${s.harshestLabel}`), "");
    out.push(table(sensitivityColumns(result, top)));
    const more = moreModels(result.config.input.models.length, top);
    if (more) out.push(line(more));
    out.push("", line(`Label rule: ${s.rule.replace("harshest T", `T=${s.harshestLabel}`)}`));
  }
  const digits = expectedScoreDigits(result);
  for (const r of result.results) {
    out.push("", h(`T = ${r.T}: ${r.pointsPerContest} points per contest`), "");
    out.push(table(settingColumns(r, digits, top)));
    const more = moreModels(r.models.length, top);
    if (more) out.push(line(more));
  }
  out.push(
    "",
    line(
      "E[S]: mean final score over the simulated contests (SE: its Monte Carlo standard error). P(first): share of contests " +
        "finished in first place (ties at the top shared). Median rank and 5-95%: final position over the contests. " +
        "Rounds: rounds spent in the contest; Byes: rounds without an opponent; P(elim): share of contests in which the model was eliminated.",
    ),
  );
  const extra = [...(result.uncertainty ? uncertaintyBlocks(result.uncertainty) : []), ...(result.noise ? noiseBlocks(result.noise) : [])];
  if (result.precision) {
    const p = result.precision;
    out.push(
      "",
      `Adaptive precision: ${p.reached ? "reached" : "NOT reached"} the target standard error ${p.target} with N = ${thousands(p.runs)} contests per setting (largest SE ${p.worstStandardError.toPrecision(3)}).`,
    );
  }
  out.push(...renderBlocks(extra, markdown));
  if (result.config.rankBinWidth > 1) {
    out.push(
      `Final positions are resolved to ${result.config.rankBinWidth} places (the field is large); --rank-distribution makes them exact.`,
    );
  }
  return `${out.join("\n")}\n`;
}

/** One row per (setting, model), with the sensitivity columns repeated on each row. */
function rankCsv(result: RankResult, top: number): string {
  const sens = new Map(result.sensitivity?.models.map((m) => [m.model, m]) ?? []);
  const intervals = new Map(
    (result.uncertainty?.settings ?? []).flatMap((s) => s.models.map((m) => [`${s.T}\u0000${m.model}`, m] as const)),
  );
  const header = [
    "T",
    "model",
    "rank",
    "expectedScore",
    "standardError",
    "pFirst",
    "medianRank",
    "rankP05",
    "rankP95",
    "meanRounds",
    "meanByes",
    "pEliminated",
    "deltaE",
    "twinDeltaE",
    "profileEffect",
    "label",
    ...(result.uncertainty ? ["low95", "high95", "rankLow95", "rankHigh95", "groupRank"] : []),
  ];
  const rows = result.results.flatMap((r) =>
    r.models.slice(0, top).map((m) => [
      r.T,
      m.model,
      m.rank,
      m.expectedScore,
      m.standardError,
      m.pFirst,
      m.medianRank,
      m.rankP05,
      m.rankP95,
      m.meanRounds,
      m.meanByes,
      m.pEliminated,
      sens.get(m.model)?.deltaE,
      sens.get(m.model)?.twin?.deltaE,
      sens.get(m.model)?.profileEffect,
      sens.get(m.model)?.label,
      ...(result.uncertainty
        ? (() => {
            const i = intervals.get(`${r.T}\u0000${m.model}`);
            return [i?.low, i?.high, i?.rankLow, i?.rankHigh, i?.groupRank];
          })()
        : []),
    ]),
  );
  return renderCsv(header, rows);
}
