/** The registry of ranking methods, so that a CLI can loop over them. */

import { definition as bordaDefinition, rankByBorda } from "./borda.js";
import { bradleyTerryResampling, definition as btDefinition, rankByBradleyTerry } from "./bradley-terry.js";
import { definition as copelandDefinition, rankByCopeland } from "./copeland.js";
import { definition as eloDefinition, eloResampling, rankByElo } from "./elo.js";
import { definition as kemenyDefinition, rankByKemeny } from "./kemeny.js";
import { definition as meanDefinition, rankByMean } from "./mean.js";
import { definition as meanRankDefinition, rankByMeanRank } from "./mean-rank.js";
import { iqmDefinition, optimalityGapDefinition, rankByIqm, rankByOptimalityGap } from "./robust.js";
import type { RankingMethod, Resampling } from "./types.js";
import { rankByWinRate, definition as winRateDefinition } from "./win-rate.js";

/** The shared option and result types. */
export type { RankingMethod, RankingOptions, RankingResult, Resampling } from "./types.js";

/**
 * Every ranking method, in the order a report should show them: id, name, one-line definition.
 *
 * @example
 * for (const m of rankingMethods) console.log(`${m.id}: ${m.definition}`);
 */
export const rankingMethods: readonly RankingMethod[] = [
  { id: "mean", name: "Mean score", definition: meanDefinition, scoreName: "mean score", seeded: false, run: rankByMean },
  {
    id: "mean-rank",
    name: "Mean rank",
    definition: meanRankDefinition,
    scoreName: "-(mean rank)",
    lowerIsBetter: true,
    seeded: false,
    run: rankByMeanRank,
  },
  {
    id: "win-rate",
    name: "Mean win rate (HELM)",
    definition: winRateDefinition,
    scoreName: "mean win rate",
    seeded: false,
    run: rankByWinRate,
  },
  {
    id: "iqm",
    name: "Interquartile mean (rliable)",
    definition: iqmDefinition,
    scoreName: "IQM of normalised scores",
    seeded: true,
    run: rankByIqm,
  },
  {
    id: "optimality-gap",
    name: "Optimality gap (rliable)",
    definition: optimalityGapDefinition,
    scoreName: "-(optimality gap)",
    lowerIsBetter: true,
    seeded: true,
    run: rankByOptimalityGap,
  },
  { id: "borda", name: "Borda count", definition: bordaDefinition, scoreName: "Borda points", seeded: false, run: rankByBorda },
  {
    id: "copeland",
    name: "Copeland",
    definition: copelandDefinition,
    scoreName: "Copeland points",
    seeded: false,
    run: rankByCopeland,
  },
  {
    id: "kemeny",
    name: "Kemeny consensus",
    definition: kemenyDefinition,
    scoreName: "M - position",
    seeded: false,
    run: rankByKemeny,
  },
  {
    id: "bradley-terry",
    name: "Bradley-Terry",
    definition: btDefinition,
    scoreName: "rating (400 beta + 1000)",
    seeded: true,
    run: rankByBradleyTerry,
    resampling: bradleyTerryResampling as Resampling<unknown>,
  },
  {
    id: "elo",
    name: "Elo (legacy)",
    definition: eloDefinition,
    scoreName: "median Elo rating",
    seeded: true,
    run: rankByElo,
    resampling: eloResampling as Resampling<unknown>,
  },
];

/** The method with this id, or undefined. */
export function rankingMethod(id: string): RankingMethod | undefined {
  return rankingMethods.find((m) => m.id === id);
}
