/**
 * OpenCompass summary CSV (summary/summary_<time>.csv): `dataset,version,metric,mode,<one column
 * per model>`, values printed with two decimals, "-" where a model has no result. Rows whose
 * version, metric and mode are all "-" are section headers or datasets without results: reported,
 * not read. A dataset listed with several metrics becomes one benchmark per metric ("gsm8k
 * (accuracy)"), unless --metric keeps one.
 */
import { parseCsv } from "../csv.js";
import { InputError, listProblems, problemsError } from "../errors.js";
import { parseScoreCell } from "../numbers.js";
import { emptyValues, type RawRow, type RawTable } from "../raw.js";
import { type Adapter, type AdapterOptions, extension, type SourceText, single } from "./types.js";

const HEAD = ["dataset", "version", "metric", "mode"];

export function isOpenCompassHeader(columns: readonly string[]): boolean {
  return columns.length > HEAD.length && HEAD.every((h, i) => columns[i]?.trim().toLowerCase() === h);
}

export function readOpenCompass(sources: readonly SourceText[], options: AdapterOptions): RawTable {
  const { file, text } = single(sources, "opencompass");
  const rec = parseCsv(text, file, ",");
  if (!isOpenCompassHeader(rec.columns)) {
    throw new InputError(
      `${file}: not an OpenCompass summary (expected the header dataset,version,metric,mode,<models>; got ${rec.columns.slice(0, 5).join(",")})`,
      { file },
    );
  }
  const models = rec.columns.slice(HEAD.length).map((c) => c.trim());
  const skipped: string[] = [];
  const kept = rec.rows.filter((r) => {
    const dash = [1, 2, 3].every((i) => String(r.cells[i] ?? "").trim() === "-");
    if (dash) skipped.push(`${r.where} "${String(r.cells[0]).trim()}"`);
    return !dash;
  });
  const wanted = new Set(options.metric ?? []);
  const rows = wanted.size > 0 ? kept.filter((r) => wanted.has(String(r.cells[2]).trim())) : kept;
  if (rows.length === 0)
    throw new InputError(
      `${file}: no dataset rows${wanted.size ? ` with metric ${[...wanted].join(", ")}` : ""}`,
      wanted.size ? { code: "invalid-option", file, option: "metric" } : { file },
    );
  const datasets = rows.map((r) => String(r.cells[0]).trim());
  const metrics = rows.map((r) => String(r.cells[2]).trim());
  const repeated = new Set(datasets.filter((d, i) => datasets.indexOf(d) !== i));
  const names = datasets.map((d, i) => (repeated.has(d) ? `${d} (${metrics[i]})` : d));
  const dup = names.filter((n, i) => names.indexOf(n) !== i);
  if (dup.length > 0)
    throw new InputError(listProblems(`${file}: datasets listed twice with the same metric:`, [...new Set(dup)]), { file });
  const problems: string[] = [];
  const byModel: RawRow[] = models.map((model) => ({ model, where: `column "${model}"`, values: emptyValues(rows.length) }));
  rows.forEach((r, b) => {
    models.forEach((model, j) => {
      const p = parseScoreCell(r.cells[HEAD.length + j]);
      if (p.kind === "invalid") problems.push(`${r.where}, column "${model}": ${p.reason}`);
      else if (p.kind === "number") byModel[j].values[b] = p.value;
    });
  });
  if (problems.length > 0) throw problemsError(`${file}: invalid scores:`, problems, { file });
  const notes = [`OpenCompass summary: ${models.length} models x ${rows.length} dataset rows`];
  if (skipped.length > 0) notes.push(`rows without results (section headers or datasets not evaluated): ${skipped.join(", ")}`);
  if (repeated.size > 0)
    notes.push(`datasets with several metrics, one benchmark each: ${[...repeated].join(", ")} (keep one with --metric)`);
  const averages = rows.filter((r) => /average|mean/.test(String(r.cells[2]))).map((r) => String(r.cells[0]).trim());
  if (averages.length > 0)
    notes.push(
      `rows that OpenCompass computed as averages of other datasets (metric naive_average/weighted_average): ${averages.join(", ")}`,
    );
  return {
    source: file,
    adapter: "opencompass",
    layout: "benchmarks-rows",
    benchmarks: names,
    benchmarkWhere: rows.map((r) => r.where),
    rows: byModel,
    duplicateUnit: "row",
    ignored: ["version", "metric", "mode"],
    lowerIsBetter: [],
    notes,
  };
}

export const openCompassAdapter: Adapter = {
  name: "opencompass",
  description: "OpenCompass summary CSV: dataset,version,metric,mode,<one column per model>",
  options: ["metric"],
  detect(file, head) {
    if (!["csv", "txt", ""].includes(extension(file))) return undefined;
    const first = head.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
    return isOpenCompassHeader(first.split(",")) ? "header dataset,version,metric,mode,<models>" : undefined;
  },
  read: readOpenCompass,
};
