/**
 * Re-ranking a perturbed table under every method, for the robustness studies. Ranks are by point
 * score for every method (no bootstrap intervals: a study re-ranks hundreds of times), and CSD is
 * replayed with the same seed each time (common random numbers), so that rank shifts come from
 * the perturbation, not from Monte Carlo noise.
 */
import { planChunks, runChunks } from "../engine/montecarlo.js";
import type { ContestRules, RoundScores } from "../engine/types.js";
import type { RoundPlan } from "../plan/plan.js";
import type { RoundMissing } from "../plan/round-scores.js";
import { rankingMethods } from "../rank/index.js";
import type { Normalisation } from "../rank/matrix.js";
import { competitionRanks } from "../rank/stats.js";
import { contestRoundScores } from "../run/prepare.js";
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

/** CSD expected scores per setting for a table and plan (one thread, the settings' seed). */
export function csdExpectedScores(table: ScoreTable, plan: RoundPlan, s: RerunSettings): number[][] {
  return csdOn(contestRoundScores(table, plan, s.missing, s.csd[0]?.rules.outcomes), s);
}

function csdOn(rs: RoundScores, s: RerunSettings): number[][] {
  const chunks = planChunks(s.runs, s.seed);
  const tallies = runChunks(
    rs,
    s.csd.map((c) => c.rules),
    chunks,
    0,
    chunks.chunks,
    { models: rs.models, rankBinWidth: rs.models },
  );
  return tallies.map((t) => Array.from(t.scoreSum, (x) => x / t.contests));
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
  const csd = csdOn(rs, s).map((scores, i) => ({
    id: `csd-T${s.csd[i].label}`,
    name: `CSD E[S] T=${s.csd[i].label}`,
    scores,
    ranks: competitionRanks(scores),
  }));
  return [...statics, ...csd];
}
