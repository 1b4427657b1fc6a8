/** Small HTML helpers: escaping, and tables from rows of already-escaped cells. */
import { terminalSafe } from "../escape.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for element content and attribute values; control characters (invalid in HTML) are shown as escapes. */
export function esc(text: string | number): string {
  return terminalSafe(String(text), true).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * JSON that is safe inside <script type="application/json">: no "</script", no "<!--", and no raw
 * line separators or bidirectional controls in the page's source (the same JSON, escaped).
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** JavaScript source that is safe inside <script>: a "</script" in a string literal cannot end the element. */
export function scriptSource(js: string): string {
  return js.replace(/<\/(script)/gi, "<\\/$1");
}

export interface HtmlColumn {
  /** Header text (escaped here). */
  header: string;
  /** Right-aligned numbers. */
  numeric?: boolean;
  /** Tooltip for the header. */
  title?: string;
  /** Sorting opens with the largest first (scores); default ascending (names, ranks). */
  descending?: boolean;
  /** Stays in view when the table scrolls sideways (the model's name). */
  sticky?: boolean;
}

/** What makes a table sortable and searchable by the page's script (client/tables.ts). */
export interface SortableTable {
  /** Id that ties the table to its search box and count. */
  id: string;
  /** What a row is, for the count ("models"). */
  noun: string;
  /** A number per cell to sort by (undefined: the cell's text). */
  keys: readonly (readonly (number | undefined)[])[];
}

function cellClass(c: HtmlColumn | undefined): string {
  const names = [c?.numeric ? "num" : "", c?.sticky ? "sticky" : ""].filter(Boolean).join(" ");
  return names ? ` class="${names}"` : "";
}

/** A table: headers are escaped here, cells must be HTML already (use esc for text). */
export function htmlTable(columns: readonly HtmlColumn[], rows: readonly string[][], className = "grid", sortable?: SortableTable): string {
  const head = columns
    .map(
      (c) =>
        `<th${cellClass(c)}${c.title ? ` title="${esc(c.title)}"` : ""}${sortable && c.descending ? ' data-order="desc"' : ""}>${esc(c.header)}</th>`,
    )
    .join("");
  const body = rows
    .map((r, row) => {
      const cells = r.map((cell, i) => {
        const key = sortable?.keys[row]?.[i];
        return `<td${cellClass(columns[i])}${key !== undefined && Number.isFinite(key) ? ` data-sort="${key}"` : ""}>${cell}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  const attrs = sortable ? ` data-sortable="${esc(sortable.id)}" data-noun="${esc(sortable.noun)}"` : "";
  return `<table class="${className}"${attrs}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A section with an anchor, heading and content. */
export function section(id: string, title: string, content: string): string {
  return `<section id="${esc(id)}"><h2>${esc(title)}</h2>\n${content}\n</section>`;
}
