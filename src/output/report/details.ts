/** The run's description, notes, round plan and the full per-T tables. */

import { settingName } from "../charts/input.js";
import { fixed, percent, thousands } from "../format.js";
import { describeRun, expectedScoreDigits } from "../rank-tables.js";
import type { ReportData } from "./data.js";
import { esc, htmlTable } from "./html.js";

export function summaryHtml(data: ReportData): string {
  const c = data.result.config;
  const facts: [string, string][] = [
    ["Input", c.input.file],
    ["Models", thousands(c.input.models.length)],
    ["Rounds", String(c.plan.rounds.length)],
    ["T settings", data.result.results.map((r) => r.T).join(", ")],
    ["Contests (N)", `${thousands(c.runs)} per setting`],
    ["Seed", String(c.seed)],
    ["Elimination", c.elimination === "paper" ? "paper (random at the cut)" : "script (input order at the cut)"],
  ];
  const dl = facts.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join("");
  const notes = data.result.notes.map((n) => `<li>${esc(n)}</li>`).join("");
  return `<dl class="facts">${dl}</dl>${notes ? `<ul class="notes">${notes}</ul>` : ""}`;
}

export function planHtml(data: ReportData): string {
  const c = data.result.config;
  const rows = c.plan.rounds.map((r, i) => [String(i + 1), esc(r.name), esc(r.benchmarks.join(", "))]);
  const lower = c.input.benchmarks.filter((b) => b.lowerIsBetter).map((b) => b.name);
  const extra = [
    c.plan.rationale ? `Why this order: ${c.plan.rationale}` : "",
    c.input.unusedBenchmarks.length ? `Not used by the plan: ${c.input.unusedBenchmarks.join(", ")}.` : "",
    c.input.ignoredColumns.length ? `Columns that are not scores: ${c.input.ignoredColumns.join(", ")}.` : "",
    lower.length ? `Lower is better (negated before averaging): ${lower.join(", ")}.` : "",
  ].filter((s) => s !== "");
  const schedules = data.result.results.map(
    (r) =>
      `${settingName(r.T)}: ${r.schedule.join(", ")} eliminated after rounds 1-${r.schedule.length}; ${r.pointsPerContest} points per contest`,
  );
  return [
    `<p>${esc(describeRun(data.result)[0])}.</p>`,
    `<div class="table-wrap narrow">${htmlTable([{ header: "#", numeric: true }, { header: "Round" }, { header: "Benchmarks (unweighted mean)" }], rows)}</div>`,
    `<p class="caption">Rounds are played in this order (${esc(c.plan.source)}). ${extra.map(esc).join(" ")}</p>`,
    `<p class="caption">${schedules.map(esc).join("<br>")}</p>`,
  ].join("\n");
}

/** One collapsed table per setting with every figure the engine reports. */
export function settingTablesHtml(data: ReportData): string {
  const d = expectedScoreDigits(data.result);
  const cols = ["Rank", "Model", "E[S]", "SE", "P(first)", "Median rank", "5-95%", "Rounds", "Byes", "P(elim)"].map((h, i) => ({
    header: h,
    numeric: i !== 1,
  }));
  return data.result.results
    .map((r) => {
      const rows = r.models.map((m) => [
        String(m.rank),
        esc(m.model),
        fixed(m.expectedScore, d),
        fixed(m.standardError, d),
        percent(m.pFirst),
        String(m.medianRank),
        `${m.rankP05}&ndash;${m.rankP95}`,
        fixed(m.meanRounds, 2),
        fixed(m.meanByes, 2),
        percent(m.pEliminated),
      ]);
      return `<details><summary>${esc(settingName(r.T))}: all figures (${r.pointsPerContest} points per contest)</summary><div class="table-wrap">${htmlTable(cols, rows)}</div></details>`;
    })
    .join("\n");
}
