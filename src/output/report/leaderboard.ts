/** The leaderboard: E[S] with 95% intervals at every T, rank, tier and robustness label. */

import { leaderboardSetting, settingName } from "../charts/input.js";
import { fixed, percent, signed, thousands } from "../format.js";
import { expectedScoreDigits } from "../rank-tables.js";
import type { ReportData } from "./data.js";
import { esc, type HtmlColumn, htmlTable } from "./html.js";

/** z for a two-sided 95% normal interval. */
const Z95 = 1.96;

export function leaderboardHtml(data: ReportData): string {
  const { result, tiers } = data;
  const top = leaderboardSetting(result);
  const d = expectedScoreDigits(result);
  const bySetting = result.results.map((r) => new Map(r.models.map((m) => [m.model, m])));
  const sens = new Map(result.sensitivity?.models.map((m) => [m.model, m]) ?? []);
  // Delta E sits beside the label, before the per-T columns: it stays in view on narrower screens.
  // With --bootstrap, the data's 95% interval per setting and model; else the Monte Carlo one.
  const boot = result.results.map(
    (r) => new Map(result.uncertainty?.settings.find((u) => u.T === r.T)?.models.map((m) => [m.model, m] as const) ?? []),
  );
  const u = result.uncertainty;
  const columns: HtmlColumn[] = [
    { header: "Rank", numeric: true, title: `rank by E[S] at ${settingName(top.T)}` },
    { header: "Model", sticky: true },
    { header: "Tier", numeric: true },
    ...(result.sensitivity ? [{ header: "Label" }] : []),
    ...(result.sensitivity
      ? [
          {
            header: "Delta E",
            numeric: true,
            descending: true,
            title: `E[S | ${settingName(result.sensitivity.harshestLabel)}] - E[S | ${settingName(result.sensitivity.baselineLabel)}]`,
          },
        ]
      : []),
    ...result.results.map((r) => ({
      header: `E[S] ${settingName(r.T)}`,
      numeric: true,
      descending: true,
      title: u ? "mean final score [95% bootstrap interval]" : "mean final score +/- 95% Monte Carlo interval",
    })),
    { header: "P(first)", numeric: true, descending: true },
    { header: "Final rank", numeric: true, title: `median final position (5th-95th percentile) at ${settingName(top.T)}` },
  ];
  const keys: (number | undefined)[][] = [];
  const rows = top.models.map((m) => {
    const s = sens.get(m.model);
    const at = bySetting.map((b) => b.get(m.model));
    keys.push([
      m.rank,
      undefined,
      tiers.byModel[m.model],
      ...(result.sensitivity ? [undefined, s?.deltaE] : []),
      ...at.map((o) => o?.expectedScore),
      m.pFirst,
      m.medianRank,
    ]);
    return [
      String(m.rank),
      `<span class="model">${esc(m.model)}</span>`,
      `<span class="tier tier-${tiers.byModel[m.model]}">${tiers.byModel[m.model]}</span>`,
      ...(result.sensitivity ? [s ? `<span class="label label-${s.label}">${s.label}</span>` : ""] : []),
      ...(result.sensitivity
        ? [
            s
              ? `${signed(s.deltaE, d)}${s.deltaInterval ? ` <span class="pm">[${fixed(s.deltaInterval[0], 2)}, ${fixed(s.deltaInterval[1], 2)}]</span>` : ""}`
              : "",
          ]
        : []),
      ...bySetting.map((b, i) => {
        const o = b.get(m.model);
        const iv = boot[i].get(m.model);
        if (!o) return "";
        return iv
          ? `${fixed(o.expectedScore, d)} <span class="pm">[${fixed(iv.low, d)}, ${fixed(iv.high, d)}]</span>`
          : `${fixed(o.expectedScore, d)} <span class="pm">&plusmn; ${fixed(Z95 * o.standardError, d)}</span>`;
      }),
      percent(m.pFirst),
      `${m.medianRank} <span class="pm">(${m.rankP05}&ndash;${m.rankP95})</span>`,
    ];
  });
  const s = result.sensitivity;
  const caption = [
    `Models ordered by E[S] at ${settingName(top.T)}${s ? " (the harshest setting)" : ""}. E[S]: the mean final score over ` +
      `N = ${thousands(result.config.runs)} simulated contests per setting, ` +
      (u
        ? `with its 95% bootstrap interval [low, high] (${thousands(u.resamples)} resamples of the data: the data's uncertainty and the Monte Carlo's). `
        : "with its 95% Monte Carlo interval (+/- 1.96 standard errors): the simulation's error only, not the data's (--bootstrap B adds it). ") +
      `Rank: by E[S] at ${settingName(top.T)}; equal values share the best rank.`,
    `Tier (computed from E[S] at ${settingName(tiers.T)}, ${tiers.k} tiers): ${tiers.definition}`,
    ...(s ? [`Label: ${s.rule}`] : []),
    `P(first): share of contests finished first at ${settingName(top.T)}. Final rank: the median final position and its 5th-95th percentiles.`,
  ];
  const n = top.models.length;
  // Every row is in the page (no scroll box); the script adds sorting and the search (client/tables.ts).
  const tools =
    `<div class="table-tools"><input type="search" data-table-search="leaderboard" placeholder="Search models" aria-label="Search models">` +
    `<span class="table-count" data-table-count="leaderboard" aria-live="polite">${n} models</span>` +
    `<span class="table-hint">Click a column's header to sort by it.</span></div>`;
  const table = htmlTable(columns, rows, "grid leaderboard", { id: "leaderboard", noun: "models", keys });
  return `${tools}\n<div class="table-wrap full">${table}</div>\n<p class="caption">${caption.map(esc).join("<br>")}</p>`;
}
