/**
 * The adapter contract: each adapter recognises one kind of file (detect) and reads it into a
 * RawTable (read, and stream for the kinds read in chunks). Pure: streaming pulls its text
 * through a pump the I/O edge (read.ts) provides.
 */
import type { ColumnMap } from "../columns.js";
import type { DuplicatePolicy } from "../duplicates.js";
import type { RawTable } from "../raw.js";
import type { Layout } from "../types.js";

export const ADAPTER_NAMES = ["leaderboard", "long", "per-item", "harness", "opencompass", "aider"] as const;
export type AdapterName = (typeof ADAPTER_NAMES)[number];

export interface SourceText {
  file: string;
  text: string;
  /** The text already parsed as JSON, when the reader had to parse it to recognise it (harness folders). */
  value?: unknown;
}

export interface AdapterOptions {
  layout?: Layout;
  /** --metric: metric preferences, "metric", "metric:filter" or "task=metric[:filter]". */
  metric?: string[];
  /** --columns: the columns of a long or per-item file, or the key column (model or benchmark) of a wide table. */
  columns?: ColumnMap;
  /** --benchmark-name: the benchmark of a per-item file without a benchmark column. */
  benchmarkName?: string;
  /** --harness-tasks: top-level tasks only (default), or every task and subtask. */
  harnessTasks?: "top" | "all";
  /** Keep per-item results in the table (default true). */
  keepItems?: boolean;
  /** --unnamed drop: rows without a model (or benchmark) name are left out, with a note (wide and long tables). */
  unnamed?: "drop";
  /** Per-item files resolve repeated (model, benchmark, item) rows themselves. */
  duplicates?: DuplicatePolicy;
  /** --from: the adapter was forced, not detected (some messages say what fits instead). */
  from?: AdapterName;
}

export type AdapterOptionName = keyof AdapterOptions;

/** Feeds the file's text to `push` in chunks; returns the number of bytes read. */
export type Pump = (push: (text: string) => void) => number;

export interface Adapter {
  name: AdapterName;
  /** One line for --help and inspect. */
  description: string;
  /** The options it reads (an option only other adapters read is an error: load.ts checkOptionsApply). */
  options: readonly AdapterOptionName[];
  /**
   * Why the adapter fits this file, or undefined. `head` is the start of the text (the whole text
   * for JSON and YAML). Throws only where no adapter could read the file (a JSON Lines file whose
   * first line is not JSON); otherwise the chosen adapter reports what is wrong.
   */
  detect(file: string, head: string, options: AdapterOptions): string | undefined;
  read(sources: readonly SourceText[], options: AdapterOptions): RawTable;
  /** Reads the file from its chunks (bounded memory); undefined when this file must be read whole. */
  stream?(file: string, head: string, options: AdapterOptions, pump: Pump): RawTable | undefined;
}

export function extension(file: string): string {
  const m = /\.([^./\\]+)$/.exec(file);
  return m ? m[1].toLowerCase() : "";
}

export function isJsonLines(file: string): boolean {
  return ["jsonl", "ndjson"].includes(extension(file));
}

export function isYaml(file: string): boolean {
  return ["yml", "yaml"].includes(extension(file));
}

/** The one source of a single-file adapter. */
export function single(sources: readonly SourceText[], adapter: string): SourceText {
  if (sources.length !== 1) throw new Error(`adapter ${adapter} reads one file, got ${sources.length}`);
  return sources[0];
}
