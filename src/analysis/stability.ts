/**
 * The stability study: CSD over random orders of the rounds (and any orders the user gives), and
 * every method with each benchmark left out. Per-round T schedules stay positional: T_k applies
 * to whichever round is played k-th.
 */
import { chunkRng } from "../engine/rng.js";
import type { RoundPlan } from "../plan/plan.js";
import { competitionRanks } from "../stats/stats.js";
import { InputError } from "../table/errors.js";
import { apiOption } from "../table/option-names.js";
import { selectBenchmarks } from "../table/select.js";
import type { ScoreTable } from "../table/types.js";
import { type MethodScores, type RerankBatch, type RerankJob, type RerunSettings, rerankHere, studyMethodNames } from "./rerun.js";

export interface ModelSpread {
  model: string;
  /** E[S] and rank under the plan's own order. */
  planE: number;
  planRank: number;
  meanE: number;
  sdE: number;
  minE: number;
  maxE: number;
  rankMin: number;
  rankMax: number;
  /** Share of the studied orders with a lower E[S] than the plan's order (0.5 = the plan is typical). */
  planPercentile: number;
}

export interface OrderSpread {
  T: string;
  models: ModelSpread[];
}

export interface LeaveOneOutMethod {
  id: string;
  name: string;
  /** Per model: the largest |rank change| over the left-out benchmarks, and the mean. */
  maxAbsShift: number[];
  meanAbsShift: number[];
  /** Mean over models of meanAbsShift. */
  overall: number;
}

export interface StabilityResult {
  definition: string;
  models: string[];
  orders: { label: string; rounds: string[] }[];
  spread: OrderSpread[];
  leaveOneOut: { benchmarks: string[]; methods: LeaveOneOutMethod[] } | null;
  notes: string[];
}

const ORDER_STREAM = 22;

function permutedPlan(plan: RoundPlan, perm: number[]): RoundPlan {
  return { ...plan, rounds: perm.map((i) => plan.rounds[i]) };
}

