/**
 * The cost-adjusted outcome mode. The engine decides a match by comparing the two models' round
 * scores, so "won on score per dollar" is a transformation of the round scores before the contest:
 *   adjusted round score = round score / round cost,
 * where the round score is the usual unweighted mean of the round's benchmark scores and the round
 * cost is the unweighted mean of the model's mean USD per attempt on the same benchmarks. On a
 * single accuracy benchmark this is accuracy / cost = 1 / cost-of-pass (x 100 on a percent scale),
 * so the match goes to the lower cost-of-pass. Scores must be higher-is-better and >= 0 and costs
 * known and > 0 (a score per dollar is meaningless otherwise). Pure.
 */
import { LOSING_SCORE, type RoundScores, roundGrid, roundScoresFrom } from "../engine/types.js";
import { at, gridOf, makeGrid, set } from "../grid/grid.js";
import type { RoundPlan } from "../plan/plan.js";
import { InputError, listProblems } from "../table/errors.js";
import { apiOption } from "../table/option-names.js";
import type { ScoreTable } from "../table/types.js";
import type { AttemptCosts } from "./types.js";

/** The engine's modes (--outcomes binary|probabilistic, on every command) and this one. */
export const OUTCOME_MODES = ["binary", "probabilistic", "cost-adjusted"] as const;
export type OutcomeMode = (typeof OUTCOME_MODES)[number];

export const OUTCOME_DEFINITIONS: Record<OutcomeMode, string> = {
  binary: "outcomes: binary (the usual CSD: a round's match goes to the higher round score)",
  probabilistic: "outcomes: probabilistic (each match drawn from the round scores and their standard errors; see the notes)",
  "cost-adjusted":
    "outcomes: cost-adjusted (a round's match goes to the higher score per dollar: round score / round cost, where the round cost is the " +
    "mean of the model's mean USD per attempt over the round's benchmarks; on one accuracy benchmark that is the lower cost-of-pass). " +
    "The engine is unchanged: the round scores are replaced by scores per dollar before the contest, so --tie-tolerance applies to scores per dollar",
};

/** Round-major round costs (like RoundScores.values): NaN when a benchmark's cost is unknown. */
export function roundCosts(table: ScoreTable, plan: RoundPlan, costs: AttemptCosts): Float64Array {
  const M = table.models.length;
  const meanCost = gridOf(costs.models.length, costs.benchmarks.length, costs.meanCost);
  const out = makeGrid(plan.rounds.length, M, 0);
  plan.rounds.forEach((round, k) => {
    const cols = round.benchmarks.map((n) => costs.benchmarks.indexOf(n));
    for (let m = 0; m < M; m++) {
      const row = costs.models.indexOf(table.models[m]);
      let sum = 0;
      for (const b of cols) sum += row < 0 || b < 0 ? Number.NaN : at(meanCost, row, b);
      set(out, k, m, sum / cols.length);
    }
  });
  return out.values;
}

/** Score per dollar per round; every problem (direction, negative score, unknown or zero cost) listed at once. */
export function costAdjustedRoundScores(table: ScoreTable, plan: RoundPlan, rs: RoundScores, costs: Float64Array): RoundScores {
  const problems: string[] = [];
  const lower = table.benchmarks.filter((b) => b.lowerIsBetter).map((b) => b.name);
  if (lower.length > 0)
    problems.push(`lower-is-better benchmarks (${lower.join(", ")}): a score per dollar needs scores where higher is better`);
  const scores = roundGrid(rs);
  const perCost = roundGrid(rs, costs);
  const out = roundGrid(rs, new Float64Array(rs.values.length));
  plan.rounds.forEach((round, k) => {
    for (let m = 0; m < rs.models; m++) {
      const score = at(scores, k, m);
      const cost = at(perCost, k, m);
      const where = `model "${table.models[m]}", round "${round.name}"`;
      if (score < 0 && Number.isFinite(score)) problems.push(`${where}: round score ${score} is negative`);
      if (Number.isNaN(cost)) problems.push(`${where}: cost unknown`);
      else if (cost <= 0) problems.push(`${where}: cost ${cost} (a score per dollar needs a cost above 0)`);
      // A model without a score (LOSING_SCORE under --missing lose) keeps losing.
      set(out, k, m, score === LOSING_SCORE ? score : score / cost);
    }
  });
  if (problems.length > 0)
    throw new InputError(listProblems("--outcomes cost-adjusted: cannot compute scores per dollar:", problems), {
      option: apiOption("--outcomes"),
    });
  return roundScoresFrom(out, rs.errors ? roundGrid(rs, rs.errors) : undefined);
}
