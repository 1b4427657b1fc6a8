/**
 * Per-item results in CSV/TSV or JSON Lines: one row per (model, benchmark, item) with a score or
 * a correct flag (and optional cost and tokens), or one row per item with one column per model
 * (MMLU-Pro's layout). Aggregated by per-item.ts; this file finds the columns and feeds the rows,
 * from a whole text here or from a stream in read.ts (the same feeder).
 */
import { type ColumnRole, findRoles, normaliseName } from "../columns.js";
import { detectDelimiter } from "../csv.js";
import { CsvSplitter, csvHeader, MAX_RECORD_CHARS } from "../csv-stream.js";
import { InputError } from "../errors.js";
import type { TokenPartCells } from "../item-store.js";
import { jsonErrorMessage } from "../json.js";
import { checkJsonStructure } from "../json-structure.js";
import { isTextCell, parseItemCell } from "../numbers.js";
import { type ItemTransform, PerItemAggregator } from "../per-item.js";
import type { RawTable } from "../raw.js";
import type { Cell } from "../records.js";
import { type Adapter, type AdapterOptions, extension, isJsonLines, isYaml, type SourceText, single } from "./types.js";

export interface PerItemPlan {
  file: string;
  format: "csv" | "jsonl" | "json";
  delimiter: string;
  columns: string[];
  layout: "long" | "items-rows";
  roles: Record<ColumnRole, number>;
  /** items-rows: the columns holding one model each. */
  modelColumns: number[];
  ignored: string[];
  transform?: ItemTransform;
  reason: string;
  /** Columns of prompt, completion and reasoning token counts (-1 = absent), when any exists:
   * kept per item so that a price table can price them (long layout only). */
  tokenParts?: [number, number, number];
}

/** Token counts by kind, found by name (lower-case, spaces and dashes as "_"). */
const TOKEN_PART_COLUMNS: readonly (readonly string[])[] = [
  ["prompt_tokens", "input_tokens", "n_prompt_tokens", "prompt_token_count", "input_token_count"],
  ["completion_tokens", "output_tokens", "n_completion_tokens", "completion_token_count", "output_token_count"],
  ["reasoning_tokens", "thinking_tokens", "reasoning_token_count"],
];

function tokenPartColumns(columns: readonly string[]): [number, number, number] | undefined {
  const norm = columns.map(normaliseName);
  const found = TOKEN_PART_COLUMNS.map((names) => {
    for (const n of names) {
      const i = norm.indexOf(n);
      if (i >= 0) return i;
    }
    return -1;
  }) as [number, number, number];
  return found.some((i) => i >= 0) ? found : undefined;
}

function fileStem(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]+$/, "");
}

function firstJsonObject(head: string, file: string): Record<string, unknown> | undefined {
  const line = head
    .replace(/^\uFEFF/, "")
    .split("\n")
    .find((l) => l.trim() !== "");
  if (line === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(line);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch (e) {
    throw new InputError(jsonErrorMessage(line, e, `${file}: line 1`), { file, row: 1 });
  }
}

/** A few data rows from the head, to tell score columns from text columns. */
function sampleRows(head: string, file: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  const s = new CsvSplitter(file, delimiter, (f) => {
    if (rows.length < 201) rows.push(f);
  });
  // The rows sampled are in the first 64 KB; read() passes the whole text, which need not be parsed twice.
  const start = head.length > 1 << 16 ? head.slice(0, 1 << 16) : head;
  const cut = start.lastIndexOf("\n");
  try {
    s.push(cut > 0 ? start.slice(0, cut + 1) : start);
    s.end();
  } catch {
    // Malformed rows are reported when the file is read; the sample is only a guess.
  }
  return rows.slice(1);
}

/**
 * A table of one row per model with a record id (Epoch AI's benchmark tables: "id", "Name", "Score"),
 * not per-item results: in the sample every id is distinct and the named models have fewer than 3
 * rows each on average (Epoch's tables repeat a model for a few reported settings, up to 2.3 rows
 * each). Per-item files repeat either their items (sorted by item) or their models, one row per
 * item (sorted by model).
 */
function isRecordTable(sample: readonly string[][], roles: { item: number; model: number }): boolean {
  if (sample.length < 3) return false;
  const ids = new Set(sample.map((r) => r[roles.item]));
  const named = sample.map((r) => (r[roles.model] ?? "").trim()).filter((m) => m !== "");
  return ids.size === sample.length && named.length < 3 * new Set(named).size;
}

/** A JSON array of row objects (the whole text), or undefined. */
function jsonRows(text: string): Record<string, unknown>[] | undefined {
  try {
    const v: unknown = JSON.parse(text.replace(/^\uFEFF/, ""));
    return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "object" && x !== null && !Array.isArray(x))
      ? (v as Record<string, unknown>[])
      : undefined;
  } catch {
    return undefined; // not JSON: the adapter that reads it reports where
  }
}

