/**
 * Failure Sensitivity Analysis: how much of its Expected Win Score each model keeps when losers are
 * eliminated, and a generalist / specialist label with a stated rule.
 */

export type RobustnessLabel = "generalist" | "balanced" | "specialist";

export interface ModelSensitivity {
  model: string;
  /** E[S_m] at the baseline (T = 0) and at the harshest setting. */
  baseline: number;
  harshest: number;
  /** harshest - baseline. */
  deltaE: number;
  /** Standard error of deltaE (treating the two estimates as independent: conservative). */
  deltaSE: number;
  /** deltaE minus the field's linear trend of deltaE on baseline. */
  residual: number;
  label: RobustnessLabel;
}

export interface SensitivityResult {
  baselineLabel: string;
  harshestLabel: string;
  /** The labelling rule in words, printed with every table. */
  rule: string;
  /** Fitted trend deltaE = intercept + slope * baseline, and the residual scale used. */
  intercept: number;
  slope: number;
  residualScale: number;
  models: ModelSensitivity[];
}

export const LABEL_RULE =
  "Delta E = E[S|harshest T] - E[S|T=0]. Every model loses points under elimination, and stronger models have more to lose, " +
  "so each Delta E is compared with the field's least-squares line of Delta E on E[S|T=0]. " +
  "specialist: more than z below that line; generalist: more than z above; balanced otherwise, " +
  "where z = max(1.4826 x median absolute residual, 3 x the model's Monte Carlo standard error of Delta E).";

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? Number.NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

export interface SensitivityInput {
  models: readonly string[];
  baselineLabel: string;
  harshestLabel: string;
  baseline: { expectedScore: number; standardError: number }[];
  harshest: { expectedScore: number; standardError: number }[];
}

export function failureSensitivity(input: SensitivityInput): SensitivityResult {
  const x = input.baseline.map((o) => o.expectedScore);
  const d = input.harshest.map((o, m) => o.expectedScore - x[m]);
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const md = d.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxd = 0;
  for (let m = 0; m < n; m++) {
    sxx += (x[m] - mx) ** 2;
    sxd += (x[m] - mx) * (d[m] - md);
  }
  const slope = sxx > 0 ? sxd / sxx : 0;
  const intercept = md - slope * mx;
  const residuals = d.map((dm, m) => dm - (intercept + slope * x[m]));
  const scale = 1.4826 * median(residuals.map(Math.abs));
  const models = input.models.map((model, m): ModelSensitivity => {
    const deltaSE = Math.hypot(input.baseline[m].standardError, input.harshest[m].standardError);
    const z = Math.max(scale, 3 * deltaSE);
    const r = residuals[m];
    const label: RobustnessLabel = n < 3 ? "balanced" : r < -z ? "specialist" : r > z ? "generalist" : "balanced";
    return { model, baseline: x[m], harshest: input.harshest[m].expectedScore, deltaE: d[m], deltaSE, residual: r, label };
  });
  return {
    baselineLabel: input.baselineLabel,
    harshestLabel: input.harshestLabel,
    rule: n < 3 ? `${LABEL_RULE} (fewer than 3 models: every model is labelled balanced)` : LABEL_RULE,
    intercept,
    slope,
    residualScale: scale,
    models,
  };
}
