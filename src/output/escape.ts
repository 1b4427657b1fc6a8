/**
 * Names from the data (models, benchmarks, files) escaped for each medium they are written to, so
 * that no name can drive a terminal, run as a spreadsheet formula, break a table, inject Markdown or
 * HTML, or make an SVG malformed. JSON needs nothing: JSON.stringify escapes every control character.
 */

/**
 * C0 and C1 control characters, DEL, and the Unicode bidirectional overrides and isolates (which
 * reorder what a terminal or an editor shows: "Trojan Source").
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this module is for
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this module is for
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const visible = (c: string): string => {
  const code = c.charCodeAt(0);
  if (c === "\n") return "\\n";
  if (c === "\t") return "\\t";
  if (c === "\r") return "\\r";
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

/** For a terminal: every control character shown as an escape (\x1b, \n, \u202e); with keepNewlines, line breaks stay. */
export function terminalSafe(s: string, keepNewlines = false): string {
  return s.replace(keepNewlines ? CONTROLS_BUT_NEWLINE : CONTROLS, visible);
}

/**
 * For a Markdown table cell or line: controls escaped, and the characters Markdown or HTML would
 * interpret. A "[" is escaped only where it could open a link ("[x](...)", "[x][y]", "[x]: ..."), so
 * our own "E[S]" stays readable in the Markdown source.
 */
export function markdownSafe(s: string): string {
  return terminalSafe(s)
    .replace(/[\\`*_|#~]/g, (c) => `\\${c}`)
    .replace(/\[(?=[^\]]*\][([:])/g, "\\[")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

const NUMBER = /^[+-]?(\d+(?:\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * For a CSV cell that a spreadsheet may open: text starting with =, +, -, @, a tab or a carriage
 * return is a formula there, so it gets a leading apostrophe (OWASP's CSV-injection advice); numbers,
 * negative ones included, stay numbers.
 */
export function spreadsheetSafe(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !NUMBER.test(s) ? `'${s}` : s;
}

/** Characters XML 1.0 forbids even as references (most C0 controls, U+FFFE, U+FFFF), replaced by U+FFFD in an SVG document. */
export function xmlSafe(svg: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this module is for
  return svg.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "\ufffd");
}

/** At most `max` characters of a value quoted in a message, with how many more there were. */
export function clip(s: string, max = 200): string {
  return s.length <= max ? s : `${s.slice(0, max)}... (${s.length - max} more characters)`;
}

/** A message for a terminal: controls shown as escapes, and any quoted value longer than 200 characters clipped. */
export function messageSafe(message: string): string {
  return terminalSafe(message, true).replace(/"([^"\n]{201,})"/g, (_, inner: string) => `"${clip(inner)}"`);
}
