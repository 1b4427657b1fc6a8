/**
 * Pairwise "battles": every column turns into one battle per pair of models scored on it (the
 * higher score wins, equal scores tie). Missing cells skip the pair on that column.
 */

import { column, isMissing } from "../grid/grid.js";
import { matrixGrid, type ScoreMatrix } from "./matrix.js";

/** Battle counts between n models, both arrays n x n row-major. */
export interface BattleCounts {
  models: string[];
  /** wins[a * n + b]: battles a won against b (zero diagonal). */
  wins: Float64Array;
  /** ties[a * n + b] = ties[b * n + a]: battles between a and b that were tied. */
  ties: Float64Array;
}

/** One observed battle, for callers that have real battle data. */
export interface BattleRecord {
  a: string;
  b: string;
  winner: "a" | "b" | "tie";
}

/** A flat list of battles: battle i is a[i] vs b[i], scoreA[i] in {1, 0.5, 0}. */
export interface BattleList {
  a: Int32Array;
  b: Int32Array;
  scoreA: Float64Array;
}

function emptyCounts(models: readonly string[]): BattleCounts {
  const n = models.length;
  return { models: [...models], wins: new Float64Array(n * n), ties: new Float64Array(n * n) };
}

/** Battle counts from a score matrix: per column, per pair scored on it, one win or one tie. */
export function battlesFromMatrix(matrix: ScoreMatrix): BattleCounts {
  const counts = emptyCounts(matrix.models);
  const n = matrix.models.length;
  const g = matrixGrid(matrix);
  const { wins, ties } = counts;
  for (let c = 0; c < g.cols; c++) {
    // The column copied once: the pair loop then reads contiguous values.
    const col = column(g, c);
    for (let a = 0; a < n; a++) {
      const sa = col[a];
      if (isMissing(sa)) continue;
      for (let b = a + 1; b < n; b++) {
        const sb = col[b];
        if (isMissing(sb)) continue;
        if (sa > sb) wins[a * n + b]++;
        else if (sb > sa) wins[b * n + a]++;
        else {
          ties[a * n + b]++;
          ties[b * n + a]++;
        }
      }
    }
  }
  return counts;
}

/** Battle counts from observed battles (a, b, winner). Throws on unknown names or self-battles. */
export function battlesFromRecords(models: readonly string[], records: readonly BattleRecord[]): BattleCounts {
  const counts = emptyCounts(models);
  const n = models.length;
  const index = new Map<string, number>();
  models.forEach((name, i) => {
    if (index.has(name)) throw new Error(`battles: duplicate model name "${name}"`);
    index.set(name, i);
  });
  for (const r of records) {
    const a = index.get(r.a);
    const b = index.get(r.b);
    if (a === undefined || b === undefined) throw new Error(`battles: unknown model in ${r.a} vs ${r.b}`);
    if (a === b) throw new Error(`battles: ${r.a} cannot battle itself`);
    if (r.winner === "a") counts.wins[a * n + b]++;
    else if (r.winner === "b") counts.wins[b * n + a]++;
    else {
      counts.ties[a * n + b]++;
      counts.ties[b * n + a]++;
    }
  }
  return counts;
}

/** Total number of battles (each tie counted once). */
export function totalBattles(counts: BattleCounts): number {
  const n = counts.models.length;
  let s = 0;
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      s += counts.wins[a * n + b];
      if (a < b) s += counts.ties[a * n + b];
    }
  }
  return s;
}

/** Number of battles between a and b, in either direction, ties included. */
export function pairBattles(counts: BattleCounts, a: number, b: number): number {
  const n = counts.models.length;
  return counts.wins[a * n + b] + counts.wins[b * n + a] + counts.ties[a * n + b];
}

/**
 * Every battle as a list, in a canonical order (pairs a < b; a's wins, then b's, then ties).
 * Counts must be whole numbers.
 */
export function expandBattles(counts: BattleCounts): BattleList {
  const n = counts.models.length;
  const total = totalBattles(counts);
  if (!Number.isInteger(total)) throw new Error("battles: counts must be whole numbers to list battles");
  const list: BattleList = { a: new Int32Array(total), b: new Int32Array(total), scoreA: new Float64Array(total) };
  let i = 0;
  const push = (a: number, b: number, times: number, s: number) => {
    for (let t = 0; t < times; t++, i++) {
      list.a[i] = a;
      list.b[i] = b;
      list.scoreA[i] = s;
    }
  };
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      push(a, b, counts.wins[a * n + b], 1);
      push(a, b, counts.wins[b * n + a], 0);
      push(a, b, counts.ties[a * n + b], 0.5);
    }
  }
  return list;
}
