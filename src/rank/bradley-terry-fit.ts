/**
 * The Bradley-Terry fit: ridge-penalised maximum likelihood on battle counts, by coordinate Newton
 * sweeps, finished by whole-vector Newton steps when the sweeps crawl.
 */

import { type BattleCounts, pairBattles } from "./battles.js";
import { choleskyInPlace, choleskySolve } from "./cholesky.js";

/** Default ridge lambda on beta (log10-odds units). */
export const BT_DEFAULT_RIDGE = 0.01;
const LN10 = Math.LN10;
/** Coordinate sweeps at most (a fit that reaches them reports converged: false). */
export const MAX_SWEEPS = 10000;
const TOL = 1e-10;
const SAFE_STEP = 0.25;
/**
 * Coordinate sweeps converge in 15-35 sweeps on real multi-benchmark tables but crawl when the
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
}

/** Each model's opponents as compressed rows: opp[k], wFor[k] = W_ab, wAgainst[k] = W_ba for k in row a. */
interface PairRows {
  rowStart: Int32Array;
  opp: Int32Array;
  wFor: Float64Array;
  wAgainst: Float64Array;
}

function pairRows(counts: BattleCounts): PairRows {
  const n = counts.models.length;
  const rowStart = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) {
    let deg = 0;
    for (let b = 0; b < n; b++) if (b !== a && pairBattles(counts, a, b) > 0) deg++;
    rowStart[a + 1] = rowStart[a] + deg;
  }
  const opp = new Int32Array(rowStart[n]);
  const wFor = new Float64Array(rowStart[n]);
  const wAgainst = new Float64Array(rowStart[n]);
  for (let a = 0, k = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (b === a || pairBattles(counts, a, b) === 0) continue;
      opp[k] = b;
      wFor[k] = counts.wins[a * n + b] + 0.5 * counts.ties[a * n + b];
      wAgainst[k] = counts.wins[b * n + a] + 0.5 * counts.ties[b * n + a];
      k++;
    }
  }
  return { rowStart, opp, wFor, wAgainst };
}

/** log(sigmoid(x)), stable for large |x|. */
function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/** Connected groups of models (an edge wherever two models have battled), as a group id per model. */
export function battleGroups(counts: BattleCounts): Int32Array {
  const n = counts.models.length;
  const group = new Int32Array(n).fill(-1);
  let next = 0;
  for (let s = 0; s < n; s++) {
    if (group[s] >= 0) continue;
    group[s] = next;
    const stack = [s];
    while (stack.length > 0) {
      const a = stack.pop() as number;
      for (let b = 0; b < n; b++) {
        if (group[b] < 0 && counts.wins[a * n + b] + counts.wins[b * n + a] + counts.ties[a * n + b] > 0) {
          group[b] = next;
          stack.push(b);
        }
      }
    }
    next++;
  }
  return group;
}

/**
 * Maximise sum_{a != b} W_ab log sigmoid(ln10 (beta_a - beta_b)) - (ridge / 2) sum beta^2, where
 * W_ab = wins of a over b + half their ties. Cyclic coordinate Newton steps (capped at 1; a step
 * longer than 0.25 is halved until the objective does not drop; shorter ones provably raise it),
 * then an exact re-centring of each connected group (the likelihood is flat along those shifts; the
 * ridge puts each group's mean at 0). A fit still running after `newtonAfter` sweeps (nearly
 * separable battles) finishes with damped Newton steps on the whole vector (up to 1000 models).
 * Stops when no coordinate moves by more than `tol` (beta units; 1e-10 = 4e-8 rating points).
 */
export function fitBradleyTerry(
  counts: BattleCounts,
  ridge = BT_DEFAULT_RIDGE,
  start?: Float64Array,
  tol = TOL,
  newtonAfter = NEWTON_AFTER_SWEEPS,
): BradleyTerryFit {
  if (!(ridge > 0)) throw new Error("Bradley-Terry needs a positive ridge penalty (the MLE may not exist without one)");
  const n = counts.models.length;
  const rows = pairRows(counts);
  const { rowStart, opp, wFor, wAgainst } = rows;
  const group = battleGroups(counts);
  const beta = start ? Float64Array.from(start) : new Float64Array(n);
  const pi = new Float64Array(n); // strengths 10^beta: p(a beats b) = pi_a / (pi_a + pi_b), no exp per pair
  const objective = (a: number, x: number): number => {
    let f = -0.5 * ridge * x * x;
    for (let k = rowStart[a]; k < rowStart[a + 1]; k++) {
      const d = LN10 * (x - beta[opp[k]]);
      f += wFor[k] * logSigmoid(d) + wAgainst[k] * logSigmoid(-d);
    }
    return f;
  };
  const derivs = new Float64Array(2);
  let sweeps = 0;
  let converged = false;
  let newtonSteps = 0;
  while (sweeps < MAX_SWEEPS && !converged) {
    if (sweeps === newtonAfter && n <= NEWTON_MAX_MODELS) {
      const newton = newtonFit(rows, beta, ridge, group, tol);
      newtonSteps = newton.steps;
      if (newton.converged) return { beta, sweeps, newtonSteps, converged: true };
    }
    sweeps++;
    for (let m = 0; m < n; m++) pi[m] = 10 ** beta[m];
    let maxStep = 0;
    for (let a = 0; a < n; a++) {
      rowDerivatives(rows, a, beta, pi, ridge, derivs);
      let step = Math.max(-1, Math.min(1, derivs[0] / derivs[1]));
      // Along a step of length s each logistic term's curvature changes by at most a factor 10^s, so
      // a Newton step with 10^s < 2 (s < log10 2 = 0.301) always raises the objective: only longer
      // steps need checking, and they are halved until they raise it or are short enough.
      if (Math.abs(step) > SAFE_STEP) {
        const before = objective(a, beta[a]);
        while (Math.abs(step) > SAFE_STEP && objective(a, beta[a] + step) < before) step /= 2;
      }
      beta[a] += step;
      pi[a] = 10 ** beta[a];
      maxStep = Math.max(maxStep, Math.abs(step));
    }
    recentre(beta, group);
    converged = maxStep < tol;
  }
  return { beta, sweeps, newtonSteps, converged };
}

