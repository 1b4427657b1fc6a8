/**
 * Errors caused by what the user gave us (a file, an option). The CLI prints the message alone and
 * exits with code 2; anything else is a bug and keeps its stack.
 */
export class InputError extends Error {
  override name = "InputError";
}

/** Joins a list of problems into one message, showing at most `limit` of them. */
export function listProblems(head: string, problems: readonly string[], limit = 50): string {
  const shown = problems.slice(0, limit).map((p) => `  - ${p}`);
  if (problems.length > limit) shown.push(`  ... and ${problems.length - limit} more`);
  return `${head}\n${shown.join("\n")}`;
}
