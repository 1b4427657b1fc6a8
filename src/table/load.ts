/** Text -> validated ScoreTable, with no I/O (shared by the CLI and the browser). */
import { ADAPTERS, type AdapterChoice, type AdapterName, chooseAdapter } from "./adapters/index.js";
import { type AdapterOptionName, type AdapterOptions, extension, isYaml, type SourceText } from "./adapters/types.js";
import { type AggregateOption, detectAggregates } from "./aggregates.js";
import type { ColumnMap } from "./columns.js";
import type { DuplicatePolicy } from "./duplicates.js";
import { InputError } from "./errors.js";
import { tableFromRaw } from "./from-raw.js";
import type { MissingPolicy } from "./missing.js";
import type { RawTable } from "./raw.js";
import { markLowerIsBetter, selectBenchmarks } from "./select.js";
import type { Layout, ScoreTable } from "./types.js";

export { parseRecords } from "./text-records.js";

export interface ReadOptions {
  layout?: Layout;
  lowerIsBetter?: string[];
  benchmarks?: string[];
  exclude?: string[];
  /** --from: the adapter, instead of detecting it. */
  from?: AdapterName;
  /** --metric: which metric to read (harness, OpenCompass, aider). */
  metric?: string[];
  /** --columns: the columns of a long or per-item file, or the key column (model or benchmark) of a wide table. */
  columns?: ColumnMap;
  /** --benchmark-name: the benchmark of a per-item file without a benchmark column. */
  benchmarkName?: string;
  /** --harness-tasks. */
  harnessTasks?: "top" | "all";
  /** --duplicates (default error). */
  duplicates?: DuplicatePolicy;
  /** --aggregates (default auto). */
  aggregates?: AggregateOption;
  /** --missing (default error): applied once the round plan says which benchmarks are used. */
  missing?: MissingPolicy;
  /** Keep per-item results in the table (default true). */
  keepItems?: boolean;
  /** --unnamed drop (default: such rows are an error). */
  unnamed?: "drop";
}

/** Bytes of a text file's start that adapters look at to recognise it (JSON and YAML: all). */
export const HEAD_CHARS = 1 << 16;

export function headOf(file: string, text: string): string {
  return extension(file) === "json" || isYaml(file) ? text : text.slice(0, HEAD_CHARS);
}

export function adapterOptions(o: ReadOptions): AdapterOptions {
  return {
    layout: o.layout,
    metric: o.metric,
    columns: o.columns,
    benchmarkName: o.benchmarkName,
    harnessTasks: o.harnessTasks,
    keepItems: o.keepItems,
    duplicates: o.duplicates,
    unnamed: o.unnamed,
    from: o.from,
  };
}

/** Options that only some adapters read (by their `options`): given to another, they would be silently ignored. */
const SPECIFIC_OPTIONS: [AdapterOptionName & keyof ReadOptions, string][] = [
  ["metric", "--metric"],
  ["harnessTasks", "--harness-tasks"],
  ["columns", "--columns"],
  ["benchmarkName", "--benchmark-name"],
  ["unnamed", "--unnamed"],
];

export function checkOptionsApply(raw: RawTable, options: ReadOptions): void {
  for (const [key, flag] of SPECIFIC_OPTIONS) {
    const adapters = ADAPTERS.filter((a) => a.options.includes(key)).map((a) => a.name);
    if (options[key] !== undefined && !adapters.includes(raw.adapter as AdapterName)) {
      throw new InputError(
        `${flag} applies to ${adapters.join(", ")} files; ${raw.source} was read by the ${raw.adapter} adapter (choose another with --from)`,
        { code: "invalid-option", option: key },
      );
    }
  }
}

/** The RawTable with the adapter's choice as its first note (and kept for inspect). */
export function withChoice(raw: RawTable, choice: AdapterChoice, how = ""): RawTable {
  const reason = `${choice.reason}${how}`;
  return { ...raw, adapterReason: reason, notes: [`read by the ${raw.adapter} adapter (${choice.reason})${how}`, ...raw.notes] };
}

/** Reads text(s) with the adapter already chosen. */
export function readChosen(choice: AdapterChoice, sources: readonly SourceText[], options: ReadOptions = {}): RawTable {
  return withChoice(choice.adapter.read(sources, adapterOptions(options)), choice);
}

/** Text(s) -> the adapter's RawTable: choose, then read. Several sources only for harness directories. */
export function readRaw(sources: readonly SourceText[], options: ReadOptions = {}): RawTable {
  const [src] = sources;
  const choice =
    sources.length !== 1
      ? chooseAdapter(src?.file ?? "", "", options, sources.length)
      : chooseAdapter(src.file, headOf(src.file, src.text), options);
  return readChosen(choice, sources, options);
}

/** RawTable -> ScoreTable: duplicates, benchmark choice, directions, aggregate columns. */
export function finishTable(raw: RawTable, options: ReadOptions = {}): ScoreTable {
  checkOptionsApply(raw, options);
  const { table: resolved, duplicates } = tableFromRaw(raw, options.duplicates ?? "error", options.lowerIsBetter ?? []);
  let table = selectBenchmarks(resolved, options.benchmarks, options.exclude);
  table = markLowerIsBetter(table, options.lowerIsBetter ?? []);
  const aggregates = detectAggregates(table, options.aggregates ?? "auto");
  const notes = [...table.notes];
  if (aggregates.length > 0) {
    notes.push(
      `leaderboard aggregate columns (reported, left out of default round plans; --aggregates none keeps them): ${aggregates.map((a) => `${a.name} (${a.reason})`).join("; ")}`,
    );
  }
  return { ...table, notes, ...(aggregates.length > 0 ? { aggregates } : {}), ...(duplicates ? { duplicates } : {}) };
}

/**
 * Text -> ScoreTable with benchmarks chosen and directions marked; `file` names the text in
 * messages and its extension says the format (.csv, .tsv, .json, .jsonl, .yml). Gaps are left as
 * NaN: ranking checks them (or applies a `missing` policy) once the plan says which benchmarks are used.
 *
 * @example
 * const table = scoreTableFromText("model,MMLU,GSM8K\na,70,50\nb,65,60\n", "pasted.csv");
 */
export function scoreTableFromText(text: string, file: string, options: ReadOptions = {}): ScoreTable {
  return finishTable(readRaw([{ file, text }], options), options);
}
