/**
 * --duplicates: what to do when a model name appears more than once (wide files) or a model has
 * two scores for one benchmark (long files). Every policy reports what it did.
 */
import { isMissing, MISSING } from "../grid/grid.js";
import { InputError, lineOf, listProblems, problemsError } from "./errors.js";
import { EXTRA_NAMES, type RawRow, type RawTable } from "./raw.js";

export type DuplicatePolicy = "error" | "first" | "best" | "mean" | "suffix";
export const DUPLICATE_POLICIES = ["error", "first", "best", "mean", "suffix"] as const satisfies readonly DuplicatePolicy[];

export interface DuplicateGroup {
  model: string;
  /** Where each occurrence is, in file order. */
  rows: string[];
  /** What the policy did with them, in words. */
  action: string;
}

export interface DuplicateReport {
  policy: DuplicatePolicy;
  groups: DuplicateGroup[];
}

export interface ResolvedRows {
  rows: RawRow[];
  report?: DuplicateReport;
  notes: string[];
}

function groupByModel(rows: readonly RawRow[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => groups.set(r.model, [...(groups.get(r.model) ?? []), i]));
  return groups;
}

/** Direction-aware per-benchmark standardisation, so "best" is not decided by the widest scale. */
function standardisedMeans(rows: readonly RawRow[], lower: ReadonlySet<number>): number[] {
  const B = rows[0]?.values.length ?? 0;
  const mean = new Float64Array(B);
  const sd = new Float64Array(B);
  for (let b = 0; b < B; b++) {
    const v = rows.map((r) => r.values[b]).filter((x) => !isMissing(x));
    const m = v.reduce((a, x) => a + x, 0) / Math.max(1, v.length);
    mean[b] = m;
    sd[b] = Math.sqrt(v.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, v.length - 1)) || 1;
  }
  return rows.map((r) => {
    let s = 0;
    let n = 0;
    for (let b = 0; b < B; b++) {
      const x = r.values[b];
      if (isMissing(x)) continue;
      s += ((lower.has(b) ? -1 : 1) * (x - mean[b])) / sd[b];
      n++;
    }
    return n === 0 ? Number.NEGATIVE_INFINITY : s / n;
  });
}

function meanRow(rows: readonly RawRow[]): RawRow {
  const B = rows[0].values.length;
  const values = new Float64Array(B);
  const counts: number[] = [];
  for (let b = 0; b < B; b++) {
    const v = rows.map((r) => r.values[b]).filter((x) => !isMissing(x));
    values[b] = v.length === 0 ? MISSING : v.reduce((a, x) => a + x, 0) / v.length;
    counts.push(v.length);
  }
  // Standard errors and item counts of a mean of rows are not known: left out (NaN).
  return { model: rows[0].model, where: rows.map((r) => r.where).join(" + "), values };
}

/** Per cell: the first score, the best (direction-aware) or the mean, over the rows that have one. */
function combineCells(rows: readonly RawRow[], policy: "first" | "best" | "mean", lower: ReadonlySet<number>): RawRow {
  if (policy === "mean") return meanRow(rows);
  const B = rows[0].values.length;
  const out: RawRow = {
    model: rows[0].model,
    where: rows[0].where,
    values: new Float64Array(B).fill(MISSING),
    cellWhere: new Array(B).fill(""),
  };
  const extras: RawRow["extras"] = {};
  for (const name of EXTRA_NAMES) if (rows.some((r) => r.extras?.[name])) extras[name] = new Float64Array(B).fill(MISSING);
  for (let b = 0; b < B; b++) {
    let pick = -1;
    rows.forEach((r, i) => {
      const x = r.values[b];
      if (isMissing(x)) return;
      if (pick < 0) pick = i;
      else if (policy === "best") {
        const better = lower.has(b) ? x < rows[pick].values[b] : x > rows[pick].values[b];
        if (better) pick = i;
      }
    });
    if (pick < 0) continue;
    out.values[b] = rows[pick].values[b];
    if (out.cellWhere) out.cellWhere[b] = rows[pick].cellWhere?.[b] ?? rows[pick].where;
    for (const name of EXTRA_NAMES) {
      const e = extras[name];
      if (e) e[b] = rows[pick].extras?.[name]?.[b] ?? MISSING;
    }
  }
  if (Object.keys(extras).length > 0) out.extras = extras;
  return out;
}