/**
 * Decides whether the head of a file is per-item and how to read it; undefined if not. `sniffing`:
 * the adapter is being chosen, so a table of one row per model with a record id is turned down
 * (once chosen, or forced with --from per-item, the file is read as per-item).
 */
export function planPerItem(file: string, head: string, options: AdapterOptions = {}, sniffing = false): PerItemPlan | undefined {
  const jsonl = isJsonLines(file);
  const json = extension(file) === "json";
  if (["yml", "yaml"].includes(extension(file))) return undefined;
  const rowsOfJson = json ? jsonRows(head) : undefined;
  if (json && !rowsOfJson) return undefined;
  const delimiter = jsonl || json ? "," : extension(file) === "tsv" ? "\t" : detectDelimiter(head);
  const columns = rowsOfJson
    ? Object.keys(rowsOfJson[0])
    : jsonl
      ? Object.keys(firstJsonObject(head, file) ?? {})
      : (csvHeader(head, file, delimiter) ?? []).map((c) => c.trim());
  if (columns.length < 2) return undefined;
  const roles = findRoles(columns, file, options.columns);
  if (roles.item < 0) return undefined;
  const used = new Set((["model", "benchmark", "item", "score", "cost", "tokens"] as const).map((r) => roles[r]).filter((i) => i >= 0));
  const transform: ItemTransform | undefined =
    roles.score >= 0 && normaliseName(columns[roles.score]) === "preference" ? "alpaca-preference" : undefined;
  if (roles.model >= 0) {
    if (roles.score < 0) return undefined;
    if (sniffing && !options.columns && !jsonl && !json && isRecordTable(sampleRows(head, file, delimiter), roles)) return undefined;
    const tokenParts = tokenPartColumns(columns);
    for (const i of tokenParts ?? []) if (i >= 0) used.add(i);
    const ignored = columns.filter((_, i) => !used.has(i));
    const named = (["model", "benchmark", "item", "score", "cost", "tokens"] as const)
      .filter((r) => roles[r] >= 0)
      .map((r) => `${r} "${columns[roles[r]]}"`);
    const partNames = (tokenParts ?? []).filter((i) => i >= 0).map((i) => `"${columns[i]}"`);
    if (partNames.length > 0) named.push(`token counts by kind ${partNames.join(", ")}`);
    return {
      file,
      format: json ? "json" : jsonl ? "jsonl" : "csv",
      delimiter,
      columns,
      layout: "long",
      roles,
      modelColumns: [],
      ignored,
      transform,
      reason: named.join(", "),
      ...(tokenParts ? { tokenParts } : {}),
    };
  }
  if (jsonl || json) return undefined;
  // One row per item, one column per model: model columns hold numbers or flags only.
  const sample = sampleRows(head, file, delimiter);
  const modelColumns: number[] = [];
  const ignored: string[] = [];
  columns.forEach((c, i) => {
    if (i === roles.item || i === roles.benchmark) return;
    const cells: Cell[] = sample.map((r) => r[i] ?? null);
    const numeric =
      cells.some((x) => parseItemCell(x).kind === "number") && !cells.some((x) => isTextCell(x) && parseItemCell(x).kind !== "number");
    if (numeric) modelColumns.push(i);
    else ignored.push(c);
  });
  if (modelColumns.length < 2) return undefined;
  const bench = roles.benchmark >= 0 ? `, benchmark "${columns[roles.benchmark]}"` : "";
  return {
    file,
    format: "csv",
    delimiter,
    columns,
    layout: "items-rows",
    roles,
    modelColumns,
    ignored,
    reason: `item "${columns[roles.item]}"${bench}, ${modelColumns.length} model columns holding item scores`,
  };
}

export interface PerItemFeeder {
  push(chunk: string): void;
  end(): RawTable;
}

function cellText(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  return JSON.stringify(v);
}

