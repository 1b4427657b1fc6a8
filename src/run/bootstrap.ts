/**
 * How sure is the ranking? B resampled score tables (items, or parametric from standard errors),
 * each re-ranked by CSD with a per-resample N; percentile intervals for E[S_m] and rank, the
 * probability that each model finishes above each other, tie groups and separable neighbours.
 * Every resample replays the same contest seeds, so the spread measures the data, not Monte Carlo.
 */
import { expectedScores } from "../engine/montecarlo.js";
import type { ContestRules } from "../engine/types.js";
import type { RoundPlan } from "../plan/plan.js";
import type { RoundMissing } from "../plan/round-scores.js";
import { competitionRanks, percentileInterval } from "../stats/stats.js";
import type { ScoreTable } from "../table/types.js";
import { contestRoundScores } from "./prepare.js";
import { type Resampler, type ResampleSpec, resamplerFor } from "./resample.js";

export interface BootstrapSettings {
  resamples: number;
  /** Contests per resample and setting. */
  runsPerResample: number;
  seed: number;
  csd: { label: string; rules: ContestRules }[];
  missing?: RoundMissing;
  /** Largest field for which the full pairwise matrix is returned. */
  pairwiseLimit?: number;
}

export interface ModelInterval {
  model: string;
  expectedScore: number;
  low: number;
  high: number;
  rankLow: number;
  rankHigh: number;
  /** 1 + number of models whose interval lies wholly above this one's (inseparable models share it). */
  groupRank: number;
}

export interface SettingUncertainty {
  T: string;
  models: ModelInterval[];
  /** P(row model finishes above column model), input order; present when M <= pairwiseLimit. */
  pAbove?: number[][];
  /** Adjacent pairs in the point ranking, with P(upper above lower). */
  adjacent: { upper: string; lower: string; pAbove: number; separable: boolean }[];
  separableShare: number;
}

export interface BootstrapResult {
  method: "items" | "parametric";
  /** 95% percentile interval of each model's Delta E (harshest minus mildest setting), for the labels. */
  deltaE?: { baseline: string; harshest: string; models: { model: string; low: number; high: number }[] };
  definition: string;
  resamples: number;
  runsPerResample: number;
  settings: SettingUncertainty[];
  notes: string[];
}

/** N per resample so that the total stays near the main run's N (never below 1,000). */
export function runsPerResample(runs: number, resamples: number): number {
  return Math.max(1000, Math.ceil(runs / resamples));
}

/** CSD expected scores of replicate r: [setting][model]. Each replicate depends on r alone (its own resample, the same contest seeds). */
export function bootstrapDraw(table: ScoreTable, plan: RoundPlan, resample: Resampler, s: BootstrapSettings, r: number): Float64Array[] {
  const rs = contestRoundScores({ ...table, scores: resample(r) }, plan, s.missing, s.csd[0]?.rules.outcomes);
  return expectedScores(
    rs,
    s.csd.map((c) => c.rules),
    s.runsPerResample,
    s.seed,
  );
}

/** Computes every replicate's draws, in replicate order (here, or shared among worker threads). */
export type BootstrapBatch = (table: ScoreTable, plan: RoundPlan, spec: ResampleSpec, s: BootstrapSettings) => Promise<Float64Array[][]>;

/** The default batch: one replicate after another in this thread. */
export const bootstrapHere: BootstrapBatch = async (table, plan, spec, s) => {
  const resample = resamplerFor(table, spec);
  return Array.from({ length: s.resamples }, (_, r) => bootstrapDraw(table, plan, resample, s, r));
};

/** Plays the replicates whose indices `next` hands out (-1 or past the end: none left); for worker threads. */
export function pullBootstrap(
  table: ScoreTable,
  plan: RoundPlan,
  spec: ResampleSpec,
  s: BootstrapSettings,
  next: () => number,
): [number, Float64Array[]][] {
  const resample = resamplerFor(table, spec);
  const out: [number, Float64Array[]][] = [];
  for (let r = next(); r >= 0 && r < s.resamples; r = next()) out.push([r, bootstrapDraw(table, plan, resample, s, r)]);
  return out;
}

