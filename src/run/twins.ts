/**
 * Flat twins for the Failure Sensitivity labels: per model, the twin's E[S] at the baseline and the
 * harshest setting, played in the same field (the model replaced by its twin) with the run's seed.
 * A model that is already flat is its own twin (no contests). Up to EXACT_UP_TO models every other
 * model's twin is played; in larger fields the twins of PROBES models spread over the range of mean
 * wins (the top and bottom ones always) are played and the rest are interpolated (twin.ts,
 * completeTwins). Probes share runs (two from PAIRED_FROM models on, up to 2% of the field from
 * BATCH_FIELD on, each run's share spread over the field): each run costs as much as the main run's
 * contests, one run per twin made the paper's run (29 x 12, N = 100,000) take 1.7x as long and
 * `rank` at 1,756 models 5x, and a flat twin keeps its model's mean wins, so a few of them barely
 * move the others. Cost is capped by TWIN_MATCH_BUDGET. The runs are played as one batch of items
 * that the threads share (twin-batch.ts).
 */
import { planChunks } from "../engine/montecarlo.js";
import { pointsPerContest } from "../engine/points.js";
import { type ContestRules, LOSING_SCORE, type RoundScores, roundGrid } from "../engine/types.js";
import { rowView } from "../grid/grid.js";
import type { RankConfig } from "./config.js";
import { sensitivityPair } from "./result.js";
import { fieldShapes, type PlayedTwin, type TwinFigures, twinOf } from "./twin.js";
import { playTwinBatchHere, runSums, slicesFor, type TwinBatch, type TwinSums } from "./twin-batch.js";

/** Fields up to this size: every non-flat model's twin is played. */
export const EXACT_UP_TO = 40;
/** Larger fields: this many twin runs (the ends always among them). */
export const PROBES = 32;
const ENDS = 6;
/**
 * From this many models on, two probes share a run (with the probes sorted by mean wins, run r
 * flattens the r-th and the one half the list below it). Measured against one twin per run with the
 * same seeds (2 x 5,000 contests per twin), the profile effects moved by 0.015-0.035 rms on MMLU-Pro
 * (29 models), OpenCompass (35) and HELM Lite cut to 40 models, where a change of seed moves them by
 * 0.02-0.04; three probes per run moved HELM Lite's by 0.045 and five by 0.08 (its models have the
 * most uneven rounds), so two it is below BATCH_FIELD. test/sensitivity.test.ts keeps that check on
 * MMLU-Pro and HELM Lite.
 */
export const PAIRED_FROM = 20;
/** From this many models on, up to floor(M / BATCH_FIELD) probes share a run (at most 2% of the field flattened). */
export const BATCH_FIELD = 50;
/**
 * From this many models on, the ceiling model shares a run, in the place of the strongest model that
 * is not a probe. In a smaller field it would replace one of the few models the top probes play.
 */
export const CEILING_SHARES_FROM = 100;
/**
 * Contests per setting for a twin: at most this many, at least MIN_TWIN_RUNS, within the budget.
 * 3,000 was tried (the paper's run 0.55 -> 0.50 s): with two twins per run it changed 5 of
 * OpenCompass's 35 labels at N = 100,000, where a change of seed changes 0-1, so 5,000 it stays.
 */
export const MAX_TWIN_RUNS = 5_000;
export const MIN_TWIN_RUNS = 1_000;
/** Matches played by all twin runs together, at most (about 1-1.5 s on one core), unless MIN_TWIN_RUNS needs more. */
export const TWIN_MATCH_BUDGET = 120_000_000;

/** E[S] and its Monte Carlo standard error of the i-th model of a run's sums. */
function meanAndSE(t: TwinSums, i: number): [number, number] {
  const n = t.contests;
  const mean = t.scoreSum[i] / n;
  const v = n > 1 ? Math.max(0, (t.scoreSqSum[i] - n * mean * mean) / (n - 1)) : 0;
  return [mean, Math.sqrt(v / n)];
}

/** Contests per setting for `played` twin runs of this field. */
export function twinRuns(runs: number, played: number, models: number, rules: readonly ContestRules[]): number {
  const matches = rules.reduce((a, r) => a + pointsPerContest(models, r.schedule), 0);
  const fit = Math.floor(TWIN_MATCH_BUDGET / Math.max(1, played * matches));
  return Math.min(runs, MAX_TWIN_RUNS, Math.max(MIN_TWIN_RUNS, fit));
}

