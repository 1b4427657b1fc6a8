/** CSV text -> Records, with the delimiter detected and every problem located by line. */
import { parse } from "csv-parse/sync";
import { InputError } from "./errors.js";
import type { Records } from "./records.js";

const DELIMITERS = [",", ";", "\t"] as const;

/** Picks the delimiter that splits the header line into the most fields (comma wins ties). */
export function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  let best: string = ",";
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = firstLine.split(d).length - 1;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

interface CsvErrorLike {
  code?: string;
  message: string;
  lines?: number;
  record?: unknown;
}

/** A byte-order mark after the start: two exported files pasted together, or a mangled encoding. */
function checkStrayBom(text: string, file: string): void {
  const at = text.indexOf("\uFEFF", text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (at < 0) return;
  const line = text.slice(0, at).split("\n").length;
  throw new InputError(`${file}: malformed CSV near line ${line}: a byte-order mark inside the file (two files pasted together?)`);
}

function pipeHint(header: string): string {
  const other = ["|", ":", " "].find((d) => header.split(d).length > 2);
  return other ? `; the header looks separated by ${JSON.stringify(other)}` : "";
}

export function parseCsv(text: string, file: string, delimiter = detectDelimiter(text)): Records {
  checkStrayBom(text, file);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      delimiter,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as CsvErrorLike;
    const first = Array.isArray(err.record) && typeof err.record[0] === "string" ? ` (the row of "${err.record[0].slice(0, 60)}")` : "";
    const where = err.lines !== undefined ? ` near line ${err.lines}${first}` : "";
    const hint =
      err.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH"
        ? " (every row must have as many fields as the header; check for a missing or extra delimiter)"
        : "";
    throw new InputError(`${file}: malformed CSV${where}: ${err.message}${hint}`);
  }
  if (parsed.length === 0) throw new InputError(`${file}: the file has no rows (expected a header and data rows)`);
  const [head, ...body] = parsed;
  const columns = head.record.map((c) => c.trim());
  if (body.length === 0) throw new InputError(`${file}: only a header line, no data rows`);
  if (columns.length < 2) {
    throw new InputError(
      `${file}: the header has ${columns.length} column (expected a name column and at least one score column; ` +
        `delimiter tried: ${JSON.stringify(delimiter)}; only comma, semicolon and tab are read${pipeHint(columns[0] ?? "")})`,
    );
  }
  return {
    file,
    columns,
    rows: body.map((r) => ({ where: `line ${r.info.lines}`, cells: r.record })),
  };
}
