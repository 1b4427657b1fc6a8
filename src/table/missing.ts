/**
 * --missing: what a gap (a model without a score on a benchmark the plan uses) does.
 * - error (default): stop, listing every gap with its place.
 * - drop-model: leave out every model with a gap.
 * - drop-benchmark: leave out every benchmark with a gap (a round left with none is dropped).
 * - lose: a model without a score for a round (missing any of its benchmarks) loses that round's
 *   match; two such models toss a coin (the round score is LOSING_SCORE, engine/types.ts).
 * - available-mean: the round score averages the round's benchmarks the model has; a model with
 *   none of them loses the match, as with lose.
 * Pure: returns the table and plan to rank and a report of exactly what was done.
 */
import { at, isMissing } from "../grid/grid.js";
import { InputError } from "./errors.js";
import { listGaps, requireRankable } from "./select.js";
import { allIndices, subsetTable } from "./subset.js";
import { type ScoreTable, tableGrid } from "./types.js";

export type MissingPolicy = "error" | "drop-model" | "drop-benchmark" | "lose" | "available-mean";
export const MISSING_POLICIES = [
  "error",
  "drop-model",
  "drop-benchmark",
  "lose",
  "available-mean",
] as const satisfies readonly MissingPolicy[];

/** The part of a round plan this needs (plan/plan.ts's RoundPlan fits). */
export interface PlanLike {
  source: string;
  rounds: { name: string; benchmarks: string[] }[];
  rationale?: string;
}

export interface MissingReport {
  policy: MissingPolicy;
  /** Missing cells among the benchmarks used, before the policy. */
  gaps: number;
  droppedModels?: string[];
  droppedBenchmarks?: string[];
  droppedRounds?: string[];
  /** (model, round) pairs without a round score: matches lost (lose, available-mean). */
  lostRounds?: number;
  /** (model, round) pairs averaged over fewer benchmarks than the round has (available-mean). */
  partialRounds?: number;
}

export interface MissingOutcome<P extends PlanLike> {
  table: ScoreTable;
  plan: P;
  /** How buildRoundScores must treat the gaps left in the table. */
  roundMissing?: "lose" | "available-mean";
  report: MissingReport;
  notes: string[];
}

function isGap(t: ScoreTable, m: number, b: number): boolean {
  return isMissing(at(tableGrid(t), m, b));
}

function listed(items: readonly string[], limit = 20): string {
  return items.length > limit ? `${items.slice(0, limit).join("; ")}; ... and ${items.length - limit} more` : items.join("; ");
}

function requireField(t: ScoreTable, policy: string): void {
  const n = t.models.length;
  const where = { file: t.source, option: "missing" };
  if (n < 2)
    throw new InputError(`${t.source}: --missing ${policy} leaves ${n} model${n === 1 ? "" : "s"}; ranking needs at least 2`, where);
  if (t.benchmarks.length === 0) throw new InputError(`${t.source}: --missing ${policy} leaves no benchmark`, where);
}

export function applyMissingPolicy<P extends PlanLike>(table: ScoreTable, plan: P, policy: MissingPolicy = "error"): MissingOutcome<P> {
  const M = table.models.length;
  const B = table.benchmarks.length;
  const gaps = listGaps(table).length;
  const report: MissingReport = { policy, gaps };
  if (policy === "error" || gaps === 0) {
    requireRankable(table);
    const notes = policy === "error" ? [] : [`--missing ${policy}: no missing score among the benchmarks used; nothing to do`];
    return { table, plan, report, notes };
  }
  const benchIndex = new Map(table.benchmarks.map((b, i) => [b.name, i]));
  if (policy === "drop-model") {
    const keep: number[] = [];
    const dropped: string[] = [];
    for (let m = 0; m < M; m++) {
      const missing = table.benchmarks.filter((_, b) => isGap(table, m, b)).map((b) => b.name);
      if (missing.length === 0) keep.push(m);
      else dropped.push(`${table.models[m]} (no ${missing.join(", ")})`);
    }
    const out = subsetTable(table, keep, allIndices(B));
    requireField(out, policy);
    report.droppedModels = table.models.filter((_, m) => !keep.includes(m));
    return {
      table: out,
      plan,
      report,
      notes: [`--missing drop-model: ${gaps} missing scores; left out ${dropped.length} of ${M} models: ${listed(dropped)}`],
    };
  }
  if (policy === "drop-benchmark") {
    const keep: number[] = [];
    const dropped: string[] = [];
    for (let b = 0; b < B; b++) {
      const missing = table.models.filter((_, m) => isGap(table, m, b));
      if (missing.length === 0) keep.push(b);
      else dropped.push(`${table.benchmarks[b].name} (${missing.length} model${missing.length === 1 ? "" : "s"} without it)`);
    }
    const kept = new Set(keep.map((b) => table.benchmarks[b].name));
    const rounds = plan.rounds.map((r) => ({ ...r, benchmarks: r.benchmarks.filter((n) => kept.has(n)) }));
    const droppedRounds = rounds.filter((r) => r.benchmarks.length === 0).map((r) => r.name);
    const out = subsetTable(table, allIndices(M), keep);
    requireField(out, policy);
    report.droppedBenchmarks = table.benchmarks.filter((_, b) => !keep.includes(b)).map((b) => b.name);
    if (droppedRounds.length > 0) report.droppedRounds = droppedRounds;
    const notes = [`--missing drop-benchmark: ${gaps} missing scores; left out ${dropped.length} of ${B} benchmarks: ${listed(dropped)}`];
    if (droppedRounds.length > 0) notes.push(`rounds left without a benchmark and dropped: ${droppedRounds.join(", ")}`);
    return { table: out, plan: { ...plan, rounds: rounds.filter((r) => r.benchmarks.length > 0) }, report, notes };
  }
  // lose / available-mean: the table keeps its gaps; buildRoundScores reads them.
  const lost: string[] = [];
  const partial: string[] = [];
  for (let m = 0; m < M; m++) {
    for (const r of plan.rounds) {
      const idx = r.benchmarks.map((n) => benchIndex.get(n) as number);
      const missing = idx.filter((b) => isGap(table, m, b));
      if (missing.length === 0) continue;
      const what = `${table.models[m]} in round ${r.name}`;
      if (policy === "lose" || missing.length === idx.length) lost.push(what);
      else
        partial.push(
          `${what} (mean of ${idx.length - missing.length} of ${idx.length}: without ${missing.map((b) => table.benchmarks[b].name).join(", ")})`,
        );
    }
  }
  report.lostRounds = lost.length;
  const notes = [`--missing ${policy}: ${gaps} missing scores`];
  if (lost.length > 0)
    notes.push(
      `${lost.length} (model, round) pairs without a round score: the model loses that round's match (two such models toss a coin): ${listed(lost)}`,
    );
  if (policy === "available-mean") {
    report.partialRounds = partial.length;
    if (partial.length > 0) notes.push(`${partial.length} round scores averaged over the benchmarks the model has: ${listed(partial)}`);
  }
  const empty = table.models.filter((_, m) => table.benchmarks.every((_, b) => isGap(table, m, b)));
  if (empty.length > 0) notes.push(`models without any score on the benchmarks used (they lose every match): ${listed(empty)}`);
  requireField(table, policy);
  return { table, plan, roundMissing: policy, report, notes };
}