function cellDuplicates(raw: RawTable, rows: readonly RawRow[]): string[] {
  const out: string[] = [];
  raw.benchmarks.forEach((bench, b) => {
    const at = rows.filter((r) => !isMissing(r.values[b])).map((r) => r.cellWhere?.[b] || r.where);
    for (let k = 1; k < at.length; k++) out.push(`${at[k]}: a second score for model "${rows[0].model}" on "${bench}" (first at ${at[0]})`);
  });
  return out;
}

function suffixNames(rows: readonly RawRow[]): string[] {
  const variants = rows.map((r) => r.variant ?? "");
  const distinct = variants.every((v) => v !== "") && new Set(variants).size === variants.length;
  return rows.map((r, k) => (distinct ? `${r.model} (${r.variant})` : `${r.model} #${k + 1}`));
}

/** Resolves duplicates by the policy; "error" lists every duplicate with its rows. */
export function resolveDuplicates(raw: RawTable, policy: DuplicatePolicy, lowerIsBetter: readonly string[] = []): ResolvedRows {
  const groups = groupByModel(raw.rows);
  const dups = [...groups.entries()].filter(([, at]) => at.length > 1);
  if (dups.length === 0) return { rows: raw.rows, notes: [] };
  const lower = new Set(lowerIsBetter.map((n) => raw.benchmarks.indexOf(n)).filter((i) => i >= 0));
  const cellUnit = raw.duplicateUnit === "cell";
  if (policy === "error") {
    const problems = cellUnit
      ? dups.flatMap(([, at]) =>
          cellDuplicates(
            raw,
            at.map((i) => raw.rows[i]),
          ),
        )
      : dups.map(([name, at]) => `"${name}" at ${at.map((i) => raw.rows[i].where).join(", ")}`);
    const head = cellUnit
      ? `${raw.source}: invalid rows (a model with two scores for one benchmark; choose one with --duplicates first|best|mean):`
      : `${raw.source}: duplicate model names (each must appear once; or pass --duplicates first|best|mean|suffix), ${dups.length} name${dups.length === 1 ? "" : "s"}:`;
    // Located at the first repeat (the row to fix), as the cell duplicates' own lines say.
    if (cellUnit) throw problemsError(head, problems, { file: raw.source });
    throw new InputError(listProblems(head, problems), { file: raw.source, row: lineOf(raw.rows[dups[0][1][1]].where) });
  }
  if (policy === "suffix" && cellUnit) {
    throw new InputError(
      `--duplicates suffix: ${raw.source} has one row per score (a long table), so there is no row to rename; ` +
        "use --duplicates first|best|mean to combine the repeated scores",
      { file: raw.source, option: "duplicates" },
    );
  }
  const out: RawRow[] = [];
  const report: DuplicateReport = { policy, groups: [] };
  const done = new Set<string>();
  raw.rows.forEach((row) => {
    const at = groups.get(row.model) as number[];
    if (at.length === 1) return out.push(row);
    if (done.has(row.model)) return;
    done.add(row.model);
    const members = at.map((i) => raw.rows[i]);
    const wheres = members.map((r) => r.where);
    let action: string;
    if (policy === "suffix") {
      const names = suffixNames(members);
      members.forEach((r, k) => out.push({ ...r, model: names[k] }));
      action = `renamed ${names.map((n) => `"${n}"`).join(", ")}`;
    } else if (cellUnit) {
      out.push(combineCells(members, policy, lower));
      action =
        policy === "first"
          ? "kept the first score of each benchmark"
          : policy === "best"
            ? "kept the best score of each benchmark"
            : "averaged the scores of each benchmark";
    } else if (policy === "first") {
      out.push(members[0]);
      action = `kept ${members[0].where}`;
    } else if (policy === "best") {
      const z = standardisedMeans(raw.rows, lower);
      const best = at.reduce((a, i) => (z[i] > z[a] ? i : a), at[0]);
      out.push(raw.rows[best]);
      action = `kept ${raw.rows[best].where} (highest mean standardised score)`;
    } else {
      out.push(meanRow(members));
      action = "averaged the rows (cell by cell, over the rows that have the score)";
    }
    report.groups.push({ model: row.model, rows: wheres, action });
  });
  const shown = report.groups.slice(0, 20).map((g) => `"${g.model}" (${g.rows.join(", ")}): ${g.action}`);
  const more = report.groups.length > 20 ? `; ... and ${report.groups.length - 20} more` : "";
  const what = cellUnit ? "models with repeated scores" : "duplicate model names";
  const notes = [`--duplicates ${policy}: ${report.groups.length} ${what}: ${shown.join("; ")}${more}`];
  return { rows: out, report, notes };
}
