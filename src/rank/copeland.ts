/** Copeland's pairwise-majority score and the Condorcet winner. */

import { competitionRanks } from "../stats/stats.js";
import type { BattleCounts } from "./battles.js";
import type { ScoreMatrix } from "./matrix.js";
import { countPair } from "./pairs.js";
import type { RankingOptions, RankingResult } from "./types.js";

/** Copeland: per pair, 1 to the model that wins on more shared columns (1/2 each if equal); summed, rescaled to the full field when pairs share no column. */
export const definition =
  "Copeland: for each pair of models, the one that scores higher on more of their shared columns gets 1 (1/2 each if " +
  "equal); a model's Copeland score is the sum over opponents, rescaled by (M - 1) / (opponents it shares a column with). " +
  "Condorcet winner: a model that beats every other one head to head, if any. Exact for every M: every pair is compared " +
  "column by column, O(M^2 K) time and O(M) memory beside the table (no M x M table).";

/** Copeland scores per model and the Condorcet winner. */
export interface CopelandScores {
  scores: number[];
  /** Opponents each model shares at least one battle with. */
  comparable: number[];
  /** Index of the Condorcet winner, or null. */
  condorcetWinner: number | null;
}

/** Raw points, comparable opponents and "beats everyone" flags into a CopelandScores. */
function finish(raw: Float64Array, comparable: Int32Array, beatsAll: Uint8Array): CopelandScores {
  const n = raw.length;
  const scores = Array.from(raw, (s, m) => (comparable[m] === 0 ? Number.NaN : (s * (n - 1)) / comparable[m]));
  const winner = beatsAll.indexOf(1);
  return { scores, comparable: Array.from(comparable), condorcetWinner: winner >= 0 ? winner : null };
}

/** Copeland scores and Condorcet winner from battle counts (ties inside a pair's record are ignored). */
export function copelandScores(counts: BattleCounts): CopelandScores {
  const n = counts.models.length;
  const raw = new Float64Array(n);
  const comparable = new Int32Array(n);
  const beatsAll = new Uint8Array(n).fill(n > 1 ? 1 : 0);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const wab = counts.wins[a * n + b];
      const wba = counts.wins[b * n + a];
      tallyPair(a, b, wab, wba, wab + wba + counts.ties[a * n + b] > 0, raw, comparable, beatsAll);
    }
  }
  return finish(raw, comparable, beatsAll);
}

/**
 * Copeland scores straight from the score matrix: each pair's shared columns counted in one pass
 * over both rows (the same scores as copelandScores(battlesFromMatrix(matrix)), without its two
 * M x M tables: 400 MB at 5,000 models).
 */
export function copelandFromMatrix(matrix: ScoreMatrix): CopelandScores {
  const n = matrix.models.length;
  const k = matrix.columns.length;
  const raw = new Float64Array(n);
  const comparable = new Int32Array(n);
  const beatsAll = new Uint8Array(n).fill(n > 1 ? 1 : 0);
  const c = new Int32Array(3);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      countPair(matrix.values, k, a, b, c);
      tallyPair(a, b, c[0], c[1], c[0] + c[1] + c[2] > 0, raw, comparable, beatsAll);
    }
  }
  return finish(raw, comparable, beatsAll);
}

function tallyPair(
  a: number,
  b: number,
  wab: number,
  wba: number,
  met: boolean,
  raw: Float64Array,
  comparable: Int32Array,
  beatsAll: Uint8Array,
): void {
  if (!met) {
    beatsAll[a] = beatsAll[b] = 0; // no head-to-head evidence: cannot be certified
    return;
  }
  comparable[a]++;
  comparable[b]++;
  if (wab > wba) {
    raw[a] += 1;
    beatsAll[b] = 0;
  } else if (wba > wab) {
    raw[b] += 1;
    beatsAll[a] = 0;
  } else {
    raw[a] += 0.5;
    raw[b] += 0.5;
    beatsAll[a] = beatsAll[b] = 0;
  }
}

/** 1 when a wins more of the columns both are scored on than b, -1 when b does, 0 otherwise (or none shared). */
function majority(values: Float64Array, k: number, a: number, b: number, c: Int32Array): number {
  countPair(values, k, a, b, c);
  return Math.sign(c[0] - c[1]);
}

/**
 * The Condorcet winner (a model that wins head to head against every other one) in O(M K): a
 * candidate is kept while it beats the next model and replaced otherwise; a Condorcet winner, once
 * reached, is never replaced, and beats whoever held the place before it, so only the last
 * candidate can be one, which one more pass checks.
 */
export function condorcetWinner(matrix: ScoreMatrix): number | null {
  const n = matrix.models.length;
  const k = matrix.columns.length;
  if (n < 2) return null;
  const c = new Int32Array(3);
  let candidate = 0;
  for (let m = 1; m < n; m++) if (majority(matrix.values, k, candidate, m, c) <= 0) candidate = m;
  for (let m = 0; m < n; m++) if (m !== candidate && majority(matrix.values, k, candidate, m, c) <= 0) return null;
  return candidate;
}

/** Registry entry point. */
export function rankByCopeland(matrix: ScoreMatrix, _options: RankingOptions = {}): RankingResult {
  const c = copelandFromMatrix(matrix);
  const notes = [
    c.condorcetWinner === null
      ? "no Condorcet winner (no model beats every other one head to head)"
      : `Condorcet winner: ${matrix.models[c.condorcetWinner]}`,
  ];
  const partial = c.comparable.filter((k) => k < matrix.models.length - 1).length;
  if (partial > 0) notes.push(`${partial} model(s) share no column with some opponents: their scores are rescaled`);
  return { scores: c.scores, ranks: competitionRanks(c.scores), notes, details: { opponents: c.comparable } };
}
