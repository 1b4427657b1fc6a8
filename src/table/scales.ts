/**
 * What scale a benchmark column is on, from its values and its name, and the warnings a table
 * mixing scales deserves (0-1 next to 0-100, BLEU or Elo next to accuracies). Pure.
 */
import { at, isMissing, MISSING } from "../grid/grid.js";
import { type ScoreTable, tableGrid } from "./types.js";

export type ScaleClass = "0-1" | "0-10" | "0-100" | "above 100" | "negative" | "empty";

export interface ColumnScale {
  name: string;
  scale: ScaleClass;
  /** A kind the name gives away: "Elo-like rating", "BLEU-like text overlap". */
  kind?: string;
  min: number;
  max: number;
  /** Non-missing values. */
  n: number;
  distinct: number;
}

const KINDS: [RegExp, string][] = [
  [/(^|[^a-z])(elo|rating)([^a-z]|$)/i, "Elo-like rating"],
  [/bleu|rouge|chrf|meteor|(^|[^a-z])(wmt|ter)([^a-z]|$)/i, "BLEU-like text overlap"],
  [/perplexity|(^|[^a-z])ppl([^a-z]|$)|bits_per_byte/i, "perplexity"],
];

export function columnValues(t: ScoreTable, b: number): number[] {
  const g = tableGrid(t);
  const out: number[] = [];
  for (let m = 0; m < t.models.length; m++) {
    const v = at(g, m, b);
    if (!isMissing(v)) out.push(v);
  }
  return out;
}

export function classifyValues(values: readonly number[]): ScaleClass {
  if (values.length === 0) return "empty";
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min < 0) return "negative";
  if (max <= 1) return "0-1";
  if (max <= 10) return "0-10";
  if (max <= 100) return "0-100";
  return "above 100";
}

/** Distinct values of a column: a sorted typed copy, counted by changes (a Set of 20,000 doubles boxes each one). */
function distinctCount(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort();
  let n = sorted.length > 0 ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) n++;
  return n;
}

export function columnScales(t: ScoreTable): ColumnScale[] {
  return t.benchmarks.map((bench, b) => {
    const v = columnValues(t, b);
    const kind = KINDS.find(([re]) => re.test(bench.name))?.[1];
    let min = Number.NaN;
    let max = Number.NaN;
    for (const x of v) {
      if (!(x >= min)) min = x;
      if (!(x <= max)) max = x;
    }
    return {
      name: bench.name,
      scale: classifyValues(v),
      ...(kind ? { kind } : {}),
      min,
      max,
      n: v.length,
      distinct: distinctCount(v),
    };
  });
}

const SCALE_WORDS: Record<ScaleClass, string> = {
  "0-1": "0-1",
  "0-10": "0-10 (or a percentage that stays low)",
  "0-100": "0-100",
  "above 100": "above 100",
  negative: "with negative values",
  empty: "no values",
};

/** One warning per kind of mix, naming the columns; empty when the columns agree. */
export function scaleWarnings(t: ScoreTable, names?: readonly string[]): string[] {
  const keep = names ? new Set(names) : undefined;
  const cols = t.benchmarks
    .map((bench, b) => ({
      name: bench.name,
      scale: classifyValues(columnValues(t, b)),
      kind: KINDS.find(([re]) => re.test(bench.name))?.[1],
    }))
    .filter((c) => c.scale !== "empty" && (!keep || keep.has(c.name)));
  const warnings: string[] = [];
  const byScale = new Map<ScaleClass, string[]>();
  for (const c of cols) byScale.set(c.scale, [...(byScale.get(c.scale) ?? []), c.name]);
  if (byScale.size > 1) {
    const parts = [...byScale.entries()].map(([s, n]) => `${SCALE_WORDS[s]}: ${n.join(", ")}`);
    warnings.push(
      `columns on different scales (${parts.join("; ")}). A 0-1 column beside 0-100 ones is often a fraction or another metric; ` +
        "scales matter where benchmarks are averaged (a round of several benchmarks, mean-based rankings), not in single-benchmark rounds",
    );
  }
  const kinds = new Map<string, string[]>();
  for (const c of cols) if (c.kind) kinds.set(c.kind, [...(kinds.get(c.kind) ?? []), c.name]);
  const plain = cols.filter((c) => !c.kind).length;
  if (kinds.size > 0 && (plain > 0 || kinds.size > 1)) {
    const parts = [...kinds.entries()].map(([k, n]) => `${k}: ${n.join(", ")}`);
    warnings.push(
      `columns measuring something other than accuracy, by their names (${parts.join("; ")}), beside ${plain} other column${plain === 1 ? "" : "s"}`,
    );
  }
  return warnings;
}

/** Benchmarks on which every model has the same score (every match a coin flip). */
export function constantBenchmarks(t: ScoreTable): string[] {
  const g = tableGrid(t);
  return t.benchmarks
    .filter((_, b) => {
      let first = MISSING;
      let n = 0;
      for (let m = 0; m < t.models.length; m++) {
        const v = at(g, m, b);
        if (isMissing(v)) continue;
        if (n++ === 0) first = v;
        else if (v !== first) return false;
      }
      return n >= 2;
    })
    .map((c) => c.name);
}
