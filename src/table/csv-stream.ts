/**
 * An incremental CSV splitter (RFC 4180: quoted fields, doubled quotes, CRLF, newlines inside
 * quotes) fed with text chunks, so a file of any size is read with bounded memory. Pure: the
 * caller does the I/O. Lines without a quote take a fast path (String.split).
 */
import { InputError } from "./errors.js";

export type RecordHandler = (fields: string[], line: number) => void;

/** The longest record (line, or lines inside quotes) a streamed file may hold: memory stays bounded by it. */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

/**
 * The fields of buf[start, end) (no quotes in it), as String.split would give them: slicing each
 * field from the chunk skips the line's own string and is 3x faster on a 2-million-line long table.
 */
function splitLine(buf: string, start: number, end: number, d: string): string[] {
  const fields: string[] = [];
  let s = start;
  for (let k = buf.indexOf(d, s); k >= 0 && k < end; k = buf.indexOf(d, s)) {
    fields.push(buf.slice(s, k));
    s = k + 1;
  }
  fields.push(buf.slice(s, end));
  return fields;
}

export class CsvSplitter {
  private buf = "";
  private line = 1; // physical line number of buf[0]
  private first = true;

  constructor(
    private readonly file: string,
    private readonly delimiter: string,
    private readonly onRecord: RecordHandler,
  ) {}

  push(chunk: string): void {
    if (this.first) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    const bom = chunk.indexOf("\uFEFF");
    if (bom >= 0) {
      const before = this.buf + chunk.slice(0, bom);
      let line = this.line;
      for (let k = before.indexOf("\n"); k >= 0; k = before.indexOf("\n", k + 1)) line++;
      this.fail(line, "a byte-order mark inside the file (two files pasted together?)");
    }
    this.buf = this.buf.length === 0 ? chunk : this.buf + chunk;
    const consumed = this.consume(false);
    this.buf = this.buf.slice(consumed);
    if (this.buf.length > MAX_RECORD_CHARS)
      this.fail(this.line, `a record longer than ${MAX_RECORD_CHARS / 1048576}M characters (a quote never closed, or not a text file?)`);
  }

  /** Flushes the last record (a file need not end with a newline). */
  end(): void {
    this.consume(true);
    this.buf = "";
  }

  private fail(line: number, what: string): never {
    throw new InputError(`${this.file}: malformed CSV near line ${line}: ${what}`, { file: this.file, row: line });
  }

  /** Emits every complete record in buf; returns how many characters were used. */
  private consume(final: boolean): number {
    const buf = this.buf;
    const d = this.delimiter;
    let pos = 0;
    // The next quote's position, searched once and reused while lines end before it (a search
    // per line would scan the rest of the chunk every time).
    let q = -2;
    while (pos < buf.length) {
      let nl = buf.indexOf("\n", pos);
      if (nl < 0) {
        if (!final) return pos;
        nl = buf.length;
      }
      if (q !== -1 && q < pos) q = buf.indexOf('"', pos);
      if (q < 0 || q > nl) {
        let end = nl;
        if (end > pos && buf.charCodeAt(end - 1) === 13) end--;
        if (end > pos) this.onRecord(splitLine(buf, pos, end, d), this.line);
        this.line++;
        pos = nl + 1;
        continue;
      }
      const next = this.quoted(buf, pos, final);
      if (next < 0) return pos; // the record goes on in the next chunk
      pos = next;
    }
    return pos;
  }

  /** Parses one record that contains a quote; returns the position after it, or -1 if incomplete. */
  private quoted(buf: string, start: number, final: boolean): number {
    const d = this.delimiter;
    const fields: string[] = [];
    const startLine = this.line;
    let lines = 0;
    let i = start;
    let field = "";
    for (;;) {
      if (i >= buf.length) {
        if (!final) return -1;
        fields.push(field);
        break;
      }
      if (buf[i] === '"') {
        if (field.length > 0)
          this.fail(startLine + lines, `a quote inside an unquoted field (field ${fields.length + 1}: ${JSON.stringify(`${field}"`)})`);
        i++;
        for (;;) {
          const close = buf.indexOf('"', i);
          if (close < 0) {
            if (!final) return -1;
            this.fail(startLine, "a quoted field is never closed (a missing quote?)");
          }
          const part = buf.slice(i, close);
          for (let k = part.indexOf("\n"); k >= 0; k = part.indexOf("\n", k + 1)) lines++;
          field += part;
          if (buf[close + 1] === '"') {
            field += '"';
            i = close + 2;
            continue;
          }
          if (close + 1 >= buf.length && !final) return -1;
          i = close + 1;
          break;
        }
        const c = buf[i];
        if (i < buf.length && c !== d && c !== "\n" && c !== "\r") {
          this.fail(startLine + lines, `text after a closing quote (field ${fields.length + 1})`);
        }
        continue;
      }
      const c = buf[i];
      if (c === d) {
        fields.push(field);
        field = "";
        i++;
      } else if (c === "\n" || (c === "\r" && buf[i + 1] === "\n")) {
        fields.push(field);
        i += c === "\r" ? 2 : 1;
        break;
      } else if (c === "\r" && i + 1 >= buf.length && !final) {
        return -1;
      } else {
        field += c;
        i++;
      }
    }
    this.line = startLine + lines + 1;
    this.onRecord(fields, startLine);
    return i;
  }
}

/** The first record of a CSV text (its header), or undefined if there is none. */
export function csvHeader(text: string, file: string, delimiter: string): string[] | undefined {
  let header: string[] | undefined;
  const firstLines = text.slice(0, 1 << 16);
  const s = new CsvSplitter(file, delimiter, (f) => {
    if (!header) header = f;
  });
  try {
    s.push(firstLines);
    s.end();
  } catch (e) {
    if (!header) throw e;
  }
  return header;
}
