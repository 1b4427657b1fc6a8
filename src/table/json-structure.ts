/**
 * What JSON.parse lets pass silently: a key repeated in one object (the last value wins, so a model
 * or a benchmark disappears) and nesting deep enough to exhaust the stack of whatever walks the
 * value. One linear scan of the text before parsing; anything malformed is left for JSON.parse to
 * report with its own position.
 */
import { InputError } from "./errors.js";

/** Deeper than any results file (harness files nest about 5 levels); far below the stack's limit. */
export const MAX_JSON_DEPTH = 256;

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The end (exclusive) of the string starting at the quote at `start`, or -1 if it never ends. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92)
      i++; // backslash: skip the escaped character
    else if (c === 34) return i + 1;
  }
  return -1;
}

/**
 * Throws InputError naming the first repeated key (with its line) or the depth limit. `line`: the
 * text is that line of the file (a JSON Lines record), which the message and the error's row name.
 */
export function checkJsonStructure(text: string, file: string, line?: number, maxDepth = MAX_JSON_DEPTH): void {
  // "file: the key ... (line 7)" for a whole file, "file: line 7: the key ..." for one of its lines.
  const fail = (what: string, pos: number, after = "") => {
    const row = line ?? lineAt(text, pos);
    const message = line === undefined ? `${file}: ${what} (line ${row})${after}` : `${file}: line ${row}: ${what}${after}`;
    return new InputError(message, { file, row });
  };
  // One entry per open container: the keys seen so far for an object, null for an array.
  const stack: (Set<string> | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      // { or [
      stack.push(c === 123 ? new Set() : null);
      if (stack.length > maxDepth) throw fail(`JSON nested more than ${maxDepth} levels deep`, i, ": not a results file");
    } else if (c === 125 || c === 93) {
      stack.pop();
    } else if (c === 34) {
      const end = stringEnd(text, i);
      if (end < 0) return; // unterminated: JSON.parse says where
      const keys = stack[stack.length - 1];
      if (keys) {
        let j = end;
        while (j < text.length && /\s/.test(text[j])) j++;
        if (text[j] === ":") {
          const raw = text.slice(i, end);
          let key = raw.slice(1, -1);
          if (raw.includes("\\")) {
            try {
              key = JSON.parse(raw) as string;
            } catch {
              return; // a bad escape: JSON.parse reports it
            }
          }
          if (keys.has(key))
            throw fail(`the key "${key.slice(0, 200)}" appears twice in one object`, i, "; JSON would keep only the last one");
          keys.add(key);
        }
      }
      i = end - 1;
    }
  }
}
