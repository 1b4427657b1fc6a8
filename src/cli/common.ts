/** Options and helpers shared by the commands. */
import { type Command, Option } from "commander";
import { OUTPUT_FORMATS, type OutputFormat } from "../output/render-rank.js";
import { parseNameList } from "../run/options.js";
import type { ReadOptions } from "../table/load.js";
import { InputError } from "../table/errors.js";
import type { Layout } from "../table/types.js";

export const LAYOUTS: readonly Layout[] = ["models-rows", "benchmarks-rows", "long"];

export interface TableFlags {
  layout?: string;
  lowerIsBetter?: string;
  benchmarks?: string;
  exclude?: string;
}

export interface OutputFlags {
  format?: string;
  output?: string;
}

export function addTableOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option("--layout <layout>", "force the table layout instead of detecting it").choices(LAYOUTS as string[]))
    .option("--lower-is-better <names>", "benchmarks where lower scores are better, comma-separated")
    .option("--benchmarks <names>", "use only these benchmarks (comma-separated, in this order)")
    .option("--exclude <names>", "leave these benchmarks out (comma-separated)");
}

export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option("--format <format>", "output format (default: from the -o extension, else table)").choices(OUTPUT_FORMATS as string[]))
    .option("-o, --output <file>", "write to this file (atomically) instead of stdout");
}

export function readOptionsFrom(flags: TableFlags): ReadOptions {
  return {
    layout: flags.layout as Layout | undefined,
    lowerIsBetter: flags.lowerIsBetter ? parseNameList(flags.lowerIsBetter, "--lower-is-better") : undefined,
    benchmarks: flags.benchmarks ? parseNameList(flags.benchmarks, "--benchmarks") : undefined,
    exclude: flags.exclude ? parseNameList(flags.exclude, "--exclude") : undefined,
  };
}

const EXTENSION_FORMATS: Record<string, OutputFormat> = { json: "json", csv: "csv", md: "markdown", markdown: "markdown", txt: "table" };

export function outputFormat(flags: OutputFlags): OutputFormat {
  if (flags.format) return flags.format as OutputFormat;
  const ext = flags.output ? /\.([^./\\]+)$/.exec(flags.output)?.[1]?.toLowerCase() : undefined;
  if (ext && !(ext in EXTENSION_FORMATS)) {
    throw new InputError(`-o ${flags.output}: cannot tell the format from ".${ext}"; add --format ${OUTPUT_FORMATS.join("|")}`);
  }
  return ext ? EXTENSION_FORMATS[ext] : "table";
}

/** Prints the notes a user must see (warnings) on stderr, once. */
export function printNotes(notes: readonly string[], quiet: boolean): void {
  if (quiet) return;
  for (const n of notes) process.stderr.write(`swissround: note: ${n}\n`);
}
