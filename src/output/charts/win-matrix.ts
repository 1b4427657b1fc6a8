/**
 * Pairwise win matrices from the round scores: in round k, i beats j when its round score is higher
 * (a difference within the tie tolerance counts 1/2, as the coin flip it is in a contest). The
 * overall matrix is the share of rounds i beats j. O(M^2 K), so only the shown models are computed.
 */
import { type RoundScores, roundGrid } from "../../engine/types.js";
import { at } from "../../grid/grid.js";

export interface WinMatrices {
  /** The models shown, in display order. */
  models: string[];
  /** Models in the field (more than `models.length` when the matrix was capped). */
  fieldSize: number;
  /** matrix[i][j]: share of rounds models[i] beats models[j] (the diagonal is 0.5). */
  overall: number[][];
  /** One matrix per round (1 win, 0.5 tie, 0 loss), at most `maxRounds` of them. */
  rounds: { name: string; matrix: number[][] }[];
  /** Rounds in the plan (more than `rounds.length` when per-round matrices were capped). */
  roundCount: number;
}

export const MAX_WIN_MODELS = 60;
export const MAX_WIN_ROUNDS = 24;

export function winMatrices(
  rs: RoundScores,
  allModels: readonly string[],
  roundNames: readonly string[],
  order: readonly string[],
  tieTolerance: number,
  maxModels = MAX_WIN_MODELS,
  maxRounds = MAX_WIN_ROUNDS,
): WinMatrices {
  const shown = order.slice(0, maxModels);
  const index = new Map(allModels.map((m, i) => [m, i]));
  const idx = shown.map((m) => index.get(m) as number);
  const n = idx.length;
  const square = () => Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const overall = square();
  const rounds: WinMatrices["rounds"] = [];
  const scores = roundGrid(rs);
  for (let k = 0; k < rs.rounds; k++) {
    const m = square();
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        const d = at(scores, k, idx[a]) - at(scores, k, idx[b]);
        // Two LOSING_SCOREs differ by NaN: neither has a score, a coin flip (as in the engine).
        const w = a === b || Number.isNaN(d) || Math.abs(d) <= tieTolerance ? 0.5 : d > 0 ? 1 : 0;
        m[a][b] = w;
        overall[a][b] += w / rs.rounds;
      }
    }
    if (k < maxRounds) rounds.push({ name: roundNames[k], matrix: m });
  }
  return { models: shown, fieldSize: allModels.length, overall, rounds, roundCount: rs.rounds };
}
