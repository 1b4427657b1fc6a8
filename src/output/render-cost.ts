/** The cost-aware ranking as text, Markdown, CSV or JSON. */

import type { CostFrontier, CostReport } from "../cost/report.js";
import { cellIndex } from "../grid/grid.js";
import { type Block, col, heading, noteLine, renderDocument, table, text } from "./document.js";
import { fixed, thousands } from "./format.js";
import { renderCsv } from "./grid.js";
import type { OutputFormat } from "./render-rank.js";

/** USD with four significant digits; unknown and infinite spelled out (never a misleading 0). */
export function money(x: number): string {
  if (Number.isNaN(x)) return "unknown";
  if (x === Number.POSITIVE_INFINITY) return "inf";
  if (x === 0) return "$0";
  if (x >= 1000) return `$${thousands(Math.round(x))}`;
  if (x < 1e-4) return `$${x.toExponential(2)}`;
  return `$${Number(x.toPrecision(4))}`;
}

function share(x: number): string {
  return Number.isNaN(x) ? "n/a" : `${fixed(100 * x, 1)}%`;
}

/** JSON cannot hold Infinity or NaN: Infinity is written as the string "Infinity", NaN as null. */
export function costJson(r: CostReport): string {
  const replacer = (_: string, v: unknown) =>
    typeof v === "number" && !Number.isFinite(v) ? (Number.isNaN(v) ? null : v > 0 ? "Infinity" : "-Infinity") : v;
  return `${JSON.stringify(r, replacer, 2)}\n`;
}

/** "frontier", "frontier (tied with X)" or "dominated by X (+k more)". */
function paretoCell(f: CostFrontier, model: string): string {
  const d = f.result.dominated.find((x) => x.model === model);
  const doubt = f.result.uncertain.includes(model) ? " (uncertain)" : "";
  if (d) return `dominated by ${d.by[0]}${d.by.length > 1 ? ` (+${d.by.length - 1} more)` : ""}${doubt}`;
  if (f.result.leftOut.includes(model) || !f.points.some((p) => p.model === model)) return "-";
  const tie = f.result.ties.find((t) => t.includes(model));
  return `frontier${tie ? ` (tied with ${tie.filter((m) => m !== model).join(", ")})` : ""}${doubt}`;
}

function cellBlocks(r: CostReport): Block[] {
  const blocks: Block[] = [];
  const shape = { cols: r.benchmarks.length };
  r.benchmarks.forEach((bench, b) => {
    const rows = r.models.map((_, m) => r.cells[cellIndex(shape, m, b)]);
    const key = (x: number) => (Number.isNaN(x) ? Number.MAX_VALUE : x);
    rows.sort((x, y) => key(x.costOfPass) - key(y.costOfPass) || key(x.meanCost) - key(y.meanCost));
    const perProblem = rows.some((c) => c.perProblem);
    // With one attempt per problem every model misses some problem, so the per-problem mean is
    // infinite for all: the column is shown only when it says something.
    const finitePerProblem = rows.some((c) => c.perProblem && Number.isFinite(c.perProblem.costOfPass));
    const scale =
      bench.scale === undefined
        ? `no cost-of-pass: ${bench.scaleReason}`
        : bench.scale === 1
          ? "accuracy = mean score"
          : `accuracy = mean score / ${bench.scale}`;
    blocks.push(heading(`Cost-of-pass on ${bench.benchmark} (${scale})`));
    blocks.push(
      table([
        col(
          "Model",
          rows.map((c) => c.model),
          "left",
        ),
        col(
          "Cost/attempt",
          rows.map((c) => money(c.meanCost)),
        ),
        col(
          "Attempts",
          rows.map((c) => (Number.isNaN(c.attempts) ? "-" : String(c.attempts))),
        ),
        col(
          "Accuracy",
          rows.map((c) => share(c.accuracy)),
        ),
        col(
          "Cost-of-pass",
          rows.map((c) => (Number.isNaN(c.accuracy) ? "n/a" : money(c.costOfPass))),
        ),
        ...(perProblem
          ? [
              col(
                "Solved",
                rows.map((c) => (c.perProblem ? `${c.perProblem.solved}/${c.perProblem.problems}` : "-")),
              ),
              ...(finitePerProblem
                ? [
                    col(
                      "Per-problem CoP",
                      rows.map((c) => (c.perProblem ? money(c.perProblem.costOfPass) : "-")),
                    ),
                  ]
                : []),
            ]
          : []),
        col(
          "Cost from",
          rows.map((c) => c.source),
          "left",
        ),
      ]),
    );
    if (perProblem && !finitePerProblem) {
      blocks.push(text("Per-problem cost-of-pass (mean over problems): infinite for every model, as each misses at least one problem."));
    }
  });
  return blocks;
}