/** The bootstrap in this thread, replicate after replicate. */
export function bootstrapRanking(
  table: ScoreTable,
  plan: RoundPlan,
  pointScores: number[][],
  resample: Resampler,
  method: "items" | "parametric",
  s: BootstrapSettings,
): BootstrapResult {
  const replicates = Array.from({ length: s.resamples }, (_, r) => bootstrapDraw(table, plan, resample, s, r));
  return summariseBootstrap(table.models, pointScores, replicates, method, s);
}

/**
 * Intervals, P(above) and tie groups from the replicates' expected scores (replicates[r][setting][model]),
 * however they were computed (here, or on worker threads).
 */
/** Per model, the 95% percentile interval of E[S | setting hi] - E[S | setting lo] over the replicates (the same resample at both). */
export function deltaIntervals(
  names: readonly string[],
  replicates: readonly Float64Array[][],
  lo: number,
  hi: number,
): { model: string; low: number; high: number }[] {
  return names.map((model, m) => {
    const [low, high] = percentileInterval(Array.from(replicates, (rep) => rep[hi][m] - rep[lo][m]));
    return { model, low, high };
  });
}

export function summariseBootstrap(
  names: readonly string[],
  pointScores: number[][],
  replicates: readonly Float64Array[][],
  method: "items" | "parametric",
  s: BootstrapSettings,
): BootstrapResult {
  const M = names.length;
  // draws[setting][model][replicate]
  const draws = s.csd.map((_, si) => names.map((__, m) => Float64Array.from(replicates, (rep) => rep[si][m])));
  const limit = s.pairwiseLimit ?? 300;
  const settings = s.csd.map((c, si): SettingUncertainty => {
    const d = draws[si];
    const ranksPerDraw = Array.from({ length: s.resamples }, (_, r) => competitionRanks(d.map((x) => x[r])));
    const intervals = d.map((x) => percentileInterval(x));
    const models = names.map((model, m): ModelInterval => {
      const [low, high] = intervals[m];
      const [rankQ025, rankQ975] = percentileInterval(ranksPerDraw.map((rk) => rk[m]));
      const [rankLow, rankHigh] = [Math.floor(rankQ025), Math.ceil(rankQ975)];
      const groupRank = 1 + intervals.filter(([lo]) => lo > high).length;
      return { model, expectedScore: pointScores[si][m], low, high, rankLow, rankHigh, groupRank };
    });
    const above = (a: number, b: number) => {
      let n = 0;
      for (let r = 0; r < s.resamples; r++) n += d[a][r] > d[b][r] ? 1 : d[a][r] === d[b][r] ? 0.5 : 0;
      return n / s.resamples;
    };
    const order = names.map((_, m) => m).sort((a, b) => pointScores[si][b] - pointScores[si][a]);
    const adjacent = order.slice(0, -1).map((a, i) => {
      const b = order[i + 1];
      const p = above(a, b);
      return { upper: names[a], lower: names[b], pAbove: p, separable: p >= 0.95 };
    });
    return {
      T: c.label,
      models,
      ...(M <= limit ? { pAbove: names.map((_, a) => names.map((__, b) => (a === b ? 0.5 : above(a, b)))) } : {}),
      adjacent,
      separableShare: adjacent.length > 0 ? adjacent.filter((x) => x.separable).length / adjacent.length : Number.NaN,
    };
  });
  const notes: string[] = [];
  if (M > limit) notes.push(`the full P(A above B) matrix is left out for more than ${limit} models; adjacent pairs are listed`);
  return {
    method,
    definition:
      (method === "items"
        ? "paired bootstrap over items within each benchmark (every model re-scored on the same resampled items)"
        : "parametric bootstrap: each score redrawn from a normal distribution with its standard error (an approximation)") +
      `; ${s.resamples} resamples, each re-ranked by CSD with N = ${s.runsPerResample} and the same contest seeds; ` +
      "95% percentile intervals; group rank = 1 + models whose interval lies wholly above; a neighbour pair is separable when P(upper above lower) >= 0.95.",
    resamples: s.resamples,
    runsPerResample: s.runsPerResample,
    settings,
    notes,
  };
}