/** The models whose twins are played: all of them in small fields, else the ends and an even spread by mean wins. */
export function probeModels(meanWins: readonly number[], flat: readonly boolean[]): number[] {
  const M = meanWins.length;
  const order = meanWins.map((_, m) => m).sort((a, b) => meanWins[b] - meanWins[a] || a - b);
  const picked = new Set<number>();
  if (M <= EXACT_UP_TO) order.forEach((m) => picked.add(m));
  else {
    for (let i = 0; i < ENDS; i++) picked.add(order[i]).add(order[M - 1 - i]);
    const inner = PROBES - 2 * ENDS;
    for (let i = 1; i <= inner; i++) picked.add(order[ENDS - 1 + Math.round((i * (M - 2 * ENDS + 1)) / (inner + 1))]);
  }
  return [...picked].filter((m) => !flat[m]).sort((a, b) => a - b);
}

/** One twin run to play: the models' rows replaced by their flat twins'. */
interface TwinJob {
  models: number[];
  rows: Float64Array[];
  /** The model whose slot holds the ceiling model in this run (its row is the ceiling's), if any. */
  ceiling?: number;
}

/** Probes per run: 1 in small fields, 2 from PAIRED_FROM models on, floor(M / BATCH_FIELD) in large ones. */
export function probesPerRun(models: number): number {
  return Math.max(models >= PAIRED_FROM ? 2 : 1, Math.floor(models / BATCH_FIELD));
}

/** Probes in runs of at most `size`, each run's spread over the field (probe i goes to run i mod runs). */
function batches(probes: readonly number[], size: number): number[][] {
  const runs = Math.ceil(probes.length / size);
  const out: number[][] = Array.from({ length: runs }, () => []);
  probes.forEach((m, i) => out[i % runs].push(m));
  return out;
}

/** Plays a batch of twin runs (here, or on worker threads): every item's sums, in item order. */
export type TwinBatchPlayer = (batch: TwinBatch) => TwinSums[] | Promise<TwinSums[]>;

/** The twin runs a field needs (the non-flat probes' flat twins and the ceiling model) and the contests per setting for each. */
function twinJobs(rs: RoundScores, rules: readonly [ContestRules, ContestRules], runs: number, size: number) {
  const M = rs.models;
  const shapes = fieldShapes(rs, rules[0].tieTolerance);
  const { meanWins, flat } = shapes;
  // Probes sorted by mean wins, so that each run's share is spread from the top to the bottom.
  const probes = probeModels(meanWins, flat).sort((a, b) => meanWins[b] - meanWins[a] || a - b);
  const jobs: TwinJob[] = batches(probes, size).map((ms) => ({ models: ms, rows: ms.map((m) => twinOf(rs, m, shapes).row) }));
  // The ceiling model stands in for the strongest one, unless that one already wins every match: in a run
  // of its own, or, from CEILING_SHARES_FROM models on, in the place of the strongest model that is not a
  // probe, in a run with room (saving a whole run: at 20,000 models it is as costly as the main run's contests).
  const top = meanWins.reduce((best, w, m) => (w > meanWins[best] ? m : best), 0);
  let ceiling: TwinJob | undefined = M > 1 && meanWins[top] < M - 1 ? { models: [top], rows: [ceilingRow(rs)], ceiling: top } : undefined;
  const roomy = M >= CEILING_SHARES_FROM ? jobs.find((j) => j.models.length < size) : undefined;
  if (ceiling && roomy) {
    const taken = new Set(probes);
    const stand = meanWins.reduce((best, w, m) => (!taken.has(m) && (best < 0 || w > meanWins[best]) ? m : best), -1);
    if (stand >= 0) {
      roomy.models.push(stand);
      roomy.rows.push(ceilingRow(rs));
      roomy.ceiling = stand;
      ceiling = undefined;
    }
  }
  const count = jobs.length + (ceiling ? 1 : 0);
  return { meanWins, flat, jobs, ceiling, runs: count > 0 ? twinRuns(runs, count, M, rules) : 0 };
}

