/**
 * The I/O edge for score tables: read a file (or a directory of harness results), choose its
 * adapter from its head (adapters/index.ts), and build the table. Per-item CSV/JSONL files and
 * long CSV tables are streamed in chunks (bounded memory); everything else is read whole.
 */
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { isHarnessResults } from "./adapters/harness.js";
import { chooseAdapter } from "./adapters/index.js";
import { extension, isYaml, type SourceText } from "./adapters/types.js";
import { InputError } from "./errors.js";
import { parseJsonText } from "./json.js";
import { adapterOptions, finishTable, HEAD_CHARS, type ReadOptions, readChosen, readRaw, withChoice } from "./load.js";
import type { RawTable } from "./raw.js";
import type { ScoreTable } from "./types.js";

function cannotRead(path: string, what: string, e: unknown): InputError {
  if (e instanceof InputError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (e as Error).message;
  return new InputError(`${path}: cannot read the ${what}: ${why}`, { file: path });
}

/** UTF-8 (with or without a byte-order mark), or UTF-16 when a UTF-16 byte-order mark says so. */
export function decodeText(buf: Buffer): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString("utf16le");
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const le = Buffer.from(buf.subarray(2));
    le.swap16();
    return le.toString("utf16le");
  }
  return buf.toString("utf8");
}

/**
 * Files read whole (tables, JSON, YAML, plans, price tables; per-item CSV and JSON Lines are
 * streamed instead) may hold at most this many bytes: a string of the whole text must fit in V8's
 * limit (about 512 million characters), and /dev/zero or a runaway pipe must end with a message.
 */
export const MAX_WHOLE_FILE_BYTES = 256 * 1024 * 1024;

const CHUNK = 1 << 20;

/** "-" names standard input (whatever it is: a file, a pipe, a socket). */
export const STDIN = "-";

/** A blocking read, also on a non-blocking descriptor (standard input may be one): waits and retries on EAGAIN. */
function readChunk(fd: number, buf: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

/** The bytes of a file, device or pipe, up to `limit` (read in chunks: the size of a pipe is not known in advance). */
function readBounded(path: string, what: string, limit: number): Buffer {
  const fd = path === STDIN ? 0 : openSync(path, "r");
  try {
    const st = fstatSync(fd);
    if (st.isFile() && st.size > limit) throw new InputError(tooLarge(path, what, st.size, limit), { file: path });
    const parts: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK);
      const n = readChunk(fd, buf);
      if (n === 0) break;
      total += n;
      if (total > limit) throw new InputError(tooLarge(path, what, total, limit), { file: path });
      parts.push(n === CHUNK ? buf : buf.subarray(0, n));
    }
    return Buffer.concat(parts, total);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

function tooLarge(path: string, what: string, bytes: number, limit: number): string {
  const mb = (x: number) => `${Math.round(x / 1048576)} MiB`;
  return `${path}: the ${what} is larger than ${mb(limit)} (${bytes >= limit ? "at least " : ""}${mb(bytes)} read), the limit for files read whole; per-item CSV and JSON Lines files are streamed with no such limit`;
}

/** Reads a file (or a device or pipe) as text with a clear error when it cannot be read, is too large or is empty. */
export function readTextFile(path: string, what = "file"): string {
  let text: string;
  try {
    if (path !== STDIN && statSync(path).isDirectory()) throw new InputError(`${path}: is a directory, expected a ${what}`, { file: path });
    text = decodeText(readBounded(path, what, MAX_WHOLE_FILE_BYTES));
  } catch (e) {
    throw cannotRead(path, what, e);
  }
  if (text.replace(/^\uFEFF/, "").trim() === "") throw new InputError(`${path}: the ${what} is empty`, { file: path });
  return text;
}

/** Every .json file under a directory, in a stable order (the harness's own layout, or any other). */
export function jsonFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.json$/i.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** A path with * or ? in it (quoted, so the shell left it alone): a glob; ** crosses directories. */
export function isGlob(path: string): boolean {
  return /[*?]/.test(path) && !existsSync(path);
}

/** The files a glob names, in a stable order: walked from the longest directory prefix without wildcards. */
export function expandGlob(pattern: string): string[] {
  const parts = pattern.split(/[\\/]/);
  const fixed = parts.findIndex((p) => /[*?]/.test(p));
  const base = parts.slice(0, fixed).join("/") || (pattern.startsWith("/") ? "/" : ".");
  const literal = (s: string) => s.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  const rest = parts
    .slice(fixed)
    .map((p) => (p === "**" ? "(?:.*/)?" : `${literal(p).replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")}/`))
    .join("")
    .replace(/\/$/, "");
  const re = new RegExp(`^${rest}$`);
  if (!existsSync(base) || !statSync(base).isDirectory()) return [];
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(d, e.name), r);
      else if (re.test(r)) out.push(join(d, e.name));
    }
  };
  walk(base, "");
  return out;
}

