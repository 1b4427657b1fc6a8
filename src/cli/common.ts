/** Options and helpers shared by the commands. */
import { type Command, Option } from "commander";
import { messageSafe } from "../output/escape.js";
import { OUTPUT_FORMATS, type OutputFormat } from "../output/render-rank.js";
import { parseNameList } from "../run/options.js";
import { ADAPTER_NAMES, type AdapterName } from "../table/adapters/index.js";
import { UNNAMED_POLICIES } from "../table/adapters/leaderboard.js";
import type { AggregateOption } from "../table/aggregates.js";
import { parseColumnMap } from "../table/columns.js";
import { DUPLICATE_POLICIES, type DuplicatePolicy } from "../table/duplicates.js";
import { InputError } from "../table/errors.js";
import type { ReadOptions } from "../table/load.js";
import { MISSING_POLICIES, type MissingPolicy } from "../table/missing.js";
import type { Layout } from "../table/types.js";
import { checkOutputFile, writeOutputFile } from "./output-file.js";

export const LAYOUTS: readonly Layout[] = ["models-rows", "benchmarks-rows", "long"];

export interface TableFlags {
  layout?: string;
  lowerIsBetter?: string;
  benchmarks?: string;
  exclude?: string;
  from?: string;
  metric?: string;
  columns?: string;
  benchmarkName?: string;
  harnessTasks?: string;
  aggregates?: string;
  duplicates?: string;
  missing?: string;
  unnamed?: string;
}

export interface OutputFlags {
  format?: string;
  output?: string;
}

export function addTableOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option("--layout <layout>", "force the table layout instead of detecting it").choices(LAYOUTS as string[]))
    .addOption(
      new Option("--from <adapter>", "read the file with this adapter instead of detecting it").choices(
        ADAPTER_NAMES as unknown as string[],
      ),
    )
    .option("--lower-is-better <names>", "benchmarks where lower scores are better, comma-separated")
    .option("--benchmarks <names>", "use only these benchmarks (comma-separated, in this order)")
    .option("--exclude <names>", "leave these benchmarks out (comma-separated)")
    .option(
      "--metric <list>",
      "metric to read: harness metric[:filter] or task=metric[:filter], OpenCompass metric, aider pass_rate_1|pass_rate_2",
    )
    .option(
      "--columns <map>",
      "columns by role: model=COL (or benchmark=COL) alone for a table with one row per model (per benchmark); " +
        "model=COL,benchmark=COL,item=COL,score=COL,cost=COL,tokens=COL for a long or per-item file",
    )
    .option("--benchmark-name <name>", "benchmark name for a per-item file without a benchmark column (default: the file name)")
    .addOption(
      new Option("--harness-tasks <which>", "harness: top-level tasks (subtasks folded into groups) or all").choices(["top", "all"]),
    )
    .option("--aggregates <auto|none|names>", "the leaderboard's own aggregate columns: detect (auto), none, or these names", "auto")
    .addOption(
      new Option("--duplicates <policy>", "repeated model names (or repeated scores in long files)")
        .choices(DUPLICATE_POLICIES)
        .default("error"),
    )
    .addOption(new Option("--missing <policy>", "missing scores on the benchmarks used").choices(MISSING_POLICIES).default("error"))
    .addOption(
      new Option("--unnamed <policy>", "rows without a model (or benchmark) name: an error, or left out with a note")
        .choices(UNNAMED_POLICIES as unknown as string[])
        .default("error"),
    );
}

export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option("--format <format>", "output format (default: from the -o extension, else table)").choices(OUTPUT_FORMATS as string[]),
    )
    .option("-o, --output <file>", "write to this file (atomically) instead of stdout");
}

function aggregateOption(text: string | undefined): AggregateOption {
  if (text === undefined || text === "auto") return "auto";
  if (text === "none") return "none";
  return parseNameList(text, "--aggregates");
}

