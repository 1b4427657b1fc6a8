/**
 * The battle counts a Bradley-Terry fit reads, as full n x n rows (zero diagonal) of small whole
 * numbers: a model's sweep reads its own row in sequence. From a score matrix they take 4 bytes per
 * ordered pair (two 16-bit counts; 100 MB at 5,000 models, where the float battle tables took 400 MB),
 * plus 2 more for the ties the bootstrap redraws. M x M because the likelihood has one term per pair.
 */

import type { BattleCounts } from "./battles.js";
import type { ScoreMatrix } from "./matrix.js";
import { countPair, sharedBuffer } from "./pairs.js";

/** Counts of every ordered pair, row-major n x n. Uint16 when every count fits, Float64 otherwise. */
export interface PairTable {
  n: number;
  /** 2 W_ab, W_ab = a's wins over b + half their ties: twice a's score against b (a whole number). */
  win2: Uint16Array | Float64Array;
  /** W_ab + W_ba: the battles between a and b (symmetric). */
  games: Uint16Array | Float64Array;
}

/** A PairTable with the ties of each pair (symmetric), which the bootstrap needs to redraw each outcome. */
export interface BattleTable extends PairTable {
  ties: Uint16Array | Float64Array;
}

const U16_MAX = 65535;

/** An empty table of the given element type (shared memory where the platform has it). */
export function emptyTable(n: number, wide: boolean): BattleTable {
  const make = (): Uint16Array | Float64Array =>
    wide ? new Float64Array(sharedBuffer(n * n * 8)) : new Uint16Array(sharedBuffer(n * n * 2));
  return { n, win2: make(), games: make(), ties: make() };
}

/** Battle counts from a score matrix, pair by pair over both rows (O(M^2 K)), as one battle per pair per shared column. */
export function battleTableFromMatrix(matrix: ScoreMatrix): BattleTable {
  const n = matrix.models.length;
  const k = matrix.columns.length;
  const t = emptyTable(n, 2 * k > U16_MAX);
  const c = new Int32Array(3);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      countPair(matrix.values, k, a, b, c);
      setPair(t, a, b, c[0], c[1], c[2]);
    }
  }
  return t;
}

/** Battle counts (wins and ties, any non-negative numbers) as a table; 16-bit when they are whole and small enough. */
export function battleTableFromCounts(counts: BattleCounts): BattleTable {
  const n = counts.models.length;
  const fits = (x: number) => Number.isInteger(x) && x <= U16_MAX;
  let small = true;
  for (let a = 0; a < n && small; a++) {
    for (let b = a + 1; b < n && small; b++) {
      const wab = counts.wins[a * n + b];
      const wba = counts.wins[b * n + a];
      const t = counts.ties[a * n + b];
      small = Number.isInteger(wab) && Number.isInteger(wba) && fits(2 * wab + t) && fits(2 * wba + t) && fits(wab + wba + t);
    }
  }
  const table = emptyTable(n, !small);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) setPair(table, a, b, counts.wins[a * n + b], counts.wins[b * n + a], counts.ties[a * n + b]);
  }
  return table;
}

/** Writes both directions of a pair: a won wab battles, b won wba, tied t. */
export function setPair(table: BattleTable, a: number, b: number, wab: number, wba: number, t: number): void {
  const { n, win2, games, ties } = table;
  // W = wins + ties / 2 and the games as W_ab + W_ba, computed as the fit always has (exact for whole counts).
  const forA = wab + 0.5 * t;
  const forB = wba + 0.5 * t;
  win2[a * n + b] = 2 * forA;
  win2[b * n + a] = 2 * forB;
  games[a * n + b] = games[b * n + a] = forA + forB;
  ties[a * n + b] = ties[b * n + a] = t;
}

/**
 * Connected groups of models (an edge wherever two models have battled), as a group id per model,
 * numbered in order of each group's first model. Breadth-first, and a row scan stops as soon as every
 * model has a group: on a field where most pairs met it reads a few rows, not n^2 counts.
 */
export function tableGroups(table: PairTable): { group: Int32Array; groups: number } {
  const { n, games } = table;
  const group = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let next = 0;
  let assigned = 0;
  for (let s = 0; s < n; s++) {
    if (group[s] >= 0) continue;
    group[s] = next;
    assigned++;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail && assigned < n) {
      const row = queue[head++] * n;
      for (let b = 0; b < n && assigned < n; b++) {
        if (group[b] < 0 && games[row + b] > 0) {
          group[b] = next;
          assigned++;
          queue[tail++] = b;
        }
      }
    }
    next++;
  }
  return { group, groups: next };
}

/** Whether each model has at least one battle in the table. */
export function tablePlayed(table: PairTable): Uint8Array {
  const { n, games } = table;
  const played = new Uint8Array(n);
  for (let a = 0; a < n; a++) {
    const row = a * n;
    for (let b = 0; b < n; b++) {
      if (games[row + b] > 0) {
        played[a] = 1;
        break;
      }
    }
  }
  return played;
}
