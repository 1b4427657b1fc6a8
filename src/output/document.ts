/** Text and Markdown documents built from headings, paragraphs and tables. */

import { markdownSafe, terminalSafe } from "./escape.js";
import { thousands } from "./format.js";
import { type Column, renderMarkdown, renderText } from "./grid.js";

export type Block = { kind: "heading"; text: string } | { kind: "text"; text: string } | { kind: "table"; columns: Column[] };

/** The blocks as lines (no title). */
export function renderBlocks(blocks: readonly Block[], markdown: boolean): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === "heading") {
      const t = terminalSafe(b.text);
      out.push("", markdown ? `## ${markdownSafe(b.text)}` : `${t}\n${"=".repeat(t.length)}`, "");
    } else if (b.kind === "text") {
      // A Markdown paragraph ends at a blank line: each text block is its own paragraph.
      out.push(markdown ? `${b.text.split("\n").map(markdownSafe).join("  \n")}\n` : terminalSafe(b.text, true));
    } else out.push(markdown ? renderMarkdown(b.columns) : renderText(b.columns));
  }
  return out;
}

export function renderDocument(title: string, blocks: readonly Block[], markdown: boolean): string {
  return `${[markdown ? `# ${markdownSafe(title)}` : terminalSafe(title), ...renderBlocks(blocks, markdown)].join("\n")}\n`;
}

export const heading = (text: string): Block => ({ kind: "heading", text });
export const text = (t: string): Block => ({ kind: "text", text: t });
export const table = (columns: Column[]): Block => ({ kind: "table", columns });
export const col = (header: string, cells: string[], align: "left" | "right" = "right"): Column => ({ header, align, cells });

/** "Note: ..." or, for a note that is a warning, "Warning: ..." (never "Note: warning: ..."). */
export function noteLine(note: string): string {
  return note.startsWith("warning: ") ? `Warning: ${note.slice(9)}` : `Note: ${note}`;
}

/** "... and 1,377 more models (--top N shows the first N; without --top, all)". */
export function moreModels(total: number, top: number): string | undefined {
  return total > top ? `... and ${thousands(total - top)} more models (--top N shows the best N; without it, all)` : undefined;
}
