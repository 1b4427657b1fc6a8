/**
 * The Bradley-Terry fit: ridge-penalised maximum likelihood on battle counts, by coordinate Newton
 * sweeps over full rows of pair counts, finished by whole-vector Newton steps when the sweeps crawl.
 */

import type { BattleCounts } from "./battles.js";
import { battleTableFromCounts, type PairTable, tableGroups } from "./bradley-terry-table.js";
import { choleskyInPlace, choleskySolve } from "./cholesky.js";

/** Default ridge lambda on beta (log10-odds units). */
export const BT_DEFAULT_RIDGE = 0.01;
const LN10 = Math.LN10;
/** Coordinate sweeps at most (a fit that reaches them reports converged: false). */
export const MAX_SWEEPS = 10000;
const TOL = 1e-10;
const SAFE_STEP = 0.25;
/**
 * Coordinate sweeps converge in 15-60 sweeps on real multi-benchmark tables but crawl when the
 * battles are nearly separable (one column: 3,300 sweeps at 348 models). A fit still running after
 * this many sweeps switches to Newton steps on the whole vector (a dense n x n solve each, so only
 * up to NEWTON_MAX_MODELS models, about 0.2 s a step at the limit).
 */
const NEWTON_AFTER_SWEEPS = 50;
const NEWTON_MAX_MODELS = 1000;
const MAX_NEWTON_STEPS = 200;

/** One penalised maximum-likelihood fit. */
export interface BradleyTerryFit {
  /** beta per model (log10-odds units, mean 0 within each connected group of models). */
  beta: Float64Array;
  sweeps: number;
  /** Newton steps taken after the sweeps (0 when the sweeps converged on their own). */
  newtonSteps: number;
  converged: boolean;
  /** Minus the objective's second derivative in each beta (the diagonal Fisher information, ridge included), from the last sweep. */
  curvature: Float64Array;
}

/** How a fit runs: where it starts, when it stops, and how the sweeps step. */
export interface FitSettings {
  /** Starting point (default: all zero). */
  start?: Float64Array;
  /** Stop when no coordinate moves by more than this (beta units; default 1e-10 = 4e-8 rating points). */
  tol?: number;
  /** Sweeps before Newton steps take over (default 50; Infinity: never). */
  newtonAfter?: number;
  /**
   * Over-relaxation of short steps (default 1: plain coordinate Newton). A short Newton step times
   * relax in (1, 2) still raises a locally quadratic objective, and cuts the sweeps a warm-started
   * fit needs by about a third (successive over-relaxation).
   */
  relax?: number;
  /** Group id per model (connected components of the battles), when the caller has them already. */
  groups?: Int32Array;
}

/** log(sigmoid(x)), stable for large |x|. */
function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/** Connected groups of models (an edge wherever two models have battled), as a group id per model. */
export function battleGroups(counts: BattleCounts): Int32Array {
  return tableGroups(battleTableFromCounts(counts)).group;
}

/**
 * Maximise sum_{a != b} W_ab log sigmoid(ln10 (beta_a - beta_b)) - (ridge / 2) sum beta^2, where
 * W_ab = wins of a over b + half their ties. Cyclic coordinate Newton steps (capped at 1; a step
 * longer than 0.25 is halved until the objective does not drop; shorter ones provably raise it),
 * then an exact re-centring of each connected group (the likelihood is flat along those shifts; the
 * ridge puts each group's mean at 0). A fit still running after `newtonAfter` sweeps (nearly
 * separable battles) finishes with damped Newton steps on the whole vector (up to 1000 models).
 */
export function fitBradleyTerry(
  counts: BattleCounts,
  ridge = BT_DEFAULT_RIDGE,
  start?: Float64Array,
  tol = TOL,
  newtonAfter = NEWTON_AFTER_SWEEPS,
): BradleyTerryFit {
  return fitPairTable(battleTableFromCounts(counts), ridge, { start, tol, newtonAfter });
}

