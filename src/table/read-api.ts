/**
 * The library's readers: readScoreTable and scoreTableFromText as the CLI's, with input errors in
 * the library's words (options such as `missing: "lose"`, not flags such as `--missing lose`).
 */
import { type ReadOptions, scoreTableFromText as tableFromText } from "./load.js";
import { inApiWords } from "./option-names.js";
import { readScoreTable as tableFromFile } from "./read.js";
import type { ScoreTable } from "./types.js";

/**
 * Reads a score table from a file or a folder of harness results: the adapter is chosen from the
 * content (or `from`), and every problem is an InputError naming the file, row and column.
 *
 * @example
 * const table = readScoreTable("data/opencompass_2024-08-29.csv");
 * const long = readScoreTable("scores.csv", { duplicates: "best", lowerIsBetter: ["perplexity"] });
 */
export function readScoreTable(path: string, options: ReadOptions = {}): ScoreTable {
  return inApiWords(() => tableFromFile(path, options));
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
  return inApiWords(() => tableFromText(text, file, options));
}
