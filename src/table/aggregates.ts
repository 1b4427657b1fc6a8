/**
 * Finding the leaderboard's own aggregate columns (an overall average, HELM's mean win rate) among
 * the benchmark columns, so that they are reported and left out of the ranking instead of being
 * counted as one more benchmark. Pure. Rules, each stated in the report:
 * - named by the user (--aggregates A,B), or by a name that only aggregates use (Average, Overall,
 *   *_mwr, "mean win rate");
 * - the first column, without the prefix the others share and ordering the models as their mean
 *   does (opencompass before OC_Language, OC_Knowledge, ...); never the file's name;
 * - equal, within the printed rounding, to the row mean of the other columns on the same scale;
 * - equal within 0.01 to each model's mean win rate over the other columns (HELM).
 */
import { at, isMissing, MISSING } from "../grid/grid.js";
import { rankCorrelation } from "../stats/stats.js";
import { InputError } from "./errors.js";
import { classifyValues, columnValues } from "./scales.js";
import { type AggregateColumn, type ScoreTable, tableGrid } from "./types.js";

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

/** The longest separator-ended prefix that at least `share` of the names carry. */
function commonPrefix(names: readonly string[], share: number): string {
  const counts = new Map<string, number>();
  for (const n of names) {
    for (let i = 0; i < n.length; i++) {
      if (n[i] !== "_" && n[i] !== "-" && n[i] !== " ") continue;
      const p = n.slice(0, i + 1);
      counts.set(p, (counts.get(p) ?? 0) + 1);
    }
  }
  let best = "";
  for (const [p, c] of counts) if (c >= share * names.length && p.length > best.length) best = p;
  return best;
}

/**
 * A leaderboard's own summary column, told by its name and its values only (never the file's name):
 * the first benchmark column, when it lacks the prefix at least 3 in 4 of the others share
 * (opencompass before OC_Language, OC_Knowledge, ...; helm_classic before HELM_MMLU, ...) and
 * orders the models as the mean of the others does (Spearman's rho >= 0.9 over the models scored
 * on at least half of them): what a leaderboard's overall score or mean win rate looks like.
 */
function leadingSummaryColumn(t: ScoreTable, candidates: readonly number[]): [number, string] | undefined {
  if (candidates.length < 4 || candidates[0] !== 0) return undefined;
  const [c, ...others] = candidates;
  const prefix = commonPrefix(
    others.map((b) => t.benchmarks[b].name),
    0.75,
  );
  if (prefix === "" || t.benchmarks[c].name.startsWith(prefix)) return undefined;
  const g = tableGrid(t);
  const own: number[] = [];
  const means: number[] = [];
  for (let m = 0; m < t.models.length; m++) {
    const v = at(g, m, c);
    if (isMissing(v)) continue;
    let s = 0;
    let k = 0;
    for (const o of others) {
      const x = at(g, m, o);
      if (isMissing(x)) continue;
      s += x;
      k++;
    }
    if (k * 2 < others.length) continue;
    own.push(v);
    means.push(s / k);
  }
  if (own.length < 5) return undefined;
  const rho = rankCorrelation(own, means);
  if (!(rho >= 0.9)) return undefined;
  return [
    c,
    `the first column, without the prefix "${prefix}" of the others, ordering the models as their mean does (Spearman ${rho.toFixed(2)}): a summary`,
  ];
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

/** The most decimals any score of column c is written with (a loop: a spread overflows the stack on large tables). */
function columnDecimals(t: ScoreTable, c: number): number {
  const g = tableGrid(t);
  let d = 0;
  for (let m = 0; m < t.models.length && d < 6; m++) {
    const v = at(g, m, c);
    if (!isMissing(v)) d = Math.max(d, decimals(v));
  }
  return d;
}

/**
 * Sums over one scale family's columns not yet taken for aggregates, per model, so that each
 * candidate's "mean of the others" is (sum - own) / (n - 1): the whole check is linear in the cells
 * instead of quadratic in the columns.
 */
interface FamilySums {
  columns: number[];
  /** Per model: the sum of the family's scores, and how many of them are missing. */
  sum: Float64Array;
  missing: Int32Array;
  /** The two largest column decimals (the others' rounding, whichever column is the candidate). */
  decimals: [number, number];
  /** Per model: the sum and count of the family's beaten shares (fractions only, for HELM's mean win rate). */
  shareSum?: Float64Array;
  shareCount?: Int32Array;
  shares?: Map<number, Float64Array>;
}

function familySums(t: ScoreTable, columns: number[], withShares: boolean, decimalsOf: number[]): FamilySums {
  const g = tableGrid(t);
  const M = t.models.length;
  const sum = new Float64Array(M);
  const missing = new Int32Array(M);
  const top: [number, number] = [0, 0];
  for (const o of columns) {
    const d = decimalsOf[o];
    if (d > top[0]) [top[0], top[1]] = [d, top[0]];
    else if (d > top[1]) top[1] = d;
    for (let m = 0; m < M; m++) {
      const x = at(g, m, o);
      if (isMissing(x)) missing[m]++;
      else sum[m] += x;
    }
  }
  const out: FamilySums = { columns, sum, missing, decimals: top };
  if (withShares) {
    const shareSum = new Float64Array(M);
    const shareCount = new Int32Array(M);
    const shares = new Map<number, Float64Array>();
    for (const o of columns) {
      const sh = beatenShare(t, o);
      shares.set(o, sh);
      for (let m = 0; m < M; m++) {
        if (isMissing(sh[m])) continue;
        shareSum[m] += sh[m];
        shareCount[m]++;
      }
    }
    Object.assign(out, { shareSum, shareCount, shares });
  }
  return out;
}

/**
 * Share of rows (every other column present) where column c is the mean of the family's other
 * columns, within rounding. A column written in whole numbers must match exactly: a tolerance of
 * +-0.5 on each side would take a real integer benchmark for an average by rounding alone.
 */
function meanMatch(t: ScoreTable, c: number, f: FamilySums, decimalsOf: number[]): number {
  const g = tableGrid(t);
  const n = f.columns.length - 1;
  const dc = decimalsOf[c];
  const dOther = dc === f.decimals[0] ? f.decimals[1] : f.decimals[0];
  const tol = dc === 0 ? 1e-9 : 0.5 * 10 ** -dc + 0.5 * 10 ** -dOther + 1e-9;
  let rows = 0;
  let hits = 0;
  for (let m = 0; m < t.models.length; m++) {
    const v = at(g, m, c);
    if (isMissing(v) || f.missing[m] > 0) continue;
    rows++;
    if (Math.abs(v - (f.sum[m] - v) / n) <= tol) hits++;
  }
  return rows >= 3 ? hits / rows : 0;
}

/** Each model's share of the others it beats on column o (ties 1/2), NaN when it has no score. */
function beatenShare(t: ScoreTable, o: number): Float64Array {
  const g = tableGrid(t);
  const M = t.models.length;
  const out = new Float64Array(M).fill(MISSING);
  const present = [...Array(M).keys()].filter((m) => !isMissing(at(g, m, o)));
  const sorted = present.map((m) => at(g, m, o)).sort((a, b) => a - b);
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
    const x = at(g, m, o);
    const below = lowerBound(x);
    let eq = 0;
    for (let k = below; k < n && sorted[k] === x; k++) eq++;
    out[m] = (below + 0.5 * (eq - 1)) / (n - 1);
  }
  return out;
}

