/** Text -> validated ScoreTable, with no I/O (shared by the CLI and the browser). */
import { type AdapterName, chooseAdapter } from "./adapters/index.js";
import { namedKeyColumn, wideRaw, wrongColumns } from "./adapters/leaderboard.js";
import { longRaw } from "./adapters/long.js";
import { type AdapterOptions, extension, isYaml, type SourceText } from "./adapters/types.js";
import { type AggregateOption, detectAggregates } from "./aggregates.js";
import { type ColumnMap, findRoles } from "./columns.js";
import type { DuplicatePolicy } from "./duplicates.js";
import { InputError } from "./errors.js";
import { tableFromRaw } from "./from-raw.js";
import { chooseLayout } from "./layout.js";
import type { MissingPolicy } from "./missing.js";
import type { RawTable } from "./raw.js";
import { markLowerIsBetter, selectBenchmarks } from "./select.js";
import { parseRecords } from "./text-records.js";
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
  };
}

/** An ordinary score table: the layout (models-rows, benchmarks-rows, long) from its header. */
function tableRaw(src: SourceText, options: ReadOptions): RawTable {
  const rec = parseRecords(src.text, src.file, options.layout);
  const named = options.columns ? namedKeyColumn(rec.columns, src.file, options.columns) : undefined;
  if (options.columns && !named) {
    // The user named a long table's columns, which the long adapter did not recognise by name.
    const roles = findRoles(rec.columns, src.file, options.columns);
    if (roles.model < 0 || roles.benchmark < 0 || roles.score < 0) wrongColumns();
    return longRaw(rec, { model: roles.model, benchmark: roles.benchmark, score: roles.score }, "--columns", options.unnamed);
  }
  const choice = named ?? chooseLayout(rec.columns, src.file, options.layout);
  if (choice.layout === "long") {
    return longRaw(
      rec,
      { model: choice.keyColumn, benchmark: choice.benchmarkColumn as number, score: choice.scoreColumn as number },
      choice.reason,
      options.unnamed,
    );
  }
  return wideRaw(rec, choice, "leaderboard", options.unnamed);
}

/** Options that only some adapters read: given to another, they would be silently ignored. */
const OPTION_ADAPTERS: [keyof ReadOptions, string, string[]][] = [
  ["metric", "--metric", ["harness", "opencompass", "aider"]],
  ["harnessTasks", "--harness-tasks", ["harness"]],
  ["columns", "--columns", ["long", "per-item", "leaderboard"]],
  ["benchmarkName", "--benchmark-name", ["per-item"]],
  ["unnamed", "--unnamed", ["leaderboard", "long"]],
];

export function checkOptionsApply(raw: RawTable, options: ReadOptions): void {
  for (const [key, flag, adapters] of OPTION_ADAPTERS) {
    if (options[key] !== undefined && !adapters.includes(raw.adapter)) {
      throw new InputError(
        `${flag} applies to ${adapters.join(", ")} files; ${raw.source} was read by the ${raw.adapter} adapter (choose another with --from)`,
      );
    }
  }
}

/** Text(s) -> the adapter's RawTable. Several sources only for harness directories. */
export function readRaw(sources: readonly SourceText[], options: ReadOptions = {}): RawTable {
  if (sources.length !== 1) {
    const adapter = chooseAdapter(sources[0]?.file ?? "", "", options.from ?? "harness").adapter;
    const raw = adapter?.read(sources, adapterOptions(options)) as RawTable;
    return { ...raw, notes: [`read by the ${raw.adapter} adapter (${sources.length} results files)`, ...raw.notes] };
  }
  const [src] = sources;
  const forcedTable = options.layout && !options.from;
  const choice = forcedTable ? { reason: "--layout" } : chooseAdapter(src.file, headOf(src.file, src.text), options.from);
  const raw = choice.adapter ? choice.adapter.read(sources, adapterOptions(options)) : tableRaw(src, options);
  return { ...raw, notes: [`read by the ${raw.adapter} adapter (${choice.reason})`, ...raw.notes] };
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
