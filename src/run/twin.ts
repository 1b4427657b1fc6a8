/**
 * The flat twin of a model: the same model with its mean round strength in every round. In each
 * round the twin beats as many of the other models as the model does on average (its mean number
 * of round wins, to the nearest half: a half is a tie, i.e. a coin flip, with the model at the
 * boundary), so it has the model's level without the model's profile. Pure: no contests here.
 */

import { LOSING_SCORE, type RoundScores, roundGrid, roundScoresFrom } from "../engine/types.js";
import { at, rowCopy, set } from "../grid/grid.js";

/** Other models m beats in each round (a tie, within the tolerance, counts one half). */
export function roundWins(rs: RoundScores, m: number, tieTolerance = 0): number[] {
  const g = roundGrid(rs);
  const wins: number[] = [];
  for (let k = 0; k < rs.rounds; k++) {
    const x = at(g, k, m);
    let w = 0;
    for (let j = 0; j < rs.models; j++) {
      if (j === m) continue;
      const y = at(g, k, j);
      // Two losing scores (LOSING_SCORE) toss a coin, as in the engine.
      if (x === y || Math.abs(x - y) <= tieTolerance) w += 0.5;
      else if (x > y) w += 1;
    }
    wins.push(w);
  }
  return wins;
}

export interface FlatTwin {
  /** The twin's round scores, one per round. */
  row: Float64Array;
  /** The model's mean number of round wins, and the twin's (the same, to the nearest half). */
  meanWins: number;
  twinWins: number;
  /** True when the model already wins the same number in every round: it is its own twin. */
  flat: boolean;
}

/**
 * A value that beats exactly `wins` of the sorted others (ascending); a half win ties the next one.
 * Between two finite scores the midpoint; next to a losing score (LOSING_SCORE) one below the finite one.
 */
function placeAt(sorted: (j: number) => number, length: number, wins: number): number {
  const j = Math.floor(wins);
  if (wins !== j) return sorted(j); // j + 0.5: beats the j lowest, ties the next
  if (j === 0) return length === 0 || sorted(0) === LOSING_SCORE ? LOSING_SCORE : sorted(0) - 1;
  if (j === length) return sorted(j - 1) === LOSING_SCORE ? 0 : sorted(j - 1) + 1;
  const lo = sorted(j - 1);
  const hi = sorted(j);
  if (lo === LOSING_SCORE) return hi === LOSING_SCORE ? hi : hi - 1;
  return (lo + hi) / 2;
}

/** The flat twin of model m (scores within `tieTolerance` of the twin's count as ties, as in the engine). */
export function flatTwin(rs: RoundScores, m: number, tieTolerance = 0): FlatTwin {
  const g = roundGrid(rs);
  const wins = roundWins(rs, m, tieTolerance);
  const meanWins = wins.reduce((a, b) => a + b, 0) / wins.length;
  const twinWins = Math.round(meanWins * 2) / 2;
  const flat = wins.every((w) => w === wins[0]);
  const row = new Float64Array(rs.rounds);
  for (let k = 0; k < rs.rounds; k++) {
    if (flat) {
      row[k] = at(g, k, m);
      continue;
    }
    const others: number[] = [];
    for (let j = 0; j < rs.models; j++) if (j !== m) others.push(at(g, k, j));
    others.sort((a, b) => a - b);
    row[k] = placeAt((j) => others[j], others.length, twinWins);
  }
  return { row, meanWins, twinWins, flat };
}