/** fitBradleyTerry on a pair table. */
export function fitPairTable(table: PairTable, ridge = BT_DEFAULT_RIDGE, settings: FitSettings = {}): BradleyTerryFit {
  if (!(ridge > 0)) throw new Error("Bradley-Terry needs a positive ridge penalty (the MLE may not exist without one)");
  const { n } = table;
  const tol = settings.tol ?? TOL;
  const newtonAfter = settings.newtonAfter ?? NEWTON_AFTER_SWEEPS;
  const relax = settings.relax ?? 1;
  const group = settings.groups ?? tableGroups(table).group;
  const beta = settings.start ? Float64Array.from(settings.start) : new Float64Array(n);
  const pi = new Float64Array(n); // strengths 10^beta: p(a beats b) = pi_a / (pi_a + pi_b), no exp per pair
  const curvature = new Float64Array(n);
  const derivs = new Float64Array(2);
  let sweeps = 0;
  let converged = false;
  let newtonSteps = 0;
  while (sweeps < MAX_SWEEPS && !converged) {
    if (sweeps === newtonAfter && n <= NEWTON_MAX_MODELS) {
      const newton = newtonFit(table, beta, ridge, group, tol);
      newtonSteps = newton.steps;
      if (newton.converged) return { beta, sweeps, newtonSteps, converged: true, curvature };
    }
    sweeps++;
    for (let m = 0; m < n; m++) pi[m] = 10 ** beta[m];
    let maxStep = 0;
    for (let a = 0; a < n; a++) {
      rowDerivatives(table, a, beta[a], pi, ridge, derivs);
      curvature[a] = derivs[1];
      let step = Math.max(-1, Math.min(1, derivs[0] / derivs[1]));
      // Along a step of length s each logistic term's curvature changes by at most a factor 10^s, so
      // a Newton step with 10^s < 2 (s < log10 2 = 0.301) always raises the objective: only longer
      // steps need checking, and they are halved until they are short enough or the slope at their
      // end still points along them (the objective is concave, so it then rose all the way: one
      // pass of divisions, where comparing objectives took two logarithms per pair).
      if (Math.abs(step) > SAFE_STEP) {
        while (Math.abs(step) > SAFE_STEP && slopeAt(table, a, beta[a] + step, pi, ridge, derivs) * step < 0) step /= 2;
      } else if (Math.abs(step) <= SAFE_STEP / 2) step *= relax;
      beta[a] += step;
      pi[a] = 10 ** beta[a];
      maxStep = Math.max(maxStep, Math.abs(step));
    }
    recentre(beta, group);
    converged = maxStep < tol;
  }
  return { beta, sweeps, newtonSteps, converged, curvature };
}

/** a's sums over opponents b in [from, to): sum (W_ab - n_ab p) into acc[0], sum n_ab p (1 - p) into acc[1]. */
function rowSums(
  win2: Uint16Array | Float64Array,
  games: Uint16Array | Float64Array,
  pi: Float64Array,
  row: number,
  pa: number,
  from: number,
  to: number,
  acc: Float64Array,
): void {
  let slope = 0;
  let curv = 0;
  for (let b = from; b < to; b++) {
    const nab = games[row + b];
    const pb = pi[b];
    const r = 1 / (pa + pb);
    const p = pa * r;
    slope += 0.5 * win2[row + b] - nab * p;
    curv += nab * p * (pb * r);
  }
  acc[0] += slope;
  acc[1] += curv;
}

/**
 * The objective's slope in beta[a] into out[0] and its curvature (minus the second derivative) into
 * out[1], at strengths pi = 10^beta. The row is read in two runs around the diagonal (no branch per
 * pair), ln 10 factored out of the sums.
 */
function rowDerivatives(table: PairTable, a: number, betaA: number, pi: Float64Array, ridge: number, out: Float64Array): void {
  const { n, win2, games } = table;
  const acc = out;
  acc[0] = 0;
  acc[1] = 0;
  rowSums(win2, games, pi, a * n, pi[a], 0, a, acc);
  rowSums(win2, games, pi, a * n, pi[a], a + 1, n, acc);
  out[0] = LN10 * acc[0] - ridge * betaA;
  out[1] = LN10 * LN10 * acc[1] + ridge;
}

/** The objective's slope in beta[a] at beta[a] = x, the others fixed (for the step-length check; pi[a] is left as is). */
function slopeAt(table: PairTable, a: number, x: number, pi: Float64Array, ridge: number, work: Float64Array): number {
  const { n, win2, games } = table;
  work[0] = 0;
  work[1] = 0;
  const pa = 10 ** x;
  rowSums(win2, games, pi, a * n, pa, 0, a, work);
  rowSums(win2, games, pi, a * n, pa, a + 1, n, work);
  return LN10 * work[0] - ridge * x;
}

/** The penalised log-likelihood of the whole vector (each pair counted once). */
function totalObjective(table: PairTable, beta: Float64Array, ridge: number): number {
  const { n, win2 } = table;
  let f = 0;
  for (let a = 0; a < n; a++) {
    f -= 0.5 * ridge * beta[a] * beta[a];
    for (let b = a + 1; b < n; b++) {
      const d = LN10 * (beta[a] - beta[b]);
      f += 0.5 * win2[a * n + b] * logSigmoid(d) + 0.5 * win2[b * n + a] * logSigmoid(-d);
    }
  }
  return f;
}

