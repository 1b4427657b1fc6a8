/**
 * Finding the leaderboard's own aggregate columns (an overall average, HELM's mean win rate) among
 * the benchmark columns, so that they are reported and left out of the ranking instead of being
 * counted as one more benchmark. Pure. Rules, each stated in the report:
 * - named by the user (--aggregates A,B), or by a name that only aggregates use (Average, Overall,
 *   *_mwr, "mean win rate");
 * - a leaderboard file's column named after the leaderboard itself (opencompass in
 *   opencompass_2024-08-29.csv, livebench_240725 in livebench_2024-08-29.csv);
 * - equal, within the printed rounding, to the row mean of the other columns on the same scale;
 * - equal within 0.01 to each model's mean win rate over the other columns (HELM).
 */
import { InputError } from "./errors.js";
import { classifyValues, columnValues } from "./scales.js";
import type { AggregateColumn, ScoreTable } from "./types.js";

export type AggregateOption = "auto" | "none" | string[];

const AGGREGATE_NAMES = new Set([
  "average",
  "avg",
  "mean",
  "overall",
  "total",
  "aggregate",
  "overall_score",
  "average_score",
  "mean_score",
  "global_average",
  "mean_win_rate",
  "mwr",
  "win_rate_mean",
]);

function norm(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

function byName(name: string): string | undefined {
  const n = norm(name);
  if (AGGREGATE_NAMES.has(n)) return `named "${name}"`;
  if (/_(mwr|mean_win_rate|overall_score)$/.test(n)) return `named "${name}" (a mean win rate or overall score)`;
  return undefined;
}

/** "open_llm_leaderboard_v2_2024-08-29.csv" -> "open_llm_leaderboard_v2": the name before the date. */
export function leaderboardStem(file: string): string {
  const base = (file.split(/[\\/]/).pop() ?? "").replace(/\.[^.]+$/, "");
  const tokens = norm(base).split("_");
  const out: string[] = [];
  for (const t of tokens) {
    if (/^\d+$/.test(t)) break;
    out.push(t);
  }
  return out.join("_");
}

function withoutTrailingNumbers(name: string): string {
  return norm(name).replace(/(_\d+)+$/, "");
}

function decimals(v: number): number {
  for (let d = 0; d <= 6; d++) {
    const s = v * 10 ** d;
    if (Math.abs(s - Math.round(s)) < 1e-6 * Math.max(1, Math.abs(s))) return d;
  }
  return 6;
}

type Family = "fraction" | "percent" | "other";
function family(values: readonly number[]): Family {
  const c = classifyValues(values);
  return c === "0-1" ? "fraction" : c === "0-10" || c === "0-100" ? "percent" : "other";
}

/** Share of rows (with all columns present) where column c is the mean of `others`, within rounding. */
function meanMatch(t: ScoreTable, c: number, others: readonly number[]): number {
  const B = t.benchmarks.length;
  const dc = Math.max(0, ...columnValues(t, c).map(decimals));
  const dOther = Math.max(0, ...others.flatMap((o) => columnValues(t, o).map(decimals)));
  const tol = 0.5 * 10 ** -dc + 0.5 * 10 ** -dOther + 1e-9;
  let rows = 0;
  let hits = 0;
  for (let m = 0; m < t.models.length; m++) {
    const v = t.scores[m * B + c];
    if (Number.isNaN(v)) continue;
    let s = 0;
    let complete = true;
    for (const o of others) {
      const x = t.scores[m * B + o];
      if (Number.isNaN(x)) complete = false;
      s += x;
    }
    if (!complete) continue;
    rows++;
    if (Math.abs(v - s / others.length) <= tol) hits++;
  }
  return rows >= 3 ? hits / rows : 0;
}

/** Each model's share of the others it beats on column o (ties 1/2), NaN when it has no score. */
function beatenShare(t: ScoreTable, o: number): Float64Array {
  const B = t.benchmarks.length;
  const M = t.models.length;
  const out = new Float64Array(M).fill(Number.NaN);
  const present = [...Array(M).keys()].filter((m) => !Number.isNaN(t.scores[m * B + o]));
  const sorted = present.map((m) => t.scores[m * B + o]).sort((a, b) => a - b);
  const n = sorted.length;
  if (n < 2) return out;
  const lowerBound = (x: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const m of present) {
    const x = t.scores[m * B + o];
    const below = lowerBound(x);
    let eq = 0;
    for (let k = below; k < n && sorted[k] === x; k++) eq++;
    out[m] = (below + 0.5 * (eq - 1)) / (n - 1);
  }
  return out;
}

function mwrMatch(t: ScoreTable, c: number, others: readonly number[]): number {
  const B = t.benchmarks.length;
  const shares = others.map((o) => beatenShare(t, o));
  let rows = 0;
  let hits = 0;
  for (let m = 0; m < t.models.length; m++) {
    const v = t.scores[m * B + c];
    if (Number.isNaN(v)) continue;
    let s = 0;
    let k = 0;
    for (const sh of shares) {
      if (!Number.isNaN(sh[m])) {
        s += sh[m];
        k++;
      }
    }
    if (k === 0) continue;
    rows++;
    if (Math.abs(v - s / k) <= 0.01) hits++;
  }
  return rows >= 3 ? hits / rows : 0;
}

/** The aggregate columns of `t` under the option (default "auto"). */
export function detectAggregates(t: ScoreTable, option: AggregateOption = "auto"): AggregateColumn[] {
  const names = t.benchmarks.map((b) => b.name);
  if (option === "none") return [];
  if (Array.isArray(option)) {
    const unknown = option.filter((n) => !names.includes(n));
    if (unknown.length > 0) {
      throw new InputError(
        `--aggregates: ${unknown.map((u) => `"${u}"`).join(", ")} not a benchmark column of ${t.source} (its columns: ${names.join(", ")})`,
      );
    }
    return option.map((name) => ({ name, reason: "named by --aggregates" }));
  }
  const found = new Map<number, string>();
  names.forEach((n, b) => {
    const why = byName(n);
    if (why) found.set(b, why);
  });
  if (t.adapter === "leaderboard" && names.length >= 3) {
    const stem = leaderboardStem(t.source);
    names.forEach((n, b) => {
      if (!found.has(b) && stem.length >= 4 && withoutTrailingNumbers(n) === stem)
        found.set(b, `named after the leaderboard (file ${stem}...)`);
    });
  }
  const fam = names.map((_, b) => family(columnValues(t, b)));
  for (let changed = true; changed; ) {
    changed = false;
    for (let c = 0; c < names.length; c++) {
      if (found.has(c)) continue;
      const others = names.map((_, o) => o).filter((o) => o !== c && !found.has(o) && fam[o] === fam[c]);
      if (others.length < 2) continue;
      if (meanMatch(t, c, others) >= 0.9) {
        found.set(c, `the row mean of the other ${others.length} columns on its scale, within rounding`);
        changed = true;
      } else if (fam[c] === "fraction" && mwrMatch(t, c, others) >= 0.9) {
        found.set(c, `each model's mean win rate over the other ${others.length} columns, within 0.01`);
        changed = true;
      }
    }
  }
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([b, reason]) => ({ name: names[b], reason }));
}
