/** CSD beside the rankings people know: every method on the same table, agreement, tiers, tail risk. */

import type { RoundScores } from "../engine/types.js";
import type { RoundPlan } from "../plan/plan.js";
import { battlesFromMatrix } from "../rank/battles.js";
import { copelandScores } from "../rank/copeland.js";
import { type RankingOptions, rankingMethods } from "../rank/index.js";
import { type Normalisation, normalisationDefinitions, type ScoreMatrix } from "../rank/matrix.js";
import type { RankResult } from "../run/result.js";
import type { ScoreTable } from "../table/types.js";
import { kendallDefinition, type PairAgreement, pairwiseAgreement, spearmanDefinition, topKDefinition } from "./agreement.js";
import { benchmarkMatrix, roundMatrix } from "./matrices.js";
import { cvarDefinition, tailRisk } from "./tail-risk.js";
import { intervalTiers, intervalTiersDefinition, kmeansTiers, kmeansTiersDefinition } from "./tiers.js";

export type CompareOver = "benchmarks" | "rounds";

export interface CompareOptions {
  /** Method ids to run (default all); CSD at every T is always included. */
  methods?: string[];
  over?: CompareOver;
  normalisation?: Normalisation;
  seed?: number;
  resamples?: number;
  tiers?: number;
  cvarAlpha?: number;
  topK?: number;
}

export interface MethodRanking {
  id: string;
  name: string;
  definition: string;
  scoreName: string;
  scores: number[];
  ranks: number[];
  intervals?: [number, number][];
  notes: string[];
}

export interface TierResult {
  /** Which CSD setting the tiers are of. */
  T: string;
  k: number;
  tiers: number[];
  centers: number[];
  sizes: number[];
  /** Tiers from overlapping 95% intervals (E +/- 1.96 SE). */
  intervalTiers: number[];
}

export interface ComparisonResult {
  models: string[];
  over: CompareOver;
  columns: string[];
  /** The normalisation forced on every method, or null when each used its own default. */
  normalisation: { name: Normalisation; definition: string } | null;
  methods: MethodRanking[];
  agreement: PairAgreement[];
  agreementDefinitions: string[];
  tiers: TierResult[];
  tierDefinitions: string[];
  condorcetWinner: string | null;
  tailRisk: { alpha: number; definition: string; mean: number[]; cvar: number[]; deltaE?: number[] };
  notes: string[];
}

export const CSD_DEFINITION =
  "CSD: Expected Win Score E[S_m] over simulated Swiss-system contests (one round per plan round, pairing inside score buckets, T eliminated per round).";

export interface CompareInput {
  table: ScoreTable;
  plan: RoundPlan;
  roundScores: RoundScores;
  rank: RankResult;
}

/** The method matrix: benchmarks (oriented) or the plan's rounds. */
export function comparisonMatrix(input: Omit<CompareInput, "rank">, over: CompareOver): ScoreMatrix {
  return over === "rounds" ? roundMatrix(input.table.models, input.plan, input.roundScores) : benchmarkMatrix(input.table);
}

/** CSD's columns from a rank result, in input model order. */
export function csdRankings(rank: RankResult): MethodRanking[] {
  const names = rank.config.input.models;
  return rank.results.map((r) => {
    const byName = new Map(r.models.map((m) => [m.model, m]));
    const rows = names.map((n) => byName.get(n));
    return {
      id: `csd-T${r.T}`,
      name: `CSD E[S] T=${r.T}`,
      definition: CSD_DEFINITION,
      scoreName: "E[S_m]",
      scores: rows.map((m) => m?.expectedScore ?? Number.NaN),
      ranks: rows.map((m) => m?.rank ?? Number.NaN),
      intervals: rows.map((m): [number, number] => [
        (m?.expectedScore ?? Number.NaN) - 1.96 * (m?.standardError ?? 0),
        (m?.expectedScore ?? Number.NaN) + 1.96 * (m?.standardError ?? 0),
      ]),
      notes: [],
    };
  });
}

/** Runs the chosen static methods on a matrix. */
export function staticRankings(matrix: ScoreMatrix, options: CompareOptions = {}): MethodRanking[] {
  const chosen = options.methods ? rankingMethods.filter((m) => options.methods?.includes(m.id)) : rankingMethods;
  const runOptions: RankingOptions = {
    normalisation: options.normalisation,
    seed: options.seed,
    resamples: options.resamples,
  };
  return chosen.map((method) => {
    const r = method.run(matrix, runOptions);
    return {
      id: method.id,
      name: method.name,
      definition: method.definition,
      scoreName: method.scoreName,
      scores: r.scores,
      ranks: r.ranks,
      ...(r.intervals ? { intervals: r.intervals } : {}),
      notes: r.notes,
    };
  });
}

export function compareRankings(input: CompareInput, options: CompareOptions = {}): ComparisonResult {
  const over = options.over ?? "benchmarks";
  const matrix = comparisonMatrix(input, over);
  const csd = csdRankings(input.rank);
  const methods = [...staticRankings(matrix, options), ...csd];
  const k = options.tiers ?? 4;
  const tiers = csd.map((c, i): TierResult => {
    const t = kmeansTiers(c.scores, k);
    return {
      T: input.rank.results[i].T,
      k: t.k,
      tiers: t.tiers,
      centers: t.centers,
      sizes: t.sizes,
      intervalTiers: intervalTiers(c.scores, c.intervals ?? []),
    };
  });
  const alpha = options.cvarAlpha ?? 0.25;
  const risk = tailRisk(matrix, alpha, options.normalisation ?? "none");
  const sens = input.rank.sensitivity;
  const deltaByModel = new Map(sens?.models.map((m) => [m.model, m.deltaE]) ?? []);
  const cope = copelandScores(battlesFromMatrix(matrix));
  const notes = [...input.rank.notes];
  if (over === "benchmarks" && input.plan.rounds.some((r) => r.benchmarks.length > 1)) {
    notes.push(
      "static methods are computed over benchmarks; CSD plays the plan's rounds (use --over rounds to compare on the same columns)",
    );
  }
  return {
    models: [...matrix.models],
    over,
    columns: matrix.columns,
    normalisation: options.normalisation
      ? { name: options.normalisation, definition: normalisationDefinitions[options.normalisation] }
      : null,
    methods,
    agreement: pairwiseAgreement(
      methods.map((m) => ({ name: m.name, scores: m.scores })),
      options.topK ?? 10,
    ),
    agreementDefinitions: [kendallDefinition, spearmanDefinition, topKDefinition],
    tiers,
    tierDefinitions: [kmeansTiersDefinition, intervalTiersDefinition],
    condorcetWinner: cope.condorcetWinner === null ? null : matrix.models[cope.condorcetWinner],
    tailRisk: {
      alpha,
      definition: cvarDefinition,
      mean: risk.mean,
      cvar: risk.cvar,
      ...(sens ? { deltaE: matrix.models.map((m) => deltaByModel.get(m) ?? Number.NaN) } : {}),
    },
    notes,
  };
}