function mwrMatch(t: ScoreTable, c: number, f: FamilySums): number {
  const g = tableGrid(t);
  const own = f.shares?.get(c);
  if (!own || !f.shareSum || !f.shareCount) return 0;
  let rows = 0;
  let hits = 0;
  for (let m = 0; m < t.models.length; m++) {
    const v = at(g, m, c);
    if (isMissing(v)) continue;
    const mine = isMissing(own[m]) ? 0 : own[m];
    const k = f.shareCount[m] - (isMissing(own[m]) ? 0 : 1);
    if (k === 0) continue;
    rows++;
    if (Math.abs(v - (f.shareSum[m] - mine) / k) <= 0.01) hits++;
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
        { code: "invalid-option", file: t.source, option: "aggregates" },
      );
    }
    return option.map((name) => ({ name, reason: "named by --aggregates" }));
  }
  const found = new Map<number, string>();
  names.forEach((n, b) => {
    const why = byName(n);
    if (why) found.set(b, why);
  });
  const fam = names.map((_, b) => family(columnValues(t, b)));
  const decimalsOf = names.map((_, b) => columnDecimals(t, b));
  // Each pass checks every column against the others of its family; a find changes the families' sums, so pass again.
  for (let changed = true; changed; ) {
    changed = false;
    const sums = new Map<Family, FamilySums>();
    for (const f of ["fraction", "percent", "other"] as const) {
      const columns = names.map((_, o) => o).filter((o) => !found.has(o) && fam[o] === f);
      if (columns.length >= 3) sums.set(f, familySums(t, columns, f === "fraction", decimalsOf));
    }
    for (let c = 0; c < names.length && !changed; c++) {
      const f = sums.get(fam[c]);
      if (found.has(c) || !f) continue;
      const others = f.columns.length - 1;
      if (meanMatch(t, c, f, decimalsOf) >= 0.9) {
        found.set(c, `the row mean of the other ${others} columns on its scale, within rounding`);
        changed = true;
      } else if (fam[c] === "fraction" && mwrMatch(t, c, f) >= 0.9) {
        found.set(c, `each model's mean win rate over the other ${others} columns, within 0.01`);
        changed = true;
      }
    }
  }
  // Last, after the rules on values: a leaderboard's summary column told apart by its name among the rest.
  if (t.adapter === "leaderboard") {
    const odd = leadingSummaryColumn(
      t,
      names.map((_, b) => b).filter((b) => !found.has(b)),
    );
    if (odd) found.set(odd[0], odd[1]);
  }
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([b, reason]) => ({ name: names[b], reason }));
}
