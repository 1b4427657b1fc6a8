/**
 * Re-ranking a perturbed table under every method, for the robustness studies. Ranks are by point
 * score for every method (no bootstrap intervals: a study re-ranks hundreds of times), and CSD is
 * replayed with the same seed each time (common random numbers), so that rank shifts come from
 * the perturbation, not from Monte Carlo noise.
 */
import { expectedScores } from "../engine/montecarlo.js";
import type { ContestRules, RoundScores } from "../engine/types.js";
import type { RoundPlan } from "../plan/plan.js";
import type { RoundMissing } from "../plan/round-scores.js";
import { rankingMethods } from "../rank/index.js";
import type { Normalisation } from "../rank/matrix.js";
import { contestRoundScores } from "../run/prepare.js";
import { competitionRanks } from "../stats/stats.js";
import type { ScoreTable } from "../table/types.js";
import { type CompareOver, comparisonMatrix } from "./compare.js";

export interface RerunSettings {
  /** CSD settings (labels and rules) to replay. */
  csd: { label: string; rules: ContestRules }[];
  runs: number;
  seed: number;
  methods?: string[];
  over: CompareOver;
  normalisation?: Normalisation;
  /** Random battle orders for Elo inside studies. */
  eloOrders: number;
  /** How missing scores become round scores (as in the main run). */
  missing?: RoundMissing;
}

export interface MethodScores {
  id: string;
  name: string;
  scores: number[];
  ranks: number[];
}

/** The names of the methods a study reports, in order (static first, then CSD per T). */
export function studyMethodNames(s: RerunSettings): { id: string; name: string }[] {
  const statics = rankingMethods.filter((m) => !s.methods || s.methods.includes(m.id)).map((m) => ({ id: m.id, name: m.name }));
  return [...statics, ...s.csd.map((c) => ({ id: `csd-T${c.label}`, name: `CSD E[S] T=${c.label}` }))];
}

function csdOn(rs: RoundScores, s: RerunSettings): number[][] {
  return expectedScores(
    rs,
    s.csd.map((c) => c.rules),
    s.runs,
    s.seed,
  ).map((e) => Array.from(e));
}

/** One re-ranking of a study: every method, or (only: "csd") the CSD settings alone. */
export interface RerankJob {
  table: ScoreTable;
  plan: RoundPlan;
  only?: "csd";
  /** The CSD settings for this job when they differ from the batch's (a plan that lost a round). */
  csd?: RerunSettings["csd"];
}

/** Runs a batch of re-rankings and returns the results in job order (here, or on worker threads). */
export type RerankBatch = (jobs: RerankJob[], s: RerunSettings) => Promise<MethodScores[][]>;

export function rerank(job: RerankJob, batch: RerunSettings): MethodScores[] {
  const s = job.csd ? { ...batch, csd: job.csd } : batch;
  if (job.only !== "csd") return rerankAll(job.table, job.plan, s);
  return csdMethodScores(contestRoundScores(job.table, job.plan, s.missing, s.csd[0]?.rules.outcomes), s);
}

/** The default batch: one job after another in this thread. */
export const rerankHere: RerankBatch = async (jobs, s) => jobs.map((job) => rerank(job, s));

/** Plays the jobs whose indices `next` hands out (-1 or past the end: none left); for worker threads. */
export function pullReranks(jobs: RerankJob[], s: RerunSettings, next: () => number): [number, MethodScores[]][] {
  const out: [number, MethodScores[]][] = [];
  for (let j = next(); j >= 0 && j < jobs.length; j = next()) out.push([j, rerank(jobs[j], s)]);
  return out;
}

function csdMethodScores(rs: RoundScores, s: RerunSettings): MethodScores[] {
  return csdOn(rs, s).map((scores, i) => ({
    id: `csd-T${s.csd[i].label}`,
    name: `CSD E[S] T=${s.csd[i].label}`,
    scores,
    ranks: competitionRanks(scores),
  }));
}

/** Every method's scores and ranks on one (possibly perturbed) table. */
export function rerankAll(table: ScoreTable, plan: RoundPlan, s: RerunSettings): MethodScores[] {
  const rs = contestRoundScores(table, plan, s.missing, s.csd[0]?.rules.outcomes);
  const matrix = comparisonMatrix({ table, plan, roundScores: rs }, s.over);
  const statics = rankingMethods
    .filter((m) => !s.methods || s.methods.includes(m.id))
    .map((m) => {
      const r = m.run(matrix, { normalisation: s.normalisation, seed: s.seed, resamples: m.id === "elo" ? s.eloOrders : 0 });
      return { id: m.id, name: m.name, scores: r.scores, ranks: competitionRanks(r.scores) };
    });
  return [...statics, ...csdMethodScores(rs, s)];
}