/** Feeds text chunks of the whole file (header included) to the aggregator. */
export function perItemFeeder(plan: PerItemPlan, options: AdapterOptions = {}): PerItemFeeder {
  const { file, columns, roles } = plan;
  const agg = new PerItemAggregator({
    file,
    layout: plan.layout,
    benchmarkName: options.benchmarkName ?? fileStem(file),
    duplicates: options.duplicates ?? "error",
    keepItems: options.keepItems ?? true,
    transform: plan.transform,
    ignored: plan.ignored,
    reason: plan.reason,
    rowLabel: plan.format === "json" ? "element" : "line",
  });
  const width = columns.length;
  const get = (f: readonly string[], i: number): string => (i >= 0 ? f[i] : "");
  const parts = plan.tokenParts;
  let header = true;
  const onRecord = (f: string[], line: number) => {
    if (header) {
      header = false;
      return;
    }
    if (f.length !== width) {
      throw new InputError(
        `${file}: malformed CSV near line ${line}: Invalid Record Length: expect ${width}, got ${f.length} ` +
          "(every row must have as many fields as the header; check for a missing or extra delimiter)",
        { file, row: line },
      );
    }
    if (plan.layout === "long") {
      agg.add(
        f[roles.model].trim(),
        get(f, roles.benchmark).trim(),
        f[roles.item].trim(),
        f[roles.score],
        get(f, roles.cost),
        get(f, roles.tokens),
        line,
        parts ? [get(f, parts[0]), get(f, parts[1]), get(f, parts[2])] : undefined,
      );
      return;
    }
    const item = f[roles.item].trim();
    const bench = get(f, roles.benchmark).trim();
    for (const c of plan.modelColumns) {
      if (f[c] === "") continue; // this model has no result for the item
      agg.add(columns[c], bench, item, f[c], null, null, line);
    }
  };
  if (plan.format === "csv") {
    const splitter = new CsvSplitter(file, plan.delimiter, onRecord);
    return {
      push: (chunk) => splitter.push(chunk),
      end: () => {
        splitter.end();
        return agg.finish();
      },
    };
  }
  const onObject = (o: Record<string, unknown>, where: number) => {
    const at = (i: number): Cell => (i >= 0 ? cellText(o[columns[i]]) : null);
    const name = (i: number): string => String(at(i) ?? "").trim();
    const partCells: TokenPartCells | undefined = parts ? [at(parts[0]), at(parts[1]), at(parts[2])] : undefined;
    agg.add(
      name(roles.model),
      name(roles.benchmark),
      name(roles.item),
      at(roles.score),
      at(roles.cost),
      at(roles.tokens),
      where,
      partCells,
    );
  };
  if (plan.format === "json") {
    let text = "";
    return {
      push: (chunk) => {
        text += chunk;
      },
      end: () => {
        checkJsonStructure(text, file);
        const rows = jsonRows(text);
        if (!rows) throw new InputError(`${file}: expected a JSON array of objects (one per item result)`, { file });
        rows.forEach((o, i) => onObject(o, i + 1));
        return agg.finish();
      },
    };
  }
  let rest = "";
  let lineNo = 0;
  let first = true;
  const onLine = (text: string) => {
    lineNo++;
    if (text.trim() === "") return;
    let v: unknown;
    checkJsonStructure(text, file, lineNo);
    try {
      v = JSON.parse(text);
    } catch (e) {
      throw new InputError(jsonErrorMessage(text, e, `${file}: line ${lineNo}`).replace("at line 1, ", "at "), { file, row: lineNo });
    }
    if (typeof v !== "object" || v === null || Array.isArray(v))
      throw new InputError(`${file}: line ${lineNo}: expected a JSON object, got ${text.slice(0, 60)}`, { file, row: lineNo });
    onObject(v as Record<string, unknown>, lineNo);
  };
  return {
    push(chunk) {
      if (first) {
        first = false;
        chunk = chunk.replace(/^\uFEFF/, "");
      }
      const text = rest + chunk;
      const lines = text.split("\n");
      rest = lines.pop() ?? "";
      for (const l of lines) onLine(l);
      if (rest.length > MAX_RECORD_CHARS)
        throw new InputError(`${file}: line ${lineNo + 1} is longer than ${MAX_RECORD_CHARS / 1048576}M characters (not JSON Lines?)`, {
          file,
          row: lineNo + 1,
        });
    },
    end() {
      if (rest !== "") onLine(rest);
      rest = "";
      return agg.finish();
    },
  };
}

export const perItemAdapter: Adapter = {
  name: "per-item",
  description:
    "per-item results (CSV/TSV/JSONL): model, benchmark, item id, score or correct flag, optional cost and tokens; or one row per item with one column per model",
  options: ["columns", "benchmarkName", "keepItems", "duplicates"],
  // Columns named with --columns do not make a file per-item: --from per-item does.
  detect(file, head) {
    const plan = planPerItem(file, head, {}, true);
    return plan ? `per-item ${plan.layout} (${plan.reason})` : undefined;
  },
  read(sources: readonly SourceText[], options: AdapterOptions): RawTable {
    const { file, text } = single(sources, "per-item");
    const plan = planPerItem(file, text, options);
    if (!plan) {
      throw new InputError(
        `${file}: not a per-item file: expected an item column (item, item_id, question_id, instance_id, doc_id, ...) with model and score columns, ` +
          "or an item column and one column per model; name them with --columns model=...,item=...,score=...",
        { file },
      );
    }
    const feeder = perItemFeeder(plan, options);
    feeder.push(text);
    return feeder.end();
  },
  stream(file, head, options, pump) {
    if (extension(file) === "json" || isYaml(file)) return undefined; // a JSON array is parsed whole
    const plan = planPerItem(file, head, options);
    if (!plan) return undefined; // --from per-item on a file it does not fit: read() explains
    const feeder = perItemFeeder(plan, options);
    if (pump((t) => feeder.push(t)) === 0) throw new InputError(`${file}: the score table is empty`, { file });
    return feeder.end();
  },
};
