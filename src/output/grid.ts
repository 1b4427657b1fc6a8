/** Aligned text and Markdown tables from columns of strings, every cell escaped for its medium. */
import { markdownSafe, spreadsheetSafe, terminalSafe } from "./escape.js";

export interface Column {
  header: string;
  align: "left" | "right";
  cells: string[];
}

function pad(s: string, width: number, align: "left" | "right"): string {
  const gap = " ".repeat(Math.max(0, width - [...s].length));
  return align === "left" ? s + gap : gap + s;
}

export function renderText(given: readonly Column[]): string {
  const columns = given.map((c) => ({ ...c, header: terminalSafe(c.header), cells: c.cells.map((x) => terminalSafe(x)) }));
  const widths = columns.map((c) => Math.max([...c.header].length, ...c.cells.map((x) => [...x].length)));
  const rows = columns[0]?.cells.length ?? 0;
  const line = (cells: string[]) =>
    cells
      .map((x, i) => pad(x, widths[i], columns[i].align))
      .join("  ")
      .trimEnd();
  const out = [line(columns.map((c) => c.header)), line(widths.map((w) => "-".repeat(w)))];
  for (let r = 0; r < rows; r++) out.push(line(columns.map((c) => c.cells[r])));
  return out.join("\n");
}

export function renderMarkdown(columns: readonly Column[]): string {
  const rows = columns[0]?.cells.length ?? 0;
  const out = [
    `| ${columns.map((c) => markdownSafe(c.header)).join(" | ")} |`,
    `|${columns.map((c) => (c.align === "right" ? "---:" : ":---")).join("|")}|`,
  ];
  for (let r = 0; r < rows; r++) out.push(`| ${columns.map((c) => markdownSafe(c.cells[r])).join(" | ")} |`);
  return out.join("\n");
}

/** Quotes a CSV field when needed (RFC 4180); text a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvField(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return "";
  const s = typeof value === "number" ? String(value) : spreadsheetSafe(terminalSafe(value, true));
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(header: readonly string[], rows: readonly (string | number | undefined | null)[][]): string {
  return `${[header, ...rows].map((r) => r.map(csvField).join(",")).join("\n")}\n`;
}
