/** The round list: drag a round (or use its arrows) to change the order the contest plays them in. */
import type { Round } from "../../plan/plan.js";

export interface RoundList {
  show(rounds: readonly Round[]): void;
}

export function roundList(list: HTMLOListElement, onReorder: (rounds: Round[]) => void): RoundList {
  let current: Round[] = [];
  let dragged = -1;

  const move = (from: number, to: number) => {
    if (from === to || from < 0 || to < 0 || to >= current.length) return;
    const next = [...current];
    const [r] = next.splice(from, 1);
    next.splice(to, 0, r);
    show(next);
    onReorder(next);
  };

  function show(rounds: readonly Round[]): void {
    current = [...rounds];
    list.replaceChildren(
      ...current.map((r, i) => {
        const li = document.createElement("li");
        li.draggable = true;
        li.dataset.index = String(i);
        li.title = r.benchmarks.join(", ");
        const name = document.createElement("span");
        name.className = "name";
        name.textContent = r.name;
        const up = button("\u25B2", `move ${r.name} earlier`, () => move(i, i - 1));
        const down = button("\u25BC", `move ${r.name} later`, () => move(i, i + 1));
        li.append(name, up, down);
        li.addEventListener("dragstart", (e) => {
          dragged = i;
          li.classList.add("dragging");
          e.dataTransfer?.setData("text/plain", String(i));
        });
        li.addEventListener("dragend", () => li.classList.remove("dragging"));
        li.addEventListener("dragover", (e) => {
          e.preventDefault();
          li.classList.add("target");
        });
        li.addEventListener("dragleave", () => li.classList.remove("target"));
        li.addEventListener("drop", (e) => {
          e.preventDefault();
          li.classList.remove("target");
          const from = dragged >= 0 ? dragged : Number(e.dataTransfer?.getData("text/plain"));
          dragged = -1;
          move(from, i);
        });
        return li;
      }),
    );
  }
  return { show };
}

function button(text: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.setAttribute("aria-label", label);
  b.addEventListener("click", onClick);
  return b;
}