function frontierBlocks(r: CostReport): Block[] {
  const rows = r.benchmarks.filter((b) => b.scale !== undefined);
  if (rows.length === 0) return [];
  const expert = rows.some((b) => b.expertCost !== undefined);
  const router = rows.some((b) => b.router);
  const blocks: Block[] = [heading("Frontier cost-of-pass over the field")];
  blocks.push(
    table([
      col(
        "Benchmark",
        rows.map((b) => b.benchmark),
        "left",
      ),
      col(
        "Best single model",
        rows.map((b) => (b.bestSingle?.models.length ? b.bestSingle.models.join(", ") : "none")),
        "left",
      ),
      col(
        "Its cost-of-pass",
        rows.map((b) => money(b.bestSingle?.costOfPass ?? Number.NaN)),
      ),
      ...(expert
        ? [
            col(
              "Expert/problem",
              rows.map((b) => money(b.expertCost ?? Number.NaN)),
            ),
            col(
              "Best with expert",
              rows.map((b) => (b.bestWithExpert ? `${money(b.bestWithExpert.costOfPass)} (${b.bestWithExpert.by})` : "-")),
              "left",
            ),
          ]
        : []),
      ...(router
        ? [
            col(
              "Oracle router",
              rows.map((b) => (b.router ? money(b.router.costOfPass) : "-")),
            ),
            col(
              "Unsolved",
              rows.map((b) => (b.router ? `${b.router.unsolved}/${b.router.problems}` : "-")),
            ),
            ...(expert
              ? [
                  col(
                    "Router + expert",
                    rows.map((b) => money(b.router?.withExpert ?? Number.NaN)),
                  ),
                ]
              : []),
          ]
        : []),
    ]),
  );
  blocks.push(
    text(
      router
        ? "Best single model: one model answers everything. Oracle router: every problem goes to its cheapest solver, as if that were known in advance (a bound, not a deployable figure)."
        : "Best single model: one model answers everything. The oracle-router figure needs per-item costs (none here).",
    ),
  );
  return blocks;
}

function paretoBlock(r: CostReport): Block[] {
  const f = r.frontiers[0];
  const order = [...f.result.frontier, ...f.result.dominated.map((d) => d.model)];
  const byModel = new Map(r.models.map((m) => [m.model, m]));
  const left = f.result.leftOut;
  return [
    heading("Pareto frontier: cost per attempt against mean score"),
    table([
      col(
        "Model",
        order.map((m) => m),
        "left",
      ),
      col(
        "Cost/attempt",
        order.map((m) => money(byModel.get(m)?.costPerAttempt ?? Number.NaN)),
      ),
      col(
        "Mean score",
        order.map((m) => fixed(byModel.get(m)?.meanScore ?? Number.NaN, 3)),
      ),
      col(
        "Pareto",
        order.map((m) => paretoCell(f, m)),
        "left",
      ),
    ]),
    text(
      `${f.result.frontier.length} models on the frontier, ${f.result.dominated.length} dominated${left.length ? `, ${left.length} left out (cost unknown)` : ""}.`,
    ),
  ];
}

function contestBlock(r: CostReport): Block[] {
  const fs = r.frontiers.slice(1);
  const last = r.csd.results[r.csd.results.length - 1];
  const order = last.models.map((m) => m.model);
  const byModel = new Map(r.models.map((m) => [m.model, m]));
  const out = r.models.filter((m) => !m.inContest).map((m) => m.model);
  const mode =
    r.config.outcomes === "cost-adjusted"
      ? "cost-adjusted outcomes (matches won on score per dollar)"
      : r.config.outcomes === "probabilistic"
        ? "probabilistic outcomes"
        : "the usual outcomes";
  return [
    heading(`CSD with ${mode}: cost against E[S], ordered by E[S] at T=${last.T}`),
    table([
      col("Model", order, "left"),
      col(
        "Cost/attempt",
        order.map((m) => money(byModel.get(m)?.costPerAttempt ?? Number.NaN)),
      ),
      ...(r.budget
        ? [
            col(
              "Budget",
              order.map((m) => byModel.get(m)?.budget ?? "-"),
              "left",
            ),
          ]
        : []),
      ...fs.flatMap((f) => [
        col(
          `E[S] T=${f.T}`,
          order.map((m) => fixed(byModel.get(m)?.expectedScore[f.T ?? ""] ?? Number.NaN, 3)),
        ),
        col(
          `Pareto T=${f.T}`,
          order.map((m) => paretoCell(f, m)),
          "left",
        ),
      ]),
    ]),
    ...(out.length > 0 ? [text(`Not in the contest: ${out.join(", ")}.`)] : []),
  ];
}

