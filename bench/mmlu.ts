/**
 * Case (a)'s real score table: 29 models x 12 MMLU-Pro categories, derived from per-question
 * correctness (shared/data/mmlu-pro, Apache-2.0, TIGER-AI-Lab/MMLU-Pro eval_results; see
 * bench/fixtures/README.md). The derived table is committed as bench/fixtures/mmlu-pro-29x12.csv so
 * the bench runs without the source data; when the source is present the bench re-derives it and
 * checks that the committed file still matches.
 */
import { existsSync, readFileSync } from "node:fs";

/** Categories dropped to get 12 rounds: "other" (a catch-all, not a subject) and "history" (the smallest). */
export const DROPPED_CATEGORIES = ["other", "history"];

export interface ScoreTableCsv {
  models: string[];
  benchmarks: string[];
  /** scores[m][b] */
  scores: number[][];
}

/**
 * Per-category accuracy in percent, rounded to 0.1 as leaderboards publish it (so exact ties occur
 * as they do in real tables). A question absent from a model's file (empty cell) does not count;
 * no extracted answer counts as wrong (as in SOURCE.md). Rounds are ordered from the easiest
 * category to the hardest (mean accuracy over the 29 models, descending): "foundational to advanced".
 */
export function deriveMmluTable(itemCsvPath: string): ScoreTableCsv {
  const lines = readFileSync(itemCsvPath, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = lines[0].split(",");
  const models = header.slice(4);
  const correct = new Map<string, number[]>();
  const present = new Map<string, number[]>();
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i].split(",");
    const cat = cells[1];
    if (DROPPED_CATEGORIES.includes(cat)) continue;
    let c = correct.get(cat);
    let p = present.get(cat);
    if (!c || !p) {
      c = new Array(models.length).fill(0);
      p = new Array(models.length).fill(0);
      correct.set(cat, c);
      present.set(cat, p);
    }
    for (let m = 0; m < models.length; m++) {
      const v = cells[4 + m];
      if (v === "") continue;
      p[m]++;
      if (v === "1") c[m]++;
    }
  }
  const cats = [...correct.keys()];
  const acc = new Map(
    cats.map((cat) => [cat, models.map((_, m) => (100 * (correct.get(cat) as number[])[m]) / (present.get(cat) as number[])[m])]),
  );
  const meanOf = (cat: string) => (acc.get(cat) as number[]).reduce((a, b) => a + b, 0) / models.length;
  cats.sort((x, y) => meanOf(y) - meanOf(x) || (x < y ? -1 : 1));
  const scores = models.map((_, m) => cats.map((cat) => Math.round(10 * (acc.get(cat) as number[])[m]) / 10));
  return { models: models.map((n) => n.replace(/_5shots$/, "")), benchmarks: cats, scores };
}

export function tableToCsv(t: ScoreTableCsv): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = [["model", ...t.benchmarks].map(quote).join(",")];
  t.models.forEach((m, i) => rows.push([quote(m), ...t.scores[i].map((v) => v.toFixed(1))].join(",")));
  return `${rows.join("\n")}\n`;
}

/** Reads a simple "model, bench1, bench2, ..." CSV (no quoted commas in the fixture). */
export function readTableCsv(path: string): ScoreTableCsv {
  const lines = readFileSync(path, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = lines[0].split(",");
  const rows = lines.slice(1).map((l) => l.split(","));
  return { models: rows.map((r) => r[0]), benchmarks: header.slice(1), scores: rows.map((r) => r.slice(1).map(Number)) };
}

/** Loads the committed fixture; re-derives it from the source data when that is present. */
export function loadMmluCase(fixturePath: string, sourceItemCsv: string): { table: ScoreTableCsv; note: string } {
  const table = readTableCsv(fixturePath);
  if (!existsSync(sourceItemCsv)) return { table, note: "fixture (source data not found, not re-derived)" };
  const fresh = tableToCsv(deriveMmluTable(sourceItemCsv));
  const same = fresh === readFileSync(fixturePath, "utf8");
  return { table, note: same ? "fixture re-derived from source data: identical" : "WARNING: fixture differs from a fresh derivation" };
}
