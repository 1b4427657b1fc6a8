/** The column names of a score table from the start of its text, to tell a long table from a wide one. */
import { detectDelimiter } from "../csv.js";
import { csvHeader } from "../csv-stream.js";
import { parseJsonl } from "../json.js";
import { parseRecords } from "../text-records.js";
import { extension, isJsonLines, isYaml } from "./types.js";

/**
 * The header of a CSV/TSV head; the keys of a JSON or YAML text (the head is the whole text) or of
 * the complete lines of a JSON Lines head. undefined when the text cannot be parsed: the adapter
 * that reads it then says where.
 */
export function headerColumns(file: string, head: string): string[] | undefined {
  try {
    if (extension(file) === "json" || isYaml(file)) return parseRecords(head, file).columns;
    if (isJsonLines(file)) {
      const cut = head.lastIndexOf("\n");
      return parseJsonl(cut > 0 ? head.slice(0, cut) : head, file).columns;
    }
    const delimiter = extension(file) === "tsv" ? "\t" : detectDelimiter(head);
    return csvHeader(head, file, delimiter)?.map((c) => c.trim());
  } catch {
    return undefined;
  }
}