export function readOptionsFrom(flags: TableFlags): ReadOptions {
  return {
    layout: flags.layout as Layout | undefined,
    lowerIsBetter: flags.lowerIsBetter ? parseNameList(flags.lowerIsBetter, "--lower-is-better") : undefined,
    benchmarks: flags.benchmarks ? parseNameList(flags.benchmarks, "--benchmarks") : undefined,
    exclude: flags.exclude ? parseNameList(flags.exclude, "--exclude") : undefined,
    from: flags.from as AdapterName | undefined,
    metric: flags.metric ? parseNameList(flags.metric, "--metric") : undefined,
    columns: flags.columns ? parseColumnMap(flags.columns) : undefined,
    benchmarkName: flags.benchmarkName?.trim() || undefined,
    harnessTasks: flags.harnessTasks as "top" | "all" | undefined,
    aggregates: aggregateOption(flags.aggregates),
    duplicates: (flags.duplicates ?? "error") as DuplicatePolicy,
    missing: (flags.missing ?? "error") as MissingPolicy,
    ...(flags.unnamed === "drop" ? { unnamed: "drop" as const } : {}),
  };
}

const EXTENSION_FORMATS: Record<string, OutputFormat> = { json: "json", csv: "csv", md: "markdown", markdown: "markdown", txt: "table" };

export function outputFormat(flags: OutputFlags): OutputFormat {
  if (flags.format) return flags.format as OutputFormat;
  const ext = flags.output ? /\.([^./\\]+)$/.exec(flags.output)?.[1]?.toLowerCase() : undefined;
  if (ext && !(ext in EXTENSION_FORMATS)) {
    throw new InputError(
      `-o ${flags.output}: cannot tell the format from ".${ext}"; add --format ${OUTPUT_FORMATS.join("|")}` +
        (ext === "html" || ext === "htm" ? " (for an HTML report with the charts: swissround report ... -o FILE.html)" : ""),
    );
  }
  return ext ? EXTENSION_FORMATS[ext] : "table";
}

/** A whole-number option within [min, max], or an error that names the option. */
export function wholeOption(text: string, option: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min || n > max) {
    throw new InputError(`${option}: "${text}" is not valid: expected a whole number from ${min} to ${max}`);
  }
  return n;
}

/** --top N: only the best N models in each table (JSON keeps every model). */
export function addTopOption(cmd: Command): Command {
  return cmd.option("--top <n>", "show only the best N models in each table and in CSV (JSON keeps all; default: all)");
}

export function topFrom(flags: { top?: string }): number | undefined {
  if (flags.top === undefined) return undefined;
  const n = Number(flags.top);
  if (!/^\d+$/.test(flags.top.trim()) || n < 1) throw new InputError(`--top: "${flags.top}" is not valid: expected a whole number >= 1`);
  return n;
}

/** The files a run reads, from its positional inputs and its file options: an output never replaces one. */
export function runInputs(inputs: readonly string[], flags: { rounds?: string; prices?: string; costs?: string }): string[] {
  return [...inputs, flags.rounds, flags.prices, flags.costs].filter((f): f is string => typeof f === "string");
}

/**
 * Checks the output path before any work (see output-file.ts) and returns how to write the result:
 * to that file, or to stdout without one.
 */
export function outputTo(path: string | undefined, inputs: readonly string[], option = "-o"): (content: string | Uint8Array) => void {
  if (path === undefined) return (content) => process.stdout.write(content);
  const file = checkOutputFile(path, option, inputs);
  return (content) => writeOutputFile(file, content, option);
}

/** Prints the notes a user must see (warnings) on stderr, once. */
export function printNotes(notes: readonly string[], quiet: boolean): void {
  if (quiet) return;
  // A note that is a warning says so once ("swissround: warning: ...", not "note: warning: ...").
  for (const n of notes) {
    const warning = n.startsWith("warning: ");
    process.stderr.write(`swissround: ${warning ? "warning" : "note"}: ${messageSafe(warning ? n.slice(9) : n)}\n`);
  }
}