/** The batch of twin runs a field needs, and what the figures are assembled from. */
function twinBatch(rs: RoundScores, rules: readonly [ContestRules, ContestRules], runs: number, seed: number, perRun: number) {
  const { meanWins, flat, jobs, ceiling, runs: n } = twinJobs(rs, rules, runs, perRun);
  const plan = planChunks(Math.max(1, n), seed);
  const all = [...jobs, ...(ceiling ? [ceiling] : [])];
  const batch: TwinBatch = {
    field: rs,
    rules: [...rules],
    plan,
    runs: all.map((j) => ({ models: j.models, rows: j.rows })),
    slices: slicesFor(all.length, rules.length, plan.chunks),
  };
  const figures = (items: readonly TwinSums[]): TwinFigures => {
    const played = all.map((j, r) => playedOf(j, runSums(batch, items, r)));
    return { runs: n, meanWins, flat, ...split(all, played) };
  };
  return { batch, figures };
}

/**
 * Plays the twins; `rules` = [baseline, harshest], `seed` the run's (common random numbers), `perRun`
 * the twins flattened in one run (tests compare with one per run). The figures do not depend on the
 * run's own contests, nor on how `play` shares the batch among threads.
 */
export async function flatTwins(
  rs: RoundScores,
  rules: readonly [ContestRules, ContestRules],
  runs: number,
  seed: number,
  play: TwinBatchPlayer = playTwinBatchHere,
  perRun = probesPerRun(rs.models),
): Promise<TwinFigures> {
  const { batch, figures } = twinBatch(rs, rules, runs, seed, perRun);
  return figures(batch.runs.length > 0 ? await play(batch) : []);
}

/** As flatTwins, in this thread and synchronously (the dashboard's simulation worker). */
export function flatTwinsHere(rs: RoundScores, rules: readonly [ContestRules, ContestRules], runs: number, seed: number): TwinFigures {
  const { batch, figures } = twinBatch(rs, rules, runs, seed, probesPerRun(rs.models));
  return figures(playTwinBatchHere(batch));
}

/** Each job model's twin figures from the run's sums at [baseline, harshest]. */
function playedOf(j: TwinJob, t: TwinSums[]): PlayedTwin[] {
  return j.models.map((m, i) => ({ model: m, baseline: meanAndSE(t[0], i), harshest: meanAndSE(t[1], i) }));
}

/** The flat twins in model order (as one run per model gave them) and the ceiling model's figures, from every run's. */
function split(jobs: readonly TwinJob[], results: readonly PlayedTwin[][]): { played: PlayedTwin[]; ceiling?: PlayedTwin } {
  const played: PlayedTwin[] = [];
  let ceiling: PlayedTwin | undefined;
  jobs.forEach((j, i) => {
    for (const p of results[i]) {
      if (p.model === j.ceiling) ceiling = p;
      else played.push(p);
    }
  });
  played.sort((a, b) => a.model - b.model);
  return { played, ...(ceiling ? { ceiling } : {}) };
}

/** Round scores above every model's in every round. */
function ceilingRow(rs: RoundScores): Float64Array {
  const grid = roundGrid(rs);
  return Float64Array.from({ length: rs.rounds }, (_, k) => {
    const max = rowView(grid, k).reduce((a, b) => Math.max(a, b), LOSING_SCORE);
    return max === LOSING_SCORE ? 0 : max + Math.max(1, Math.abs(max));
  });
}

/** The Failure Sensitivity pair of a run as contest rules: [mildest, harshest] (undefined with fewer than two settings). */
export function sensitivityRules(config: RankConfig): [ContestRules, ContestRules] | undefined {
  const pair = sensitivityPair(config);
  if (!pair) return undefined;
  return pair.map((i) => ({
    schedule: Int32Array.from(config.settings[i].schedule),
    elimination: config.elimination,
    tieTolerance: config.tieTolerance,
    outcomes: config.outcomes,
  })) as [ContestRules, ContestRules];
}

/** The twins of a run, in this thread (its mildest and harshest settings, its seed and N). */
export function playFlatTwins(config: RankConfig, rs: RoundScores): TwinFigures | undefined {
  const rules = sensitivityRules(config);
  return rules && flatTwinsHere(rs, rules, config.runs, config.seed);
}
