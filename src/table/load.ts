/** Text -> validated ScoreTable, with no I/O (shared by the CLI and the browser). */
import { buildScoreTable } from "./build.js";
import { parseCsv } from "./csv.js";
import { parseJson } from "./json.js";
import { chooseLayout } from "./layout.js";
import type { Records } from "./records.js";
import { markLowerIsBetter, selectBenchmarks } from "./select.js";
import type { Layout, ScoreTable } from "./types.js";

export interface ReadOptions {
  layout?: Layout;
  lowerIsBetter?: string[];
  benchmarks?: string[];
  exclude?: string[];
}

function extension(file: string): string {
  const m = /\.([^./\\]+)$/.exec(file);
  return m ? m[1].toLowerCase() : "";
}

/** Parses text by the file's extension (.json -> JSON, anything else -> CSV/TSV). */
export function parseRecords(text: string, file: string, layout?: Layout): Records {
  const ext = extension(file);
  if (ext === "json") return parseJson(text, file, layout === "benchmarks-rows" ? "benchmark" : "model");
  if (ext === "tsv") return parseCsv(text, file, "\t");
  return parseCsv(text, file);
}

/** Text -> ScoreTable with benchmarks chosen and directions marked. Gaps are left as NaN: check
 * with requireRankable once the round plan has said which benchmarks are used. */
export function scoreTableFromText(text: string, file: string, options: ReadOptions = {}): ScoreTable {
  const records = parseRecords(text, file, options.layout);
  const choice = chooseLayout(records.columns, file, options.layout);
  let table = buildScoreTable(records, choice);
  table = selectBenchmarks(table, options.benchmarks, options.exclude);
  return markLowerIsBetter(table, options.lowerIsBetter ?? []);
}

