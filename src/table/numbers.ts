/** Reading one score cell. Strict: a score must be a finite number written as a number. */
import type { Cell } from "./records.js";

/** Texts that mean "no score here" (reported as gaps, never read as 0). */
const MISSING = new Set(["", "-", "na", "n/a", "null", "none", "missing"]);

export type ParsedCell = { kind: "number"; value: number } | { kind: "missing" } | { kind: "invalid"; reason: string };

const NUMBER = /^[+-]?(\d+(?:\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function parseScoreCell(cell: Cell): ParsedCell {
  if (cell === null) return { kind: "missing" };
  // Fast path for plain numbers (per-item files call this millions of times).
  if (typeof cell === "string" && NUMBER.test(cell)) {
    const v = Number(cell);
    if (Number.isFinite(v)) return { kind: "number", value: v };
  }
  if (typeof cell === "number") {
    if (Number.isNaN(cell)) return { kind: "invalid", reason: "NaN is not a score" };
    if (!Number.isFinite(cell)) return { kind: "invalid", reason: `${cell} is not a finite score` };
    return { kind: "number", value: cell };
  }
  const text = cell.trim();
  if (MISSING.has(text.toLowerCase())) return { kind: "missing" };
  if (/^[+-]?(nan|inf|infinity)$/i.test(text)) {
    return { kind: "invalid", reason: `"${text}" is not a finite score` };
  }
  if (!NUMBER.test(text)) {
    const hint = /^[+-]?\d+,\d+$/.test(text)
      ? ` (a decimal comma? write ${text.replace(",", ".")})`
      : /^[+-]?[\d.]+\s*%$/.test(text)
        ? " (write the number without %)"
        : "";
    return { kind: "invalid", reason: `"${text}" is not a number${hint}` };
  }
  const value = Number(text);
  if (!Number.isFinite(value)) return { kind: "invalid", reason: `"${text}" overflows to infinity` };
  return { kind: "number", value };
}

const PERCENT = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%\s*$/;

/** "71.2%" -> 71.2 (the number as written, on its 0-100 scale); undefined for anything else. */
export function parsePercentCell(cell: Cell): number | undefined {
  if (typeof cell !== "string") return undefined;
  const m = PERCENT.exec(cell);
  return m ? Number(m[1]) : undefined;
}

/**
 * True when every value of one benchmark is a percentage (gaps aside): they are then read without
 * their % sign. A benchmark that mixes percentages and plain numbers is not (the scale would be a guess).
 */
export function allPercent(cells: readonly Cell[]): boolean {
  let any = false;
  for (const c of cells) {
    if (parsePercentCell(c) !== undefined) any = true;
    else if (parseScoreCell(c).kind !== "missing") return false;
  }
  return any;
}

/**
 * One score of a benchmark whose values are all percentages (`inPercent`, from allPercent) or not:
 * "71.2%" reads as 71.2 in the first case and is an error in the second (a mix would make the scale a guess).
 */
export function parseBenchmarkCell(cell: Cell, inPercent: boolean): ParsedCell {
  const pct = parsePercentCell(cell);
  if (pct === undefined) return parseScoreCell(cell);
  if (inPercent) return { kind: "number", value: pct };
  return {
    kind: "invalid",
    reason: `"${String(cell).trim()}" is a percentage among plain numbers (write every value of a benchmark the same way)`,
  };
}

/** True when the cell is text that is not a number (used to spot metadata columns). */
export function isTextCell(cell: Cell): boolean {
  const p = parseScoreCell(cell);
  return p.kind === "invalid" && typeof cell === "string" && !/^[+-]?(nan|inf|infinity)$/i.test(cell.trim());
}

/** Per-item results: a number, or a correct/resolved flag written as text (true/false, yes/no). */
export function parseItemCell(cell: Cell): ParsedCell {
  if (typeof cell === "string") {
    const t = cell.trim().toLowerCase();
    if (t === "true" || t === "yes" || t === "correct" || t === "pass" || t === "passed") return { kind: "number", value: 1 };
    if (t === "false" || t === "no" || t === "incorrect" || t === "fail" || t === "failed") return { kind: "number", value: 0 };
  }
  return parseScoreCell(cell);
}
