/**
 * Aider's leaderboard YAML (aider/website/_data/*_leaderboard.yml): one record per benchmark run
 * of a model and edit format. The benchmark is the file (polyglot, edit, refactor); the score is
 * pass_rate_2 (solved after one retry, aider's headline) unless --metric pass_rate_1; total_cost
 * 0 means unknown (aider's convention) and is kept as unknown.
 */
import { InputError } from "../errors.js";
import type { RawRow, RawTable } from "../raw.js";
import { parseYamlText } from "../yaml.js";
import { type Adapter, type AdapterOptions, isYaml, type SourceText, single } from "./types.js";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function isAiderRecords(v: unknown): v is Obj[] {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.every(isObj) &&
    v.some((r) => "pass_rate_1" in r || "pass_rate_2" in r) &&
    v.every((r) => "model" in r)
  );
}

function benchmarkOf(file: string): string {
  const base = (file.split(/[\\/]/).pop() ?? file).replace(/\.(ya?ml)$/i, "");
  return base.replace(/_leaderboard$/, "") || base;
}

function num(v: unknown): number {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return Number.NaN;
}

export function readAider(sources: readonly SourceText[], options: AdapterOptions): RawTable {
  const { file, text } = single(sources, "aider");
  const data = parseYamlText(text, file);
  if (!isAiderRecords(data))
    throw new InputError(`${file}: not an aider leaderboard (expected a YAML list of records with model and pass_rate_1/pass_rate_2)`, {
      file,
    });
  // pass_rate_2 is aider's headline; a leaderboard without second tries (refactor) has pass_rate_1 only.
  const has = (m: string) => data.some((r) => m in r);
  const metric = options.metric?.[0] ?? (has("pass_rate_2") || !has("pass_rate_1") ? "pass_rate_2" : "pass_rate_1");
  if (!has(metric)) {
    const present = ["pass_rate_1", "pass_rate_2"].filter(has);
    throw new InputError(
      `--metric ${metric}: no record of ${file} has it${present.length > 0 ? ` (it has ${present.join(" and ")})` : ""}`,
      { code: "invalid-option", file, option: "metric" },
    );
  }
  const bench = benchmarkOf(file);
  const problems: string[] = [];
  let zeroCost = 0;
  let noCost = 0;
  const rows: RawRow[] = data.map((r, i) => {
    const where = `record ${i + 1}${typeof r.dirname === "string" ? ` (${r.dirname})` : ""}`;
    const model = String(r.model ?? "").trim();
    if (model === "") problems.push(`${where}: no model name`);
    const v = num(r[metric]);
    if (r[metric] !== undefined && r[metric] !== null && Number.isNaN(v))
      problems.push(`${where}: ${metric} ${JSON.stringify(r[metric])} is not a number`);
    const rawCost = num(r.total_cost);
    if (!("total_cost" in r)) noCost++;
    else if (rawCost === 0) zeroCost++;
    const tokens = num(r.prompt_tokens) + num(r.completion_tokens);
    const count = num(r.test_cases ?? r.total_tests);
    return {
      model,
      where,
      variant: typeof r.edit_format === "string" ? r.edit_format : undefined,
      values: Float64Array.of(v),
      extras: {
        cost: Float64Array.of(rawCost === 0 ? Number.NaN : rawCost),
        tokens: Float64Array.of(tokens),
        count: Float64Array.of(count),
      },
    };
  });
  if (problems.length > 0) throw new InputError(`${file}: ${problems.join("; ")}`, { file });
  const keys = new Set(data.flatMap((r) => Object.keys(r)));
  const notes = [
    `aider leaderboard: ${rows.length} runs of benchmark "${bench}", score ${metric} (%)${
      options.metric === undefined && metric === "pass_rate_1" ? " (the file has no pass_rate_2: no second tries)" : ""
    }`,
  ];
  if (zeroCost + noCost > 0)
    notes.push(
      `total_cost unknown for ${zeroCost + noCost} runs (${zeroCost} written as 0, which aider uses for unknown or free; ${noCost} without the key)`,
    );
  return {
    source: file,
    adapter: "aider",
    layout: "models-rows",
    benchmarks: [bench],
    benchmarkWhere: [`field "${metric}"`],
    rows,
    duplicateUnit: "row",
    ignored: [...keys].filter((k) => k !== "model" && k !== metric),
    lowerIsBetter: [],
    notes,
  };
}

export const aiderAdapter: Adapter = {
  name: "aider",
  description: "aider leaderboard YAML (records with model, pass_rate_1/2, total_cost)",
  options: ["metric"],
  detect(file, head) {
    if (!isYaml(file)) return undefined;
    try {
      return isAiderRecords(parseYamlText(head, file)) ? "a YAML list of runs with pass_rate_1/pass_rate_2 (aider)" : undefined;
    } catch {
      return undefined;
    }
  },
  read: readAider,
};
