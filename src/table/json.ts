/**
 * JSON text -> Records. Accepted shapes:
 * - an array of objects, one per row: [{"model": "a", "MMLU": 71.2, ...}] or long rows
 *   [{"model": "a", "benchmark": "MMLU", "score": 71.2}];
 * - an object of objects keyed by the row name: {"a": {"MMLU": 71.2}} (rows are models unless
 *   --layout benchmarks-rows), optionally wrapped as {"scores": {...}}.
 */
import { InputError, lineOf } from "./errors.js";
import { checkJsonStructure } from "./json-structure.js";
import type { Cell, RecordRow, Records } from "./records.js";

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** "malformed JSON at line 3, column 9: ..." from the parser's message (which gives a character position). */
export function jsonErrorMessage(text: string, e: unknown, file: string): string {
  const msg = (e as Error).message;
  const pos = jsonErrorPosition(text, msg);
  if (pos < 0) return `${file}: malformed JSON: ${msg}`;
  const before = text.slice(0, pos);
  const line = before.split("\n").length;
  const column = pos - before.lastIndexOf("\n");
  const atEnd = text.slice(pos).trim() === "";
  const why = atEnd ? " (the text ends before the JSON is complete: a truncated file?)" : "";
  return `${file}: malformed JSON at line ${line}, column ${column}: ${msg.replace(/ in JSON at position \d+.*$/, "")}${why}`;
}

/** Where JSON.parse stopped in the text (its message gives a character position), or -1. */
function jsonErrorPosition(text: string, msg: string): number {
  const m = /at position (\d+)/.exec(msg);
  return m ? Number(m[1]) : /end of JSON input/.test(msg) ? text.length : -1;
}

/** The line (1-based) jsonErrorMessage names, for InputError's row. */
export function jsonErrorLine(text: string, e: unknown): number | undefined {
  const pos = jsonErrorPosition(text, (e as Error).message);
  return pos < 0 ? undefined : text.slice(0, pos).split("\n").length;
}

/** JSON.parse with a located error. */
export function parseJsonText(text: string, file: string): unknown {
  checkJsonStructure(text, file);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const bare = text.replace(/^\uFEFF/, "");
    throw new InputError(jsonErrorMessage(bare, e, file), { file, row: jsonErrorLine(bare, e) });
  }
}

function toCell(v: unknown, file: string, where: string, key: string): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string") return v;
  // Flags stay text: a score column of true/false is read by the per-item adapter, and a
  // metadata flag ("open weights") must not become a 0/1 benchmark.
  if (typeof v === "boolean") return String(v);
  throw new InputError(`${file}: ${where}, field "${key}": expected a number, a string or null, got ${JSON.stringify(v)}`, {
    file,
    row: lineOf(where),
    column: key,
  });
}

function fromRowObjects(rows: [string, Record<string, unknown>][], file: string, keyColumn?: string): Records {
  const columns: string[] = keyColumn ? [keyColumn] : [];
  const seen = new Set(columns);
  for (const [, obj] of rows) {
    for (const k of Object.keys(obj)) {
      if (!seen.has(k)) {
        seen.add(k);
        columns.push(k);
      }
    }
  }
  const out: RecordRow[] = rows.map(([where, obj]) => ({
    where,
    cells: columns.map((c) => (keyColumn && c === keyColumn ? where : toCell(obj[c], file, where, c))),
  }));
  return { file, columns, rows: out };
}

/** `keyColumn` names the column made from the keys of an object-of-objects ("model" or "benchmark"). */
export function parseJson(text: string, file: string, keyColumn = "model"): Records {
  return recordsFromValue(parseJsonText(text, file), file, keyColumn);
}

/** A parsed JSON or YAML value -> Records (same shapes as parseJson). */
export function recordsFromValue(value: unknown, file: string, keyColumn = "model"): Records {
  let data = value;
  if (isPlainObject(data) && isPlainObject(data.scores)) data = data.scores;
  if (Array.isArray(data)) {
    if (data.length === 0) throw new InputError(`${file}: the JSON array is empty (expected one object per row)`, { file });
    const rows: [string, Record<string, unknown>][] = data.map((row, i) => {
      if (!isPlainObject(row)) {
        throw new InputError(`${file}: element [${i}] is ${JSON.stringify(row)}, expected an object with named fields`, { file });
      }
      return [`[${i}]`, row];
    });
    return fromRowObjects(rows, file);
  }
  if (isPlainObject(data)) {
    const entries = Object.entries(data);
    if (entries.length === 0) throw new InputError(`${file}: the JSON object is empty`, { file });
    const rows: [string, Record<string, unknown>][] = entries.map(([key, row]) => {
      if (!isPlainObject(row)) {
        throw new InputError(`${file}: "${key}" maps to ${JSON.stringify(row)}, expected an object of scores`, { file });
      }
      return [key, row];
    });
    return fromRowObjects(rows, file, keyColumn);
  }
  throw new InputError(`${file}: expected a JSON array of rows or an object of rows, got ${typeof data}`, { file });
}

/** JSON Lines (one object per line) -> Records. */
export function parseJsonl(text: string, file: string): Records {
  const rows: [string, Record<string, unknown>][] = [];
  text
    .replace(/^\uFEFF/, "")
    .split("\n")
    .forEach((line, i) => {
      if (line.trim() === "") return;
      let v: unknown;
      checkJsonStructure(line, file, i + 1);
      try {
        v = JSON.parse(line);
      } catch (e) {
        throw new InputError(jsonErrorMessage(line, e, `${file}: line ${i + 1}`).replace(/at line 1, /, ""), { file, row: i + 1 });
      }
      if (!isPlainObject(v))
        throw new InputError(`${file}: line ${i + 1} is ${JSON.stringify(v).slice(0, 60)}, expected an object with named fields`, {
          file,
          row: i + 1,
        });
      rows.push([`line ${i + 1}`, v]);
    });
  if (rows.length === 0) throw new InputError(`${file}: no JSON objects (expected one object per line)`, { file });
  return fromRowObjects(rows, file);
}
