/** Text -> Records by the file's extension: CSV/TSV, JSON, JSON Lines or YAML. */
import { extension, isJsonLines, isYaml } from "./adapters/types.js";
import { parseCsv } from "./csv.js";
import { parseJson, parseJsonl, recordsFromValue } from "./json.js";
import type { Records } from "./records.js";
import type { Layout } from "./types.js";
import { parseYamlText } from "./yaml.js";

export function parseRecords(text: string, file: string, layout?: Layout): Records {
  const ext = extension(file);
  const key = layout === "benchmarks-rows" ? "benchmark" : "model";
  if (ext === "json") return parseJson(text, file, key);
  if (isJsonLines(file)) return parseJsonl(text, file);
  if (isYaml(file)) return recordsFromValue(parseYamlText(text, file), file, key);
  if (ext === "tsv") return parseCsv(text, file, "\t");
  return parseCsv(text, file);
}
