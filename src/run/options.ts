/** Checks of the numeric options, shared by the CLI and library callers. Messages name the option. */
import { MAX_SEED } from "../engine/rng.js";
import { optionError } from "../table/option-names.js";
import { MAX_RUNS } from "./config.js";

function wholeNumber(text: string | number, option: string, min: number, max: number, what: string): number {
  const s = String(text).trim();
  const n = Number(s);
  if (!/^\d+$/.test(s) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw optionError(option, `"${text}" is not valid: expected ${what}`);
  }
  return n;
}

export function parseRuns(text: string | number, option = "--runs"): number {
  return wholeNumber(text, option, 2, MAX_RUNS, `a whole number of contests from 2 to ${MAX_RUNS}`);
}

export function parseSeed(text: string | number, option = "--seed"): number {
  return wholeNumber(text, option, 0, MAX_SEED, `a whole number from 0 to ${MAX_SEED}`);
}

export function parseThreads(text: string | number, option = "--threads"): number {
  return wholeNumber(text, option, 1, 1024, "a whole number of threads from 1 to 1024");
}

export function parseTolerance(text: string | number, option = "--tie-tolerance"): number {
  const n = Number(String(text).trim());
  if (String(text).trim() === "" || !Number.isFinite(n) || n < 0) {
    throw optionError(option, `"${text}" is not valid: expected a finite number >= 0`);
  }
  return n;
}

/** A target standard error for --precision: a positive number. */
export function parsePrecision(text: string, option = "--precision"): number {
  const n = Number(text.trim());
  if (text.trim() === "" || !(n > 0) || !Number.isFinite(n)) {
    throw optionError(option, `"${text}" is not valid: expected a positive standard error, e.g. 0.01`);
  }
  return n;
}

/** A share in (0, 1], such as a tail fraction. */
export function parseShare(text: string | number, option: string): number {
  const n = Number(String(text).trim());
  if (String(text).trim() === "" || !(n > 0 && n <= 1)) {
    throw optionError(option, `"${text}" is not valid: expected a share greater than 0 and at most 1`);
  }
  return n;
}

/** "a,b,c" -> ["a", "b", "c"], rejecting empty names. */
export function parseNameList(text: string, option: string): string[] {
  const names = text.split(",").map((s) => s.trim());
  if (names.some((n) => n === "")) throw optionError(option, `"${text}" has an empty name (expected names separated by commas)`);
  return names;
}
