/**
 * Errors caused by what the user gave us (a file, an option). The CLI prints the message alone and
 * exits with code 2; anything else is a bug and keeps its stack.
 *
 * @example
 * try {
 *   readScoreTable("scores.csv");
 * } catch (e) {
 *   if (!(e instanceof InputError)) throw e;
 *   console.error(e.code, e.message); // invalid-input scores.csv: invalid scores: line 3, column "MMLU": ...
 *   e.file; // "scores.csv"
 *   e.row; // 3: the file's line, the header being line 1
 *   e.column; // "MMLU"
 *   e.columnIndex; // set where the message names a column by number ("column 4 has values but no name")
 *   e.option; // set instead when an option was wrong, e.g. "missing" (the library's name, not --missing)
 * }
 */
export class InputError extends Error {
  override name = "InputError";
  /**
   * What kind of input was wrong, for programs that branch on it: "invalid-input" unless a caller
   * says more ("invalid-table", "invalid-option", "invalid-plan").
   */
  readonly code: string;
  // `declare`d so that a field not known is absent, not present as undefined.
  /** The file (or the name given to a text, "options.plan" for a plan passed as an object) the problem is in. */
  declare readonly file?: string;
  /**
   * The 1-based line of the file the problem is on, the header being line 1 (as messages say
   * "line 3"); for a multi-line CSV record, the line it starts on. When the message lists several
   * problems, the first one's.
   */
  declare readonly row?: number;
  /** The column's name as the file writes it (a JSON field's key); the first problem's, as for row. */
  declare readonly column?: string;
  /**
   * The column's 1-based position in the header, set where the message names a column by its number
   * ("column 3 has values but no name"): the only way to point at a column without a name, and the
   * one that tells apart columns of the same name (the repeat's, as for row). A column of the table,
   * never a character's position on a line ("malformed JSON at line 2, column 14" sets none).
   */
  declare readonly columnIndex?: number;
  /** The option that was wrong, by its library name ("missing", "T", "plan"); the CLI maps it to its flag. */
  declare readonly option?: string;

  /** `new InputError(message)`, `new InputError(message, code)` or `new InputError(message, { code, file, row, column, columnIndex, option })`. */
  constructor(message: string, codeOrWhere: string | InputErrorWhere = "invalid-input") {
    super(message);
    const where = typeof codeOrWhere === "string" ? { code: codeOrWhere } : codeOrWhere;
    this.code = where.code ?? "invalid-input";
    for (const key of WHERE_KEYS) if (where[key] !== undefined) Object.defineProperty(this, key, { value: where[key], enumerable: true });
  }
}

/** The constructor's options: a code and where the problem is, each optional. */
export interface InputErrorWhere {
  code?: string;
  file?: string;
  row?: number;
  column?: string;
  columnIndex?: number;
  option?: string;
}

const WHERE_KEYS = ["file", "row", "column", "columnIndex", "option"] as const;

/** The code and location of an error, to build another one with them. */
export function whereOf(e: InputError): InputErrorWhere {
  const out: InputErrorWhere = { code: e.code };
  for (const key of WHERE_KEYS) if (e[key] !== undefined) Object.assign(out, { [key]: e[key] });
  return out;
}

/** The same error with a new message (the library's words, the page's): code, location and stack kept. */
export function rephrased(e: InputError, message: string, more: InputErrorWhere = {}): InputError {
  const out = new InputError(message, { ...whereOf(e), ...more });
  out.stack = e.stack;
  return out;
}

/** "line 7" -> 7; anything else (a JSON element "[3]", a model's name) -> undefined. */
export function lineOf(where: string | undefined): number | undefined {
  const m = where === undefined ? null : /^line (\d+)$/.exec(where);
  return m ? Number(m[1]) : undefined;
}

/**
 * An InputError listing problems, located at the first one: its row and column are read back from its
 * own words ("line 3, column "MMLU": ..." -> row 3, column "MMLU"), so that they are what the message says.
 */
export function problemsError(head: string, problems: readonly string[], where: InputErrorWhere = {}, limit?: number): InputError {
  return new InputError(listProblems(head, problems, limit), { ...locate(problems[0] ?? ""), ...where });
}

/**
 * The row and column a located problem starts with ("line 7, column "x": ...", "line 7: ...") or,
 * for a gap, ends with ("model "a", benchmark "x" (line 7, column "x")").
 */
function locate(problem: string): InputErrorWhere {
  const m = /^line (\d+)(?:, (?:column|field) "(.*?)"(?=[:,]))?/.exec(problem) ?? /\(line (\d+)(?:, column "(.*)")?\)$/.exec(problem);
  if (!m) return {};
  return m[2] === undefined ? { row: Number(m[1]) } : { row: Number(m[1]), column: m[2] };
}

/** Joins a list of problems into one message, showing at most `limit` of them. */
export function listProblems(head: string, problems: readonly string[], limit = 50): string {
  const shown = problems.slice(0, limit).map((p) => `  - ${p}`);
  if (problems.length > limit) shown.push(`  ... and ${problems.length - limit} more`);
  return `${head}\n${shown.join("\n")}`;
}
