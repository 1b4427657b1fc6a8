/** Copeland's pairwise-majority score and the Condorcet winner. */

import { competitionRanks } from "../stats/stats.js";
import { type BattleCounts, battlesFromMatrix } from "./battles.js";
import type { ScoreMatrix } from "./matrix.js";
import type { RankingOptions, RankingResult } from "./types.js";

/** Copeland: per pair, 1 to the model that wins on more shared columns (1/2 each if equal); summed, rescaled to the full field when pairs share no column. */
export const definition =
  "Copeland: for each pair of models, the one that scores higher on more of their shared columns gets 1 (1/2 each if " +
  "equal); a model's Copeland score is the sum over opponents, rescaled by (M - 1) / (opponents it shares a column with). " +
  "Condorcet winner: a model that beats every other one head to head, if any.";

/** Copeland scores per model and the Condorcet winner. */
export interface CopelandScores {
  scores: number[];
  /** Opponents each model shares at least one battle with. */
  comparable: number[];
  /** Index of the Condorcet winner, or null. */
  condorcetWinner: number | null;
}

/** Copeland scores and Condorcet winner from battle counts (ties inside a pair's record are ignored). */
export function copelandScores(counts: BattleCounts): CopelandScores {
  const n = counts.models.length;
  const raw = new Array<number>(n).fill(0);
  const comparable = new Array<number>(n).fill(0);
  const beatsAll = new Array<boolean>(n).fill(n > 1);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (a === b) continue;
      const wab = counts.wins[a * n + b];
      const wba = counts.wins[b * n + a];
      if (wab + wba + counts.ties[a * n + b] === 0) {
        beatsAll[a] = false; // no head-to-head evidence: cannot be certified
        continue;
      }
      comparable[a]++;
      if (wab > wba) raw[a] += 1;
      else if (wab === wba) {
        raw[a] += 0.5;
        beatsAll[a] = false;
      } else beatsAll[a] = false;
    }
  }
  const scores = raw.map((s, m) => (comparable[m] === 0 ? Number.NaN : (s * (n - 1)) / comparable[m]));
  const winner = beatsAll.indexOf(true);
  return { scores, comparable, condorcetWinner: winner >= 0 ? winner : null };
}

/** Registry entry point. */
export function rankByCopeland(matrix: ScoreMatrix, _options: RankingOptions = {}): RankingResult {
  const c = copelandScores(battlesFromMatrix(matrix));
  const notes = [
    c.condorcetWinner === null
      ? "no Condorcet winner (no model beats every other one head to head)"
      : `Condorcet winner: ${matrix.models[c.condorcetWinner]}`,
  ];
  const partial = c.comparable.filter((k) => k < matrix.models.length - 1).length;
  if (partial > 0) notes.push(`${partial} model(s) share no column with some opponents: their scores are rescaled`);
  return { scores: c.scores, ranks: competitionRanks(c.scores), notes, details: { opponents: c.comparable } };
}
