/** The method comparison as text, Markdown, CSV or JSON. */
import type { ComparisonResult } from "../analysis/compare.js";
import { type Block, col, heading, moreModels, noteLine, renderDocument, table, text } from "./document.js";
import { FIGURES, fixed, signed } from "./format.js";
import { renderCsv } from "./grid.js";
import type { OutputFormat, RenderOptions } from "./render-rank.js";

function scoreDigits(values: number[]): number {
  const max = Math.max(...values.filter(Number.isFinite).map(Math.abs));
  return max >= 100 ? 1 : max >= 10 ? 2 : 3;
}

/** Models ordered by the last CSD column (the harshest setting, as in the paper's figure). */
function modelOrder(c: ComparisonResult): number[] {
  const lead = c.methods[c.methods.length - 1];
  return c.models.map((_, i) => i).sort((a, b) => lead.ranks[a] - lead.ranks[b] || a - b);
}

/**
 * A method comparison as `swissround compare` prints it.
 *
 * @example
 * const comparison = await compareRun(await runRankingWithTallies(table));
 * console.log(renderCompare(comparison, "table"));
 */
export function renderCompare(c: ComparisonResult, format: OutputFormat, options: RenderOptions = {}): string {
  const top = options.top && options.top > 0 ? options.top : Number.POSITIVE_INFINITY;
  if (format === "json") return `${JSON.stringify(c, null, 2)}\n`;
  if (format === "csv") return compareCsv(c, top);
  const order = modelOrder(c).slice(0, top);
  const more = moreModels(c.models.length, top);
  const last = c.tiers[c.tiers.length - 1];
  const blocks: Block[] = [];
  for (const n of c.notes) blocks.push(text(noteLine(n)));
  blocks.push(
    heading(`Ranks under every method (static methods over ${c.over}; models ordered by ${c.methods[c.methods.length - 1].name})`),
  );
  blocks.push(
    table([
      col(
        "Model",
        order.map((m) => c.models[m]),
        "left",
      ),
      ...(last
        ? [
            col(
              `Tier T=${last.T}`,
              order.map((m) => String(last.tiers[m])),
            ),
          ]
        : []),
      ...c.methods.map((method) =>
        col(
          method.id,
          order.map((m) => (Number.isNaN(method.ranks[m]) ? "-" : String(method.ranks[m]))),
        ),
      ),
    ]),
  );
  blocks.push(heading("Scores"));
  blocks.push(
    table([
      col(
        "Model",
        order.map((m) => c.models[m]),
        "left",
      ),
      ...c.methods.map((method) => {
        const d = scoreDigits(method.values);
        return col(
          method.lowerIsBetter ? `${method.id} (low)` : method.id,
          order.map((m) => fixed(method.values[m], d)),
        );
      }),
    ]),
  );
  const low = c.methods.filter((m) => m.lowerIsBetter).map((m) => m.id);
  if (low.length > 0) blocks.push(text(`(low): lower is better (${low.join(", ")}: the figure itself; higher is better for the others)`));
  blocks.push(heading("Definitions"));
  for (const m of c.methods.filter((x, i, all) => all.findIndex((y) => y.definition === x.definition) === i)) {
    blocks.push(text(`- ${m.id}: ${m.definition}`));
  }
  blocks.push(
    text(
      c.normalisation
        ? `- normalisation "${c.normalisation.name}" for every scale-sensitive method: ${c.normalisation.definition}`
        : "- normalisation: each method's own default (raw scores for mean and CVaR; min-max for IQM and optimality gap)",
    ),
  );
  for (const m of c.methods) for (const n of m.notes) blocks.push(text(`  (${m.id}) ${n}`));
  blocks.push(
    text(
      c.condorcetWinner ? `Condorcet winner: ${c.condorcetWinner}` : "No Condorcet winner (no model beats every other one head to head).",
    ),
  );

  blocks.push(heading("Agreement between methods: Kendall tau-b (upper right) and Spearman rho (lower left)"));
  const names = c.methods.map((m) => m.name);
  const pair = new Map(c.agreement.map((a) => [`${a.a}\u0000${a.b}`, a]));
  const cellFor = (i: number, j: number) => {
    if (i === j) return "1";
    const a = pair.get(`${names[Math.min(i, j)]}\u0000${names[Math.max(i, j)]}`);
    return a ? FIGURES.correlation(i < j ? a.kendallTauB : a.spearman) : "";
  };
  blocks.push(
    table([
      col(
        "",
        c.methods.map((m) => m.id),
        "left",
      ),
      ...c.methods.map((m, j) =>
        col(
          m.id,
          c.methods.map((_, i) => cellFor(i, j)),
        ),
      ),
    ]),
  );
  const k = c.agreement[0]?.k ?? 10;
  blocks.push(text(`Top-${k} overlap with CSD at T=${last?.T}:`));
  const lastName = names[names.length - 1];
  blocks.push(
    table([
      col(
        "Method",
        c.methods.slice(0, -1).map((m) => m.id),
        "left",
      ),
      col(
        `top-${k} overlap`,
        c.methods.slice(0, -1).map((m) => FIGURES.overlap(c.agreement.find((a) => a.a === m.name && a.b === lastName)?.topK ?? Number.NaN)),
      ),
    ]),
  );
  for (const d of c.agreementDefinitions) blocks.push(text(`- ${d}`));

  blocks.push(heading(`Kemeny distance to the ${c.columns.length} per-column orders (${c.kemeny.battles} pairwise battles)`));
  const byDistance = [...c.kemeny.distances].sort((a, b) => a.distance - b.distance);
  blocks.push(
    table([
      col(
        "Method",
        byDistance.map((d) => d.id),
        "left",
      ),
      col(
        "distance",
        byDistance.map((d) => FIGURES.count(d.distance)),
      ),
      col(
        "share",
        byDistance.map((d) => FIGURES.share(d.share)),
      ),
    ]),
  );
  blocks.push(text(`- ${c.kemeny.definition}`));

  blocks.push(heading(`Tiers and tail risk`));
  const risk = c.tailRisk;
  blocks.push(
    table([
      col(
        "Model",
        order.map((m) => c.models[m]),
        "left",
      ),
      ...c.tiers.map((t) =>
        col(
          `Tier T=${t.T}`,
          order.map((m) => String(t.tiers[m])),
        ),
      ),
      ...(last
        ? [
            col(
              `Interval tier T=${last.T}`,
              order.map((m) => String(last.intervalTiers[m])),
            ),
          ]
        : []),
      col(
        "Mean",
        order.map((m) => fixed(risk.mean[m], scoreDigits(risk.mean))),
      ),
      col(
        `CVaR ${risk.alpha}`,
        order.map((m) => fixed(risk.cvar[m], scoreDigits(risk.mean))),
      ),
      ...(risk.deltaE
        ? [
            col(
              "Delta E",
              order.map((m) => signed(risk.deltaE?.[m] ?? Number.NaN, 3)),
            ),
          ]
        : []),
    ]),
  );
  for (const d of c.tierDefinitions) blocks.push(text(`- ${d}`));
  blocks.push(text(`- ${risk.definition}`));
  // Tables of models cut at --top say how many more there are.
  const shown = more
    ? blocks.flatMap((b) =>
        b.kind === "table" && b.columns[0]?.header === "Model" && b.columns[0].cells.length === order.length ? [b, text(more)] : [b],
      )
    : blocks;
  return renderDocument(`Method comparison: ${c.models.length} models, ${c.columns.length} ${c.over}`, shown, format === "markdown");
}

function compareCsv(c: ComparisonResult, top: number): string {
  const header = [
    "model",
    ...c.tiers.map((t) => `tier_T${t.T}`),
    ...c.methods.flatMap((m) => [`${m.id}_score`, `${m.id}_rank`]),
    "mean",
    "cvar",
  ];
  // The best `top` models (all without --top), in input order as before.
  const kept = modelOrder(c)
    .slice(0, top)
    .sort((a, b) => a - b);
  const rows = kept.map((i) => [
    c.models[i],
    ...c.tiers.map((t) => t.tiers[i]),
    ...c.methods.flatMap((m) => [m.values[i], m.ranks[i]]),
    c.tailRisk.mean[i],
    c.tailRisk.cvar[i],
  ]);
  return renderCsv(header, rows);
}