function randomPermutation(n: number, seed: number, r: number): number[] {
  const rng = chunkRng(seed, r, ORDER_STREAM);
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/** Resolves a user's order (round names) to a permutation of the plan's rounds. */
export function orderFromNames(plan: RoundPlan, names: readonly string[], option = "--order"): number[] {
  const idx = names.map((n) => plan.rounds.findIndex((r) => r.name === n));
  const unknown = names.filter((_, i) => idx[i] < 0);
  const where = { code: "invalid-option", option: apiOption(option) };
  if (unknown.length > 0) {
    throw new InputError(
      `${option}: unknown round${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")} (rounds: ${plan.rounds.map((r) => r.name).join(", ")})`,
      where,
    );
  }
  if (new Set(idx).size !== plan.rounds.length || idx.length !== plan.rounds.length) {
    throw new InputError(
      `${option}: give every round exactly once (${plan.rounds.length} rounds: ${plan.rounds.map((r) => r.name).join(", ")})`,
      where,
    );
  }
  return idx;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Leaves benchmark b out of the table and the plan (a round left empty is dropped with its T). */
function withoutBenchmark(table: ScoreTable, plan: RoundPlan, s: RerunSettings, bench: string): [ScoreTable, RoundPlan, RerunSettings] {
  const t = selectBenchmarks(table, undefined, [bench], "left out by the stability study");
  const keep = plan.rounds.map((r) => r.benchmarks.some((b) => b !== bench));
  const rounds = plan.rounds.filter((_, k) => keep[k]).map((r) => ({ ...r, benchmarks: r.benchmarks.filter((b) => b !== bench) }));
  const csd = s.csd.map((c) => ({ ...c, rules: { ...c.rules, schedule: c.rules.schedule.filter((_, k) => keep[k]) } }));
  return [t, { ...plan, rounds }, { ...s, csd }];
}

export interface StabilityOptions {
  randomOrders: number;
  givenOrders?: string[][];
  leaveOneOut: boolean;
}

/** `batch` runs the re-rankings (default: here, one by one; rerankOnThreads shares them among threads). */
export async function stabilityStudy(
  table: ScoreTable,
  plan: RoundPlan,
  s: RerunSettings,
  options: StabilityOptions,
  batch: RerankBatch = rerankHere,
): Promise<StabilityResult> {
  const K = plan.rounds.length;
  const perms: { label: string; perm: number[] }[] = [
    ...(options.givenOrders ?? []).map((names, i) => ({ label: `given ${i + 1}`, perm: orderFromNames(plan, names) })),
    ...Array.from({ length: options.randomOrders }, (_, r) => ({ label: `random ${r + 1}`, perm: randomPermutation(K, s.seed, r) })),
  ];
  const benches = table.benchmarks.map((b) => b.name);
  const looWanted = options.leaveOneOut && benches.length >= 2;
  // One batch: the plan's order and every other order (CSD only), then, for leave-one-out, every
  // method on the whole table and on the table without each benchmark.
  const jobs: RerankJob[] = [
    { table, plan, only: "csd" },
    ...perms.map((p): RerankJob => ({ table, plan: permutedPlan(plan, p.perm), only: "csd" })),
    ...(looWanted
      ? [
          { table, plan },
          ...benches.map((b) => withoutBenchmark(table, plan, s, b)).map(([t, p, ws]) => ({ table: t, plan: p, csd: ws.csd })),
        ]
      : []),
  ];
  const results = await batch(jobs, s);
  const csdScores = (r: MethodScores[]) => r.map((x) => x.scores);
  const planScores = csdScores(results[0]);
  const perOrder = results.slice(1, 1 + perms.length).map(csdScores);
  const spread = s.csd.map((c, si): OrderSpread => {
    const planRanks = competitionRanks(planScores[si]);
    const ranksPerOrder = perOrder.map((o) => competitionRanks(o[si]));
    return {
      T: c.label,
      models: table.models.map((model, m): ModelSpread => {
        const es = perOrder.map((o) => o[si][m]);
        const all = es.length > 0 ? es : [planScores[si][m]];
        const mu = mean(all);
        const ranks = ranksPerOrder.map((r) => r[m]);
        return {
          model,
          planE: planScores[si][m],
          planRank: planRanks[m],
          meanE: mu,
          sdE: Math.sqrt(mean(all.map((x) => (x - mu) ** 2))),
          minE: Math.min(...all),
          maxE: Math.max(...all),
          rankMin: Math.min(planRanks[m], ...ranks),
          rankMax: Math.max(planRanks[m], ...ranks),
          planPercentile: es.length > 0 ? es.filter((x) => x < planScores[si][m]).length / es.length : Number.NaN,
        };
      }),
    };
  });
  let leaveOneOut: StabilityResult["leaveOneOut"] = null;
  const notes: string[] = [];
  if (options.leaveOneOut) {
    if (!looWanted) notes.push("leave-one-out skipped: only one benchmark");
    else {
      const [base, ...loo] = results.slice(1 + perms.length);
      leaveOneOut = {
        benchmarks: benches,
        methods: studyMethodNames(s).map((method, i) => {
          const shifts = table.models.map((_, m) => loo.map((run) => Math.abs(run[i].ranks[m] - base[i].ranks[m])));
          const meanAbs = shifts.map(mean);
          return { ...method, maxAbsShift: shifts.map((x) => Math.max(...x)), meanAbsShift: meanAbs, overall: mean(meanAbs) };
        }),
      };
    }
  }
  return {
    definition:
      `CSD (N = ${s.runs}, seed ${s.seed}, the same seed for every order) replayed over ${perms.length} order(s) of the ${K} rounds; ` +
      "planPercentile = share of those orders giving the model a lower E[S] than the plan's order. " +
      "Leave-one-out: every method re-ranks with each benchmark removed; shifts are |rank change|.",
    models: [...table.models],
    orders: perms.map((p) => ({ label: p.label, rounds: p.perm.map((i) => plan.rounds[i].name) })),
    spread,
    leaveOneOut,
    notes,
  };
}