/** The harness results among files, by content; the others listed for a note. `path`: the directory or pattern they came from. */
function harnessSources(files: readonly string[], path: string, what: string): { sources: SourceText[]; skipped: string[] } {
  const sources: SourceText[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const text = readTextFile(file, "harness results file");
    // A file cut short is most likely a results file that is damaged: an error naming it, not a skip.
    const value = parseJsonText(text, file);
    if (isHarnessResults(value)) sources.push({ file, text, value });
    else skipped.push(file);
  }
  if (sources.length === 0)
    throw new InputError(
      `${what}: no lm-evaluation-harness results files (JSON with "results" by task and "versions" or "config")${files.length > 0 ? ` among its ${files.length} JSON files` : ""}`,
      { file: path },
    );
  return { sources, skipped };
}

/** Calls `onChunk` with the file's text, CHUNK bytes at a time (synchronous: no event loop needed). */
export function streamFile(path: string, onChunk: (text: string) => void): number {
  const fd = openSync(path, "r");
  // StringDecoder, not TextDecoder: Node 20's TextDecoder returns two-byte strings even for ASCII,
  // which doubled the memory of every name sliced from them (and of a 25 MB JSON output naming them).
  const decoder = new StringDecoder("utf8");
  const buf = Buffer.allocUnsafe(CHUNK);
  let total = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      total += n;
      onChunk(decoder.write(buf.subarray(0, n)));
    }
    const tail = decoder.end();
    if (tail) onChunk(tail);
  } finally {
    closeSync(fd);
  }
  return total;
}

/** The file's first bytes as text, or undefined when they are UTF-16 (streamFile reads UTF-8 only: such a file is read whole). */
function readHead(path: string): string | undefined {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(HEAD_CHARS);
    const n = readSync(fd, buf, 0, HEAD_CHARS, 0);
    if (n >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) return undefined;
    return decodeText(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/**
 * One file: its head chosen from, then streamed by the adapter when it streams (per-item CSV and
 * JSON Lines, long CSV), else read whole. JSON and YAML, UTF-16 text, standard input, pipes and
 * devices (which cannot be read twice: head, then stream) are read whole, within the limit.
 */
function readOneFile(path: string, options: ReadOptions): RawTable {
  const whole = (): SourceText[] => [{ file: path, text: readTextFile(path, "score table") }];
  if (path === STDIN || extension(path) === "json" || isYaml(path) || !statSync(path).isFile()) return readRaw(whole(), options);
  const head = readHead(path);
  if (head === undefined) return readRaw(whole(), options);
  const choice = chooseAdapter(path, head, options);
  const raw = choice.adapter.stream?.(path, head, adapterOptions(options), (push) => streamFile(path, push));
  return raw ? withChoice(raw, choice, ", streamed") : readChosen(choice, whole(), options);
}

/** The file (or harness directory, or glob of harness files) read by its adapter, before duplicates are resolved. */
export function readRawTable(path: string, options: ReadOptions = {}): RawTable {
  const glob = path !== STDIN && isGlob(path);
  let isDir = false;
  try {
    isDir = path !== STDIN && !glob && statSync(path).isDirectory();
  } catch (e) {
    throw cannotRead(path, "score table", e);
  }
  if (isDir || glob) {
    const files = isDir ? jsonFilesUnder(path) : expandGlob(path);
    if (files.length === 0)
      throw new InputError(
        isDir
          ? `${path}: a directory without JSON files (expected lm-evaluation-harness results)`
          : `${path}: no file matches this pattern`,
        { file: path },
      );
    const { sources, skipped } = harnessSources(files, path, isDir ? `${path} (a directory)` : path);
    const raw = readChosen(chooseAdapter(path, "", options, sources.length), sources, options);
    if (skipped.length === 0) return raw;
    const shown = skipped.slice(0, 3).join(", ") + (skipped.length > 3 ? `, ... (${skipped.length})` : "");
    return { ...raw, notes: [...raw.notes, `JSON files that are not harness results, left out: ${shown}`] };
  }
  try {
    return readOneFile(path, options);
  } catch (e) {
    throw cannotRead(path, "score table", e);
  }
}

/**
 * Reads a score table from a file or a folder of harness results: the adapter is chosen from the
 * content (or `from`), and every problem is an InputError naming the file, row and column.
 *
 * @example
 * const table = readScoreTable("data/opencompass_2024-08-29.csv");
 * const long = readScoreTable("scores.csv", { duplicates: "best", lowerIsBetter: ["perplexity"] });
 */
export function readScoreTable(path: string, options: ReadOptions = {}): ScoreTable {
  return finishTable(readRawTable(path, options), options);
}
