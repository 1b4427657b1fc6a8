/**
 * Errors caused by what the user gave us (a file, an option). The CLI prints the message alone and
 * exits with code 2; anything else is a bug and keeps its stack.
 *
 * @example
 * try {
 *   readScoreTable("scores.csv");
 * } catch (e) {
 *   if (e instanceof InputError) console.error(e.code, e.message); // the file, row and column are in the message
 *   else throw e;
 * }
 */
export class InputError extends Error {
  override name = "InputError";
  /**
   * What kind of input was wrong, for programs that branch on it: "invalid-input" unless a caller
   * says more ("invalid-table", "invalid-option", "invalid-plan").
   */
  readonly code: string;
  constructor(message: string, code = "invalid-input") {
    super(message);
    this.code = code;
  }
}

/** Joins a list of problems into one message, showing at most `limit` of them. */
export function listProblems(head: string, problems: readonly string[], limit = 50): string {
  const shown = problems.slice(0, limit).map((p) => `  - ${p}`);
  if (problems.length > limit) shown.push(`  ... and ${problems.length - limit} more`);
  return `${head}\n${shown.join("\n")}`;
}