/** The gradient into g and minus the Hessian into h (n x n), at strengths pi = 10^beta. */
function gradientAndHessian(table: PairTable, beta: Float64Array, pi: Float64Array, ridge: number, g: Float64Array, h: Float64Array): void {
  const { n, win2, games } = table;
  h.fill(0);
  for (let a = 0; a < n; a++) {
    let slope = 0;
    let curv = 0;
    for (let b = 0; b < n; b++) {
      if (b === a) continue;
      const nab = games[a * n + b];
      const pa = pi[a];
      const pb = pi[b];
      const p = pa / (pa + pb);
      const w = LN10 * LN10 * nab * p * (pb / (pa + pb));
      slope += 0.5 * win2[a * n + b] - nab * p;
      curv += w;
      h[a * n + b] = -w;
    }
    g[a] = LN10 * slope - ridge * beta[a];
    h[a * n + a] = curv + ridge;
  }
}

/**
 * Damped Newton steps on the whole vector, in place: solve H d = g (H the penalised negative
 * Hessian, positive definite thanks to the ridge); a long step is halved until the objective rises
 * by at least 1e-4 of the predicted gain (Armijo), a short one is taken whole. Converged when a step
 * moves no beta by more than `tol` or the slope is down to rounding; gives up (converged false, beta
 * at the best point so far) if H is not numerically positive definite or the step stops helping.
 */
function newtonFit(
  table: PairTable,
  beta: Float64Array,
  ridge: number,
  group: Int32Array,
  tol: number,
): { steps: number; converged: boolean } {
  const { n, games } = table;
  const h = new Float64Array(n * n);
  const g = new Float64Array(n);
  const pi = new Float64Array(n);
  // A slope this small is rounding: each of its terms is at most ln10 times a pair's battle count.
  const slopeFloor = new Float64Array(n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) slopeFloor[a] += LN10 * games[a * n + b];
  for (let steps = 1; steps <= MAX_NEWTON_STEPS; steps++) {
    for (let m = 0; m < n; m++) pi[m] = 10 ** beta[m];
    gradientAndHessian(table, beta, pi, ridge, g, h);
    let atFloor = true;
    for (let a = 0; a < n; a++) atFloor &&= Math.abs(g[a]) <= 64 * Number.EPSILON * (slopeFloor[a] + ridge * Math.abs(beta[a]));
    // As exact as doubles allow: under a tiny ridge on separable battles the curvature can be so
    // small that this rounding still moves beta by more than tol, and no step can do better.
    if (atFloor) return { steps, converged: true };
    if (!choleskyInPlace(h, n)) return { steps, converged: false };
    const d = choleskySolve(h, n, g);
    // The group indicators are eigenvectors of H (eigenvalue ridge), so dropping each group's mean
    // from d is the exact Newton step within zero-mean betas, where the optimum lies; it also drops
    // the rounding noise of g along those directions, which a tiny ridge would blow up into steps
    // that never fall below tol.
    recentre(d, group);
    let full = 0;
    for (let m = 0; m < n; m++) full = Math.max(full, Math.abs(d[m]));
    // Along the step each pair's curvature changes by at most a factor 10^(2 max|d|): below 10^0.25
    // (< 2) the full Newton step provably raises the objective, as in the sweeps, so only longer
    // steps are checked against the objective (whose rounding would hide the gain of short ones).
    let t = 1;
    if (full > SAFE_STEP / 2) {
      let gain = 0;
      for (let m = 0; m < n; m++) gain += g[m] * d[m];
      const before = totalObjective(table, beta, ridge);
      const trial = new Float64Array(n);
      for (;;) {
        for (let m = 0; m < n; m++) trial[m] = beta[m] + t * d[m];
        if (totalObjective(table, trial, ridge) >= before + 1e-4 * t * gain) break;
        t /= 2;
        if (t < 1e-12) return { steps, converged: false };
      }
    }
    for (let m = 0; m < n; m++) beta[m] += t * d[m];
    recentre(beta, group);
    if (t * full < tol) return { steps, converged: true };
  }
  return { steps: MAX_NEWTON_STEPS, converged: false };
}

/** Subtracts each group's mean from its members. */
function recentre(beta: Float64Array, group: Int32Array): void {
  let groups = 0;
  for (const g of group) groups = Math.max(groups, g + 1);
  const sum = new Float64Array(groups);
  const size = new Float64Array(groups);
  for (let m = 0; m < beta.length; m++) {
    sum[group[m]] += beta[m];
    size[group[m]]++;
  }
  for (let m = 0; m < beta.length; m++) beta[m] -= sum[group[m]] / size[group[m]];
}
