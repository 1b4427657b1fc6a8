/**
 * Sorting and searching for the tables marked data-sortable (the leaderboard): click a header to
 * sort by it (again to reverse), type in the search box to keep the matching models. Plain DOM, so
 * the one-file report carries it inside its runtime; without JavaScript the table is still complete.
 */

/** A cell's sort key: its data-sort number when it has one, else its text. */
function keyOf(cell: Element | undefined): number | string {
  const raw = cell?.getAttribute("data-sort");
  if (raw !== null && raw !== undefined && raw !== "") return Number(raw);
  return (cell?.textContent ?? "").trim().toLowerCase();
}

function compare(a: number | string, b: number | string): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en", { numeric: true });
}

function countText(shown: number, total: number, noun: string): string {
  return shown === total ? `${total} ${noun}` : `${shown} of ${total} ${noun}`;
}

export function enhanceTables(root: ParentNode): void {
  for (const table of Array.from(root.querySelectorAll<HTMLTableElement>("table[data-sortable]"))) {
    if (table.dataset.enhanced === "true") continue;
    table.dataset.enhanced = "true";
    const body = table.tBodies[0];
    if (!body) continue;
    const rows = Array.from(body.rows);
    const id = table.dataset.sortable ?? "";
    const noun = table.dataset.noun ?? "rows";
    const count = root.querySelector<HTMLElement>(`[data-table-count="${id}"]`);
    const search = root.querySelector<HTMLInputElement>(`[data-table-search="${id}"]`);
    const headers = Array.from(table.tHead?.rows[0]?.cells ?? []);
    let sortedBy = -1;
    let descending = false;
    headers.forEach((th, col) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent ?? "";
      button.title = th.title ? `${th.title} (click to sort)` : "click to sort";
      th.textContent = "";
      th.append(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", () => {
        // Numbers open best-first for scores (descending), names and ranks ascending.
        const firstDescending = th.dataset.order === "desc";
        descending = sortedBy === col ? !descending : firstDescending;
        sortedBy = col;
        const keyed = rows.map((r, i) => ({ r, i, k: keyOf(r.cells[col]) }));
        keyed.sort((a, b) => (descending ? -1 : 1) * compare(a.k, b.k) || a.i - b.i);
        body.append(...keyed.map((x) => x.r));
        for (const h of headers) h.setAttribute("aria-sort", "none");
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      });
    });
    const filter = () => {
      const words = (search?.value ?? "").trim().toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const r of rows) {
        const text = (r.cells[Number(table.dataset.searchColumn ?? 1)]?.textContent ?? "").toLowerCase();
        const match = words.every((w) => text.includes(w));
        r.hidden = !match;
        if (match) shown++;
      }
      if (count) count.textContent = countText(shown, rows.length, noun);
    };
    search?.addEventListener("input", filter);
    filter();
  }
}