/** First index in an ascending array whose value is >= x (or > x with `strict`). */
function bound(sorted: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? sorted[mid] <= x : sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every model's mean round wins and flatness, as flatTwin gives them one by one. */
export interface FieldShapes {
  meanWins: number[];
  flat: boolean[];
  /** Each round's scores, ascending (for twinRow). */
  sorted: Float64Array[];
}

/**
 * meanWins and flat of every model in O(K M log M): each round is sorted once and a model's wins
 * counted by binary search (flatTwin per model is O(K M log M) each: 4 minutes at 5,000 x 50).
 */
export function fieldShapes(rs: RoundScores, tieTolerance = 0): FieldShapes {
  const g = roundGrid(rs);
  const M = rs.models;
  const first = new Float64Array(M);
  const sum = new Float64Array(M);
  const flat = new Array<boolean>(M).fill(true);
  const sorted: Float64Array[] = [];
  for (let k = 0; k < rs.rounds; k++) {
    const col = rowCopy(g, k).sort();
    sorted.push(col);
    for (let m = 0; m < M; m++) {
      const x = at(g, k, m);
      // Others strictly below x - tol win for m; others within tol (or equal: two losing scores) tie.
      const below = bound(col, x - tieTolerance, false);
      let within: number;
      if (tieTolerance === 0) {
        // Only equal scores tie: count them from the lower bound on (a few at most), no second search.
        let end = below;
        while (end < M && col[end] === x) end++;
        within = end - below - 1;
      } else within = (x === LOSING_SCORE ? bound(col, x, true) : bound(col, x + tieTolerance, true)) - below - 1;
      const w = below + 0.5 * within;
      if (k === 0) first[m] = w;
      else if (w !== first[m]) flat[m] = false;
      sum[m] += w;
    }
  }
  return { meanWins: Array.from(sum, (x) => x / rs.rounds), flat, sorted };
}

/** Model m's flat twin (as flatTwin) from the field's shapes: its row read off each round's sorted scores. */
export function twinOf(rs: RoundScores, m: number, shapes: FieldShapes): FlatTwin {
  const g = roundGrid(rs);
  const meanWins = shapes.meanWins[m];
  const twinWins = Math.round(meanWins * 2) / 2;
  const flat = shapes.flat[m];
  const row = new Float64Array(rs.rounds);
  for (let k = 0; k < rs.rounds; k++) {
    const x = at(g, k, m);
    if (flat) {
      row[k] = x;
      continue;
    }
    // The others: the round's sorted scores without one copy of m's own.
    const col = shapes.sorted[k];
    const skip = bound(col, x, false);
    row[k] = placeAt((j) => col[j < skip ? j : j + 1], col.length - 1, twinWins);
  }
  return { row, meanWins, twinWins, flat };
}

/** The field with model m's round scores replaced by `row` (its standard errors are kept). */
export function withRow(rs: RoundScores, m: number, row: Float64Array): RoundScores {
  return withRows(rs, [m], [row]);
}

/** The field with each of `models`' round scores replaced by its row, in one copy of the values (standard errors kept). */
export function withRows(rs: RoundScores, models: readonly number[], rows: readonly Float64Array[]): RoundScores {
  const grid = roundGrid(rs, Float64Array.from(rs.values));
  models.forEach((m, i) => {
    for (let k = 0; k < rs.rounds; k++) set(grid, k, m, rows[i][k]);
  });
  // Built as every field is (roundScoresFrom): an object of another shape met in the engine's
  // optimised hot loop deoptimised it ("wrong map"), and the twins' first runs paid for recompiling.
  return roundScoresFrom(grid, rs.errors ? roundGrid(rs, rs.errors) : undefined);
}

/** A played twin run: the twin's [E[S], Monte Carlo SE] at the baseline and the harshest setting. */
export interface PlayedTwin {
  /** The model the twin stands in for. */
  model: number;
  baseline: [number, number];
  harshest: [number, number];
}

/** What the twin runs found, independent of the run's own contests (so shard files can carry it). */
export interface TwinFigures {
  /** Contests per setting of each twin run (0 when none was needed). */
  runs: number;
  /** Per model (input order): mean round wins, and whether the model is flat (it is then its own twin). */
  meanWins: number[];
  flat: boolean[];
  /** Flat twins played, and the ceiling model (wins every match) in place of the strongest one. */
  played: PlayedTwin[];
  ceiling?: PlayedTwin;
}

/** A point of the flat curve: a flat model's E[S] at the baseline and its Delta E. */
export interface FlatPoint {
  baseline: number;
  deltaE: number;
  deltaSE: number;
}

export interface ModelTwin {
  baseline: number;
  harshest: number;
  deltaE: number;
  /** Monte Carlo standard error of the twin's Delta E (plus the interpolation gap when between two points). */
  deltaSE: number;
  /** own: the model is flat, its own twin; curve: read off the flat curve at the model's E[S]. */
  source: "own" | "curve";
}

const point = (b: [number, number], h: [number, number]): FlatPoint => ({
  baseline: b[0],
  deltaE: h[0] - b[0],
  deltaSE: Math.hypot(b[1], h[1]),
});

/**
 * The flat curve: Delta E of flat models against their E[S] at the baseline, from the played twins,
 * the flat models of the field (`own`: [E[S], SE] at both settings), the ceiling model when played,
 * and the floor (a model that loses every match scores 0 at any T: (0, 0) exactly). Sorted by E[S].
 */
export function flatCurve(fig: TwinFigures, own: readonly { baseline: [number, number]; harshest: [number, number] }[]): FlatPoint[] {
  const pts: FlatPoint[] = [{ baseline: 0, deltaE: 0, deltaSE: 0 }];
  fig.flat.forEach((f, m) => f && pts.push(point(own[m].baseline, own[m].harshest)));
  for (const p of [...fig.played, ...(fig.ceiling ? [fig.ceiling] : [])]) pts.push(point(p.baseline, p.harshest));
  return pts.sort((a, b) => a.baseline - b.baseline || a.deltaE - b.deltaE);
}

/** The flat twin of a model with E[S] = e0 at the baseline: linear between the nearest points of the curve (the end point beyond it). */
export function twinOnCurve(curve: readonly FlatPoint[], e0: number): ModelTwin {
  let hi = curve.findIndex((p) => p.baseline >= e0);
  if (hi < 0) hi = curve.length - 1;
  const lo = curve[hi].baseline > e0 ? Math.max(0, hi - 1) : hi;
  const a = curve[lo];
  const b = curve[hi];
  const f = b.baseline > a.baseline ? Math.min(1, Math.max(0, (e0 - a.baseline) / (b.baseline - a.baseline))) : 0;
  const deltaE = a.deltaE + f * (b.deltaE - a.deltaE);
  // Linear reading between two points may miss a bend: a quarter of their gap counts as uncertainty (3 SE span it).
  const gap = Math.abs(b.deltaE - a.deltaE) / 12;
  return { baseline: e0, harshest: e0 + deltaE, deltaE, deltaSE: Math.max(a.deltaSE, b.deltaSE) + gap, source: "curve" };
}

/** Every model's twin: itself when flat, else the flat curve at its own E[S] at the baseline. */
export function completeTwins(fig: TwinFigures, own: readonly { baseline: [number, number]; harshest: [number, number] }[]): ModelTwin[] {
  const curve = flatCurve(fig, own);
  return own.map((o, m) =>
    fig.flat[m] ? { ...point(o.baseline, o.harshest), harshest: o.harshest[0], source: "own" } : twinOnCurve(curve, o.baseline[0]),
  );
}
