/** Sections that appear only when their study was computed: method comparison, agreement, other studies. */
import { methodsInOrder } from "../charts/input.js";
import { FIGURES, fixed } from "../format.js";
import type { AgreementSection, ReportData } from "./data.js";
import { esc, htmlTable, section } from "./html.js";

export function comparisonTableHtml(data: ReportData): string {
  const c = data.comparison;
  if (!c) return "";
  const methods = methodsInOrder(c);
  const order = c.models.map((_, i) => i).sort((a, b) => methods[0].ranks[a] - methods[0].ranks[b]);
  const cols = [{ header: "Model" }, ...methods.map((m) => ({ header: m.name, numeric: true, title: m.definition }))];
  const rows = order.map((i) => [esc(c.models[i]), ...methods.map((m) => String(m.ranks[i]))]);
  const definitions = [...new Set(methods.map((m) => m.definition))].map((d) => `<li>${esc(d)}</li>`).join("");
  return `<details><summary>Ranks under every method</summary><div class="table-wrap">${htmlTable(cols, rows)}</div><ul class="caption">${definitions}</ul></details>`;
}

export function agreementHtml(data: ReportData): string {
  const a = data.agreement;
  if (!a) return "";
  const cols = ["Ranking A", "Ranking B", "Models", "Kendall tau-b", "Spearman", "Top-k overlap"].map((h, i) => ({
    header: h,
    numeric: i >= 2,
  }));
  const rows = a.pairs.map((p) => [
    esc(p.a),
    esc(p.b),
    String(p.models),
    FIGURES.correlation(p.kendallTauB),
    FIGURES.correlation(p.spearman),
    `${FIGURES.overlap(p.topK)} (k = ${p.k})`,
  ]);
  return section(
    "agreement",
    "Agreement between rankings",
    `<div class="table-wrap">${htmlTable(cols, rows)}</div><p class="caption">${a.definitions.map(esc).join("<br>")}</p>${kemenyHtml(a)}`,
  );
}

/** One section per study (corruption, round order, ...), as a table with its caption. */
export function studiesHtml(data: ReportData): { id: string; title: string; html: string }[] {
  return (data.studies ?? []).map((s) => {
    const id = `study-${s.id}`;
    // Cells come formatted (studies.ts, with the CLI's formatters); numbers here are whole.
    const cols = s.columns.map((h, i) => ({ header: h, numeric: s.numeric?.[i] ?? typeof s.rows[0]?.[i] === "number" }));
    const rows = s.rows.map((r) => r.map((v) => esc(typeof v !== "number" ? v : Number.isInteger(v) ? String(v) : fixed(v, 3))));
    return {
      id,
      title: s.title,
      html: section(id, s.title, `<div class="table-wrap">${htmlTable(cols, rows)}</div><p class="caption">${esc(s.caption)}</p>`),
    };
  });
}

/** How far each ranking is from the benchmarks' own orders (closest first). */
function kemenyHtml(a: AgreementSection): string {
  const k = a.kemeny;
  if (!k) return "";
  const cols = ["Ranking", "Kemeny distance", "Share of battles"].map((header, i) => ({ header, numeric: i > 0 }));
  const rows = [...k.distances]
    .sort((x, y) => x.distance - y.distance)
    .map((d) => [esc(d.name), FIGURES.count(d.distance), FIGURES.share(d.share)]);
  return `<h3>Kemeny distance to the per-column orders (${k.battles} pairwise battles)</h3><div class="table-wrap">${htmlTable(cols, rows)}</div><p class="caption">${esc(k.definition)}</p>`;
}
