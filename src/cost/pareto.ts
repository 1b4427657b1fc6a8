/**
 * Cost-quality Pareto frontiers. Model a dominates model b when a costs no more and scores no less,
 * and is strictly better on at least one of the two. The frontier is the models nobody dominates.
 * Ties are exact: two models with the same cost and the same score do not dominate each other, so
 * both stay on the frontier (and are listed as tied). Points with an unknown (NaN) cost or score are
 * left out and listed. When values are Monte Carlo estimates (E[S_m], with standard errors), a
 * model whose status would flip if values within Z combined standard errors were equal is listed
 * as uncertain: the exact frontier is kept, and the doubt is said. Pure.
 */

/** Values closer than this many combined standard errors, sqrt(se_a^2 + se_b^2), may be noise. */
export const NOISE_Z = 2;

export interface ParetoPoint {
  model: string;
  /** Lower is better (USD). */
  cost: number;
  /** Higher is better (a score, E[S_m]). */
  value: number;
  /** Standard error of the value, when it is an estimate. */
  se?: number;
}

export interface ParetoResult {
  /** Frontier models, cheapest first (ties on cost: higher value first, then input order). */
  frontier: string[];
  /** Every dominated model with the frontier models that dominate it, cheapest first. */
  dominated: { model: string; by: string[] }[];
  /** Groups of frontier models at exactly the same (cost, value). */
  ties: string[][];
  /** Models without a known cost or value. */
  leftOut: string[];
  /** Models whose status rests on a value difference within the noise (only for points with se). */
  uncertain: string[];
}

/** b is surely dominated (some a costs no more and is better beyond the noise), surely not
 * (nobody costing no more comes within the noise), or neither. */
function uncertainModels(valid: readonly ParetoPoint[]): string[] {
  const tol = (a: ParetoPoint, b: ParetoPoint) => NOISE_Z * Math.hypot(a.se ?? 0, b.se ?? 0);
  return valid
    .filter((b) => {
      const rivals = valid.filter((a) => a !== b && a.cost <= b.cost);
      const surelyDominated = rivals.some((a) => a.value > b.value + tol(a, b));
      const surelyFront = rivals.every((a) => a.value < b.value - tol(a, b));
      return !surelyDominated && !surelyFront;
    })
    .map((p) => p.model);
}

export function dominates(a: ParetoPoint, b: ParetoPoint): boolean {
  return a.cost <= b.cost && a.value >= b.value && (a.cost < b.cost || a.value > b.value);
}

export function paretoFrontier(points: readonly ParetoPoint[]): ParetoResult {
  const valid = points.filter((p) => !Number.isNaN(p.cost) && !Number.isNaN(p.value));
  const leftOut = points.filter((p) => Number.isNaN(p.cost) || Number.isNaN(p.value)).map((p) => p.model);
  const order = valid.map((_, i) => i).sort((i, j) => valid[i].cost - valid[j].cost || valid[j].value - valid[i].value || i - j);
  const onFrontier = order.filter((i) => !valid.some((q) => dominates(q, valid[i])));
  const front = new Set(onFrontier);
  const dominated = order
    .filter((i) => !front.has(i))
    .map((i) => ({ model: valid[i].model, by: onFrontier.filter((f) => dominates(valid[f], valid[i])).map((f) => valid[f].model) }));
  const ties: string[][] = [];
  for (let k = 0; k < onFrontier.length; ) {
    const a = valid[onFrontier[k]];
    let e = k + 1;
    while (e < onFrontier.length && valid[onFrontier[e]].cost === a.cost && valid[onFrontier[e]].value === a.value) e++;
    if (e - k > 1) ties.push(onFrontier.slice(k, e).map((i) => valid[i].model));
    k = e;
  }
  const uncertain = valid.some((p) => p.se !== undefined) ? uncertainModels(valid) : [];
  return { frontier: onFrontier.map((i) => valid[i].model), dominated, ties, leftOut, uncertain };
}
