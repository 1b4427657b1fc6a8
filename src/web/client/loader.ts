/**
 * Files the user picks or drops: a score table and, optionally, a round plan. Sizes are checked
 * before reading (the server checks again); parsing is the server's, with the CLI's own checks.
 */
import { tooLargeMessage } from "../shared/limits.js";

export interface Loaded {
  scores?: File;
  plan?: File;
}

/** A JSON file with a top-level "rounds" list is a round plan; anything else is a score table. */
async function isPlan(file: File): Promise<boolean> {
  if (!/\.json$/i.test(file.name)) return false;
  try {
    const data: unknown = JSON.parse(await file.text());
    return typeof data === "object" && data !== null && Array.isArray((data as { rounds?: unknown }).rounds);
  } catch {
    return false;
  }
}

/** Sorts the chosen files into a table and a plan; the files themselves go to the server unchanged. */
export async function sortFiles(files: readonly File[], maxBytes: number): Promise<Loaded> {
  const big = files.find((f) => f.size > maxBytes);
  if (big) throw new Error(tooLargeMessage(big.name, big.size, maxBytes));
  const kinds = await Promise.all(files.map(isPlan));
  const plans = files.filter((_, i) => kinds[i]);
  const tables = files.filter((_, i) => !kinds[i]);
  if (plans.length > 1 || tables.length > 1) throw new Error("choose one score table and at most one round plan at a time");
  return { scores: tables[0], plan: plans[0] };
}

/** Wires the file input and the drop zone to one handler. */
export function onFiles(input: HTMLInputElement, zone: HTMLElement, handle: (files: File[]) => void): void {
  input.addEventListener("change", () => {
    if (input.files && input.files.length > 0) handle([...input.files]);
    input.value = "";
  });
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    const files = e.dataTransfer ? [...e.dataTransfer.files] : [];
    if (files.length > 0) handle(files);
  });
}
