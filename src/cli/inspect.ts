/** `swissround inspect FILE`: what reading understood, so a user can check before ranking. */

import { type Command, Option } from "commander";
import { terminalSafe } from "../output/escape.js";
import { thousands } from "../output/format.js";
import { defaultRoundPlan } from "../plan/plan.js";
import { cellErrors, type NoiseReport, noiseReport } from "../run/noise.js";
import { type InspectReport, inspectTable } from "../table/inspect.js";
import { readRawTable } from "../table/read.js";
import { addTableOptions, outputTo, readOptionsFrom, type TableFlags } from "./common.js";

interface InspectFlags extends TableFlags {
  format: "text" | "json";
  output?: string;
  all?: boolean;
}

function fmt(x: number): string {
  if (Number.isNaN(x)) return "-";
  return Math.abs(x) >= 1000 || Number.isInteger(x) ? String(Math.round(x * 100) / 100) : x.toPrecision(4);
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join("  ")
      .trimEnd(),
  );
}

function list(names: readonly string[], all: boolean, limit = 12): string {
  if (all || names.length <= limit) return names.join(", ");
  return `${names.slice(0, limit).join(", ")}, ... (${names.length - limit} more; --all lists them)`;
}

export function renderInspect(r: InspectReport & { noise?: NoiseReport }, all = false): string {
  const out: string[] = [];
  out.push(`File: ${r.file}`);
  out.push(`Read as: ${r.adapter} (layout ${r.layout})`);
  if (r.adapterReason) out.push(`Adapter chosen: ${r.adapterReason}`);
  out.push(`Models (${r.models.length}): ${list(r.models, all)}`);
  const scored = r.benchmarks.filter((b) => !b.aggregate);
  out.push(
    `Benchmarks (${scored.length}${r.benchmarks.length > scored.length ? ` + ${r.benchmarks.length - scored.length} aggregate` : ""}):`,
  );
  const rows = [["benchmark", "scores", "gaps", "min", "max", "mean", "distinct", "scale", "note"]];
  for (const b of r.benchmarks) {
    const note = [b.aggregate ? `aggregate: ${b.aggregate}` : "", b.lowerIsBetter ? "lower is better" : "", b.kind ?? ""]
      .filter(Boolean)
      .join("; ");
    rows.push([b.name, String(b.scores), String(b.gaps), fmt(b.min), fmt(b.max), fmt(b.mean), String(b.distinct), b.scale, note]);
  }
  out.push(...table(rows).map((l) => `  ${l}`));
  const notScores = r.columns.filter((c) => c.verdict !== "score" && c.verdict !== "key" && c.verdict !== "aggregate");
  if (notScores.length > 0)
    out.push(
      `Not read as scores: ${list(
        notScores.map((c) => `${c.name || "(unnamed)"} [${c.rule}: ${c.reason}]`),
        all,
      )}`,
    );
  else if (r.ignoredColumns.length > 0) out.push(`Not read as scores: ${list(r.ignoredColumns, all)}`);
  if (r.extras.length > 0) out.push(`Per-cell figures besides scores: ${r.extras.join(", ")}`);
  if (r.items)
    out.push(
      `Item-level results kept: ${thousands(r.items.rows)} rows, ${thousands(r.items.distinctItems)} distinct items over ${r.items.benchmarks} benchmarks`,
    );
  if (r.gaps.count === 0) out.push("Gaps: none");
  else {
    out.push(
      `Gaps: ${r.gaps.count} of ${r.gaps.cells} cells missing (rank stops unless --missing drop-model|drop-benchmark|lose|available-mean)`,
    );
    const shown = all ? r.gaps.list : r.gaps.list.slice(0, 20);
    for (const g of shown) out.push(`  - ${g}`);
    if (shown.length < r.gaps.list.length) out.push(`  ... and ${r.gaps.list.length - shown.length} more (--all lists them)`);
  }
  if (r.duplicates.groups.length > 0) {
    out.push(`Duplicates (--duplicates ${r.duplicates.policy}): ${r.duplicates.groups.length}`);
    const shown = all ? r.duplicates.groups : r.duplicates.groups.slice(0, 20);
    for (const g of shown) out.push(`  - "${g.model}" at ${g.rows.join(", ")}: ${g.action}`);
    if (shown.length < r.duplicates.groups.length) out.push(`  ... and ${r.duplicates.groups.length - shown.length} more`);
  }
  if (r.warnings.length > 0) {
    out.push("Warnings:");
    for (const w of r.warnings) out.push(`  - ${w}`);
  }
  if (r.noise) {
    out.push(`Signal and noise (standard errors: ${r.noise.source}; ${r.noise.definition})`);
    const noiseRows = [["benchmark", "models", "signal", "noise", "SNR", "coin-flip share", "flag"]];
    for (const b of r.noise.benchmarks) {
      noiseRows.push([
        b.name,
        String(b.models),
        fmt(b.signal),
        fmt(b.noise),
        fmt(b.snr),
        `${Math.round(100 * b.coinFlipShare)}%`,
        b.lowSignal ? "mostly noise" : "",
      ]);
    }
    out.push(...table(noiseRows).map((l) => `  ${l}`));
  }
  out.push("Notes:");
  for (const n of r.notes) out.push(`  - ${n}`);
  return `${out.join("\n")}\n`;
}

function jsonReplacer(_: string, v: unknown): unknown {
  return typeof v === "number" && !Number.isFinite(v) ? null : v;
}

export function registerInspect(program: Command): void {
  const cmd = program
    .command("inspect")
    .description("show what was understood from a file (adapter, models, benchmarks, gaps, ranges, suspicious values) before ranking")
    .argument("<scores>", "score table, per-item file, harness results (file or directory), OpenCompass summary, aider YAML")
    .addOption(new Option("--format <format>", "text or json").choices(["text", "json"]).default("text"))
    .option("-o, --output <file>", "write to this file (atomically) instead of stdout")
    .option("--all", "list every model, gap and duplicate");
  addTableOptions(cmd);
  cmd.action((scores: string, flags: InspectFlags) => {
    const write = outputTo(flags.output, [scores]);
    const options = { ...readOptionsFrom(flags), keepItems: true };
    const { report: base, table } = inspectTable(readRawTable(scores, options), options);
    const cells = cellErrors(table);
    const report: InspectReport & { noise?: NoiseReport } =
      cells.source === "none" ? base : { ...base, noise: noiseReport(table, defaultRoundPlan(table), cells) };
    write(
      flags.format === "json"
        ? `${JSON.stringify(report, jsonReplacer, 2)}\n`
        : terminalSafe(renderInspect(report, flags.all ?? false), true),
    );
  });
}
