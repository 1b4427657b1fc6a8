/** The I/O edge for score tables: read a file, parse it by extension, build and check the table. */
import { readFileSync, statSync } from "node:fs";
import { InputError } from "./errors.js";
import { type ReadOptions, scoreTableFromText } from "./load.js";
import type { ScoreTable } from "./types.js";

/** Reads a file as text with a clear error when it cannot be read or is empty. */
export function readTextFile(path: string, what = "file"): string {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${path}: is a directory, expected a ${what}`);
    text = readFileSync(path, "utf8");
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (e as Error).message;
    throw new InputError(`${path}: cannot read the ${what}: ${why}`);
  }
  if (text.replace(/^\uFEFF/, "").trim() === "") throw new InputError(`${path}: the ${what} is empty`);
  return text;
}

export function readScoreTable(path: string, options: ReadOptions = {}): ScoreTable {
  return scoreTableFromText(readTextFile(path, "score table"), path, options);
}
