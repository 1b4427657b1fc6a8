/**
 * JSON text -> Records. Accepted shapes:
 * - an array of objects, one per row: [{"model": "a", "MMLU": 71.2, ...}] or long rows
 *   [{"model": "a", "benchmark": "MMLU", "score": 71.2}];
 * - an object of objects keyed by the row name: {"a": {"MMLU": 71.2}} (rows are models unless
 *   --layout benchmarks-rows), optionally wrapped as {"scores": {...}}.
 */
import { InputError } from "./errors.js";
import type { Cell, Records, RecordRow } from "./records.js";

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function toCell(v: unknown, file: string, where: string, key: string): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string") return v;
  throw new InputError(`${file}: ${where}, field "${key}": expected a number, a string or null, got ${JSON.stringify(v)}`);
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
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new InputError(`${file}: malformed JSON: ${(e as Error).message}`);
  }
  if (isPlainObject(data) && isPlainObject(data.scores)) data = data.scores;
  if (Array.isArray(data)) {
    if (data.length === 0) throw new InputError(`${file}: the JSON array is empty (expected one object per row)`);
    const rows: [string, Record<string, unknown>][] = data.map((row, i) => {
      if (!isPlainObject(row)) {
        throw new InputError(`${file}: element [${i}] is ${JSON.stringify(row)}, expected an object with named fields`);
      }
      return [`[${i}]`, row];
    });
    return fromRowObjects(rows, file);
  }
  if (isPlainObject(data)) {
    const entries = Object.entries(data);
    if (entries.length === 0) throw new InputError(`${file}: the JSON object is empty`);
    const rows: [string, Record<string, unknown>][] = entries.map(([key, row]) => {
      if (!isPlainObject(row)) {
        throw new InputError(`${file}: "${key}" maps to ${JSON.stringify(row)}, expected an object of scores`);
      }
      return [key, row];
    });
    return fromRowObjects(rows, file, keyColumn);
  }
  throw new InputError(`${file}: expected a JSON array of rows or an object of rows, got ${typeof data}`);
}