function describe(r: CostReport): string {
  const known = r.models.filter((m) => !Number.isNaN(m.costPerAttempt)).length;
  const c = r.csd.config;
  return `Cost-aware ranking of ${c.input.file}: ${r.models.length} models (${known} with a known cost), ${r.benchmarks.length} benchmark${r.benchmarks.length === 1 ? "" : "s"}, ${c.plan.rounds.length} round${c.plan.rounds.length === 1 ? "" : "s"}; CSD with N = ${thousands(c.runs)}, seed ${c.seed}`;
}

function costDocument(r: CostReport, markdown: boolean): string {
  const blocks: Block[] = [];
  const def = r.definitions.find((d) => d.startsWith("outcomes:"));
  if (def) blocks.push(text(def.replace(/^outcomes: /, "Outcomes: ")));
  if (r.budget)
    blocks.push(
      text(`${r.budget.definition.replace(/^budget: /, "Budget: ")}: ${r.budget.kept.length} of ${r.models.length} models play.`),
    );
  for (const n of r.notes) blocks.push(text(noteLine(n)));
  blocks.push(...cellBlocks(r), ...frontierBlocks(r), ...paretoBlock(r), ...contestBlock(r));
  blocks.push(heading("Definitions"));
  for (const d of r.definitions) blocks.push(text(`- ${d}`));
  return renderDocument(describe(r), blocks, markdown);
}

function csvNumber(x: number): string | number {
  return Number.isNaN(x) ? "" : x === Number.POSITIVE_INFINITY ? "Infinity" : x;
}

function costCsv(r: CostReport): string {
  const shape = { cols: r.benchmarks.length };
  const fs = r.frontiers;
  const dominatedBy = (f: CostFrontier, m: string) => f.result.dominated.find((d) => d.model === m)?.by.join("; ") ?? "";
  const onFront = (f: CostFrontier, m: string) =>
    f.result.frontier.includes(m) ? 1 : f.points.some((p) => p.model === m && !Number.isNaN(p.cost)) ? 0 : "";
  const header = [
    "model",
    "in_contest",
    "budget",
    "cost_per_attempt",
    "mean_score",
    "accuracy",
    "cost_of_pass",
    ...fs.flatMap((f, i) =>
      i === 0
        ? ["frontier_mean_score", "dominated_by_mean_score"]
        : [`es_T${f.T}`, `frontier_T${f.T}`, `dominated_by_T${f.T}`, `uncertain_T${f.T}`],
    ),
    ...r.benchmarks.flatMap((b) => [`cost_${b.benchmark}`, `accuracy_${b.benchmark}`, `cost_of_pass_${b.benchmark}`]),
  ];
  const rows = r.models.map((m, i) => [
    m.model,
    m.inContest ? 1 : 0,
    m.budget ?? "",
    csvNumber(m.costPerAttempt),
    csvNumber(m.meanScore),
    csvNumber(m.accuracy),
    csvNumber(m.costOfPass),
    ...fs.flatMap((f, k) =>
      k === 0
        ? [onFront(f, m.model), dominatedBy(f, m.model)]
        : [
            csvNumber(m.expectedScore[f.T ?? ""] ?? Number.NaN),
            onFront(f, m.model),
            dominatedBy(f, m.model),
            f.result.uncertain.includes(m.model) ? 1 : 0,
          ],
    ),
    ...r.cells
      .slice(cellIndex(shape, i, 0), cellIndex(shape, i + 1, 0))
      .flatMap((c) => [csvNumber(c.meanCost), csvNumber(c.accuracy), csvNumber(c.costOfPass)]),
  ]);
  return renderCsv(header, rows);
}

export function renderCost(r: CostReport, format: OutputFormat): string {
  switch (format) {
    case "json":
      return costJson(r);
    case "csv":
      return costCsv(r);
    case "markdown":
      return costDocument(r, true);
    case "table":
      return costDocument(r, false);
  }
}
