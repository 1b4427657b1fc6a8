/** CSD beside the rankings people know: every method on the same table, agreement, tiers, tail risk. */

import type { RoundScores } from "../engine/types.js";
import type { RoundPlan } from "../plan/plan.js";
import { condorcetWinner } from "../rank/copeland.js";
import { type RankingMethod, type RankingOptions, type RankingResult, rankingMethods } from "../rank/index.js";
import { kemenyDistanceFromMatrix } from "../rank/kemeny-distance.js";
import { type Normalisation, normalisationDefinitions, type ScoreMatrix } from "../rank/matrix.js";
import { battleCount } from "../rank/pairs.js";
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
  /** Higher is better for every method (what agreement, tiers and ranks read). */
  scores: number[];
  /** The method's own figure, as output shows it: `scores`, or their negation when lower is better. */
  values: number[];
  /** The figure in `values` is lower-is-better (mean rank, optimality gap). */
  lowerIsBetter: boolean;
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
  /** Each method's Kemeny distance to the columns' orders, and that as a share of all pairwise battles. */
  kemeny: { definition: string; battles: number; distances: { id: string; name: string; distance: number; share: number }[] };
  tailRisk: { alpha: number; definition: string; mean: number[]; cvar: number[]; deltaE?: number[] };
  notes: string[];
}

export const KEMENY_DISTANCE_DEFINITION =
  "Kemeny distance of a ranking to the columns: over every column and every pair of models scored on it, 1 when the " +
  "ranking orders the pair against the column, 1/2 when exactly one of them ties it; share = distance / pairwise battles.";

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
      values: rows.map((m) => m?.expectedScore ?? Number.NaN),
      lowerIsBetter: false,
      ranks: rows.map((m) => m?.rank ?? Number.NaN),
      intervals: rows.map((m): [number, number] => [
        (m?.expectedScore ?? Number.NaN) - 1.96 * (m?.standardError ?? 0),
        (m?.expectedScore ?? Number.NaN) + 1.96 * (m?.standardError ?? 0),
      ]),
      notes: [],
    };
  });
}

/** The static methods the options choose, in registry order. */
function chosenMethods(options: CompareOptions): readonly RankingMethod[] {
  return options.methods ? rankingMethods.filter((m) => options.methods?.includes(m.id)) : rankingMethods;
}

function runOptionsOf(options: CompareOptions): RankingOptions {
  return { normalisation: options.normalisation, seed: options.seed, resamples: options.resamples };
}

function asMethodRanking(method: RankingMethod, r: RankingResult): MethodRanking {
  return {
    id: method.id,
    name: method.name,
    definition: method.definition,
    scoreName: method.scoreName,
    scores: r.scores,
    values: method.lowerIsBetter ? r.scores.map((x) => -x) : r.scores,
    lowerIsBetter: method.lowerIsBetter === true,
    ranks: r.ranks,
    ...(r.intervals ? { intervals: r.intervals } : {}),
    notes: r.notes,
  };
}

/** Runs the chosen static methods on a matrix. */
export function staticRankings(matrix: ScoreMatrix, options: CompareOptions = {}): MethodRanking[] {
  const runOptions = runOptionsOf(options);
  return chosenMethods(options).map((method) => asMethodRanking(method, method.run(matrix, runOptions)));
}

/** Runs methods (by registry id) on a matrix and returns their results in the order given: here, or on threads. */
export type MethodBatch = (matrix: ScoreMatrix, ids: string[], options: RankingOptions) => Promise<RankingResult[]>;

/** compareRankings with the static methods run by `batch` (e.g. shared among threads): the same result. */
export async function compareRankingsWith(input: CompareInput, options: CompareOptions, batch: MethodBatch): Promise<ComparisonResult> {
  const matrix = comparisonMatrix(input, options.over ?? "benchmarks");
  const chosen = chosenMethods(options);
  const results = await batch(
    matrix,
    chosen.map((m) => m.id),
    runOptionsOf(options),
  );
  return comparisonFrom(
    input,
    options,
    matrix,
    chosen.map((m, i) => asMethodRanking(m, results[i])),
  );
}

export function compareRankings(input: CompareInput, options: CompareOptions = {}): ComparisonResult {
  const matrix = comparisonMatrix(input, options.over ?? "benchmarks");
  return comparisonFrom(input, options, matrix, staticRankings(matrix, options));
}

function comparisonFrom(input: CompareInput, options: CompareOptions, matrix: ScoreMatrix, statics: MethodRanking[]): ComparisonResult {
  const over = options.over ?? "benchmarks";
  const csd = csdRankings(input.rank);
  const methods = [...statics, ...csd];
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
  // O(M K) and O(K M log M) per ranking: no M x M battle table (400 MB at 5,000 models).
  const winner = condorcetWinner(matrix);
  const pairs = battleCount(matrix);
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
    condorcetWinner: winner === null ? null : matrix.models[winner],
    kemeny: {
      definition: KEMENY_DISTANCE_DEFINITION,
      battles: pairs,
      distances: methods.map((m) => {
        // A method that ranked nobody is at no distance from anything: say NaN, not 0.
        const distance = m.ranks.some(Number.isFinite) ? kemenyDistanceFromMatrix(m.ranks, matrix) : Number.NaN;
        return { id: m.id, name: m.name, distance, share: pairs > 0 ? distance / pairs : Number.NaN };
      }),
    },
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
