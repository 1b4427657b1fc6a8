/** The corruption (stress) and order (stability) studies as text, Markdown, CSV or JSON. */

import type { CorruptionResult } from "../analysis/corruption.js";
import type { StabilityResult } from "../analysis/stability.js";
import { type Block, col, heading, noteLine, renderDocument, table, text } from "./document.js";
import { FIGURES, fixed, signed } from "./format.js";
import { renderCsv } from "./grid.js";
import type { OutputFormat } from "./render-rank.js";

export function renderCorruption(r: CorruptionResult, format: OutputFormat): string {
  if (format === "json") return `${JSON.stringify(r, null, 2)}\n`;
  if (format === "csv") {
    const header = ["model", "benchmarks", ...r.methods.flatMap((m) => [`${m.id}_before`, `${m.id}_after`])];
    return renderCsv(
      header,
      r.trialsDetail.map((d) => [d.model, d.benchmarks.join(";"), ...d.before.flatMap((b, i) => [b, d.after[i]])]),
    );
  }
  const blocks: Block[] = [text(r.definition), ...r.notes.map((n) => text(noteLine(n)))];
  blocks.push(heading("Rank shift of the corrupted model, per method (positive = falls)"));
  const byStability = [...r.summary].sort((a, b) => a.meanAbsShift - b.meanAbsShift);
  blocks.push(
    table([
      col(
        "Method",
        byStability.map((s) => s.name),
        "left",
      ),
      col(
        "Mean shift",
        byStability.map((s) => FIGURES.shift(s.meanShift)),
      ),
      col(
        "Mean |shift|",
        byStability.map((s) => FIGURES.absShift(s.meanAbsShift)),
      ),
      col(
        "Max shift",
        byStability.map((s) => String(s.maxShift)),
      ),
    ]),
  );
  blocks.push(heading("Mean shift per target model"));
  blocks.push(
    table([
      col("Model", r.targets, "left"),
      ...r.summary.map((s) =>
        col(
          s.id,
          s.perModel.map((x) => signed(x, 1)),
        ),
      ),
    ]),
  );
  return renderDocument(
    `Corruption study: ${r.corrupt} benchmark(s) set to ${r.to === "zero" ? "zero" : "the worst value"}, ${r.trials} trial(s) for each of ${r.targets.length} model(s)`,
    blocks,
    format === "markdown",
  );
}

export function renderStability(r: StabilityResult, format: OutputFormat): string {
  if (format === "json") return `${JSON.stringify(r, null, 2)}\n`;
  if (format === "csv") {
    const header = ["T", "model", "planE", "planRank", "meanE", "sdE", "minE", "maxE", "rankMin", "rankMax", "planPercentile"];
    return renderCsv(
      header,
      r.spread.flatMap((s) =>
        s.models.map((m) => [s.T, m.model, m.planE, m.planRank, m.meanE, m.sdE, m.minE, m.maxE, m.rankMin, m.rankMax, m.planPercentile]),
      ),
    );
  }
  const blocks: Block[] = [text(r.definition), ...r.notes.map((n) => text(noteLine(n)))];
  for (const s of r.spread) {
    const ms = [...s.models].sort((a, b) => a.planRank - b.planRank);
    blocks.push(heading(`T = ${s.T}: E[S] over ${r.orders.length} orders of the rounds`));
    blocks.push(
      table([
        col(
          "Plan rank",
          ms.map((m) => String(m.planRank)),
        ),
        col(
          "Model",
          ms.map((m) => m.model),
          "left",
        ),
        col(
          "E[S] plan",
          ms.map((m) => FIGURES.expected(m.planE)),
        ),
        col(
          "Mean",
          ms.map((m) => FIGURES.expected(m.meanE)),
        ),
        col(
          "SD",
          ms.map((m) => FIGURES.expected(m.sdE)),
        ),
        col(
          "Min-max",
          ms.map((m) => `${fixed(m.minE, 2)}-${fixed(m.maxE, 2)}`),
        ),
        col(
          "Rank range",
          ms.map((m) => `${m.rankMin}-${m.rankMax}`),
        ),
        col(
          "Plan percentile",
          ms.map((m) => FIGURES.percentile(m.planPercentile)),
        ),
      ]),
    );
  }
  const loo = r.leaveOneOut;
  if (loo) {
    blocks.push(heading(`Leave one benchmark out (${loo.benchmarks.length} benchmarks): mean |rank change| per model, averaged`));
    const ms = [...loo.methods].sort((a, b) => a.overall - b.overall);
    blocks.push(
      table([
        col(
          "Method",
          ms.map((m) => m.name),
          "left",
        ),
        col(
          "Mean |shift|",
          ms.map((m) => FIGURES.absShift(m.overall)),
        ),
        col(
          "Largest |shift|",
          ms.map((m) => String(Math.max(...m.maxAbsShift))),
        ),
      ]),
    );
  }
  return renderDocument(`Stability study: ${r.models.length} models`, blocks, format === "markdown");
}