/**
 * The objective's slope in beta[a] into out[0] and its curvature (minus the second derivative) into
 * out[1], at strengths pi = 10^beta; with `hessian`, minus the mixed second derivatives in beta[a]
 * and beta[b] go to hessian[at + b].
 */
function rowDerivatives(
  rows: PairRows,
  a: number,
  beta: Float64Array,
  pi: Float64Array,
  ridge: number,
  out: Float64Array,
  hessian?: Float64Array,
  at = 0,
): void {
  const { rowStart, opp, wFor, wAgainst } = rows;
  let grad = -ridge * beta[a];
  let curv = ridge;
  const pa = pi[a];
  for (let k = rowStart[a]; k < rowStart[a + 1]; k++) {
    const nab = wFor[k] + wAgainst[k];
    const pb = pi[opp[k]];
    const p = pa / (pa + pb);
    const w = LN10 * LN10 * nab * p * (pb / (pa + pb));
    grad += LN10 * (wFor[k] - nab * p);
    curv += w;
    if (hessian) hessian[at + opp[k]] = -w;
  }
  out[0] = grad;
  out[1] = curv;
}

/** The penalised log-likelihood of the whole vector (each pair counted once). */
function totalObjective(rows: PairRows, beta: Float64Array, ridge: number): number {
  const { rowStart, opp, wFor, wAgainst } = rows;
  let f = 0;
  for (let a = 0; a < beta.length; a++) {
    f -= 0.5 * ridge * beta[a] * beta[a];
    for (let k = rowStart[a]; k < rowStart[a + 1]; k++) {
      const b = opp[k];
      if (b < a) continue;
      const d = LN10 * (beta[a] - beta[b]);
      f += wFor[k] * logSigmoid(d) + wAgainst[k] * logSigmoid(-d);
    }
  }
  return f;
}

/**
 * Damped Newton steps on the whole vector, in place: solve H d = g (H the penalised negative
 * Hessian, positive definite thanks to the ridge); a long step is halved until the objective rises
 * by at least 1e-4 of the predicted gain (Armijo), a short one is taken whole. Converged when a step
 * moves no beta by more than `tol` or the slope is down to rounding; gives up (converged false, beta
 * at the best point so far) if H is not numerically positive definite or the step stops helping.
 */
function newtonFit(
  rows: PairRows,
  beta: Float64Array,
  ridge: number,
  group: Int32Array,
  tol: number,
): { steps: number; converged: boolean } {
  const n = beta.length;
  const h = new Float64Array(n * n);
  const g = new Float64Array(n);
  const pi = new Float64Array(n);
  const derivs = new Float64Array(2);
  // A slope this small is rounding: each of its terms is at most ln10 times a pair's battle count.
  const slopeFloor = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    for (let k = rows.rowStart[a]; k < rows.rowStart[a + 1]; k++) slopeFloor[a] += LN10 * (rows.wFor[k] + rows.wAgainst[k]);
  }
  for (let steps = 1; steps <= MAX_NEWTON_STEPS; steps++) {
    for (let m = 0; m < n; m++) pi[m] = 10 ** beta[m];
    h.fill(0);
    let atFloor = true;
    for (let a = 0; a < n; a++) {
      rowDerivatives(rows, a, beta, pi, ridge, derivs, h, a * n);
      g[a] = derivs[0];
      h[a * n + a] = derivs[1];
      atFloor &&= Math.abs(g[a]) <= 64 * Number.EPSILON * (slopeFloor[a] + ridge * Math.abs(beta[a]));
    }
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
      const before = totalObjective(rows, beta, ridge);
      const trial = new Float64Array(n);
      for (;;) {
        for (let m = 0; m < n; m++) trial[m] = beta[m] + t * d[m];
        if (totalObjective(rows, trial, ridge) >= before + 1e-4 * t * gain) break;
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

function recentre(beta: Float64Array, group: Int32Array): void {
  const sums = new Map<number, [number, number]>();
  group.forEach((g, m) => {
    const s = sums.get(g) ?? [0, 0];
    s[0] += beta[m];
    s[1]++;
    sums.set(g, s);
  });
  group.forEach((g, m) => {
    const s = sums.get(g) as [number, number];
    beta[m] -= s[0] / s[1];
  });
}
