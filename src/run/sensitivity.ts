/**
 * Failure Sensitivity Analysis: how much of its Expected Win Score each model keeps when losers are
 * eliminated, and a generalist / specialist label measured against the model's flat twin: a model
 * of the same E[S] at the baseline that wins equally often in every round, in the same field.
 * Delta E is curved in E[S] (nothing to lose at the floor, nothing lost at the ceiling), so a
 * field-wide line mislabels both ends; the twin sits at the model's own level, and the curve of flat
 * models ends exactly at the floor (0, 0) and at the ceiling model, played in the same field.
 */
import { completeTwins, type FlatPoint, flatCurve, type TwinFigures } from "./twin.js";

export type RobustnessLabel = "generalist" | "balanced" | "specialist" | "undetermined";

export interface ModelSensitivity {
  model: string;
  /** E[S_m] at the baseline (T = 0) and at the harshest setting. */
  baseline: number;
  harshest: number;
  /** harshest - baseline. */
  deltaE: number;
  /** Monte Carlo standard error of deltaE (the two estimates treated as independent: conservative). */
  deltaSE: number;
  /** The flat twin (a model of the same E[S] at the baseline that wins equally often in every round): its E[S] at both settings and Delta E (absent when no twins were played). */
  twin?: { baseline: number; harshest: number; deltaE: number; deltaSE: number; source: "own" | "curve" };
  /** deltaE - the twin's deltaE: below 0, the profile costs the model points under elimination. */
  profileEffect?: number;
  /** Monte Carlo standard error of profileEffect. */
  profileSE?: number;
  /** The band |profileEffect| must clear: max(floor, 10% of the twin's loss, 3 x profileSE). */
  threshold?: number;
  /** With --bootstrap: 95% interval of deltaE over the data resamples. */
  deltaInterval?: [number, number];
  label: RobustnessLabel;
}

export interface SensitivityResult {
  baselineLabel: string;
  harshestLabel: string;
  /** The labelling rule in words, printed with every table. */
  rule: string;
  /** The practical-significance floor in points, and the contests per setting of each twin run. */
  floor: number;
  twinRuns: number;
  /** Twin runs played (flat twins of non-flat models, and the ceiling model). */
  twinsPlayed: number;
  /** The flat curve the twins are read from: flat models' E[S] at the baseline and Delta E, by E[S]. */
  flatCurve: FlatPoint[];
  models: ModelSensitivity[];
}

/** Differences under this many points (a tenth of a match win) are never a label. */
export const PRACTICAL_FLOOR = 0.1;
/** ... nor under this share of what the twin loses. */
export const RELATIVE_FLOOR = 0.1;

export const LABEL_RULE =
  "Each model is compared with its flat twin: a model with the same E[S|T=0] that wins equally often in every round, " +
  "read off a curve of Delta E against E[S|T=0] of flat models played in the same field with the same seed " +
  "(each model's flat version, which wins the model's mean number of matches in every round; the ceiling model, which wins every match; " +
  "and the floor, 0 at any T). Delta E = E[S|harshest T] - E[S|T=0]; profile effect D = Delta E - the twin's Delta E. " +
  "specialist: D < -b and the model loses more than 0.1 points (Delta E < -0.1); generalist: D > +b; balanced otherwise, " +
  "where b = max(0.1 points, 10% of the twin's |Delta E|, 3 x the Monte Carlo standard error of D). " +
  "A model that wins the same number of matches in every round (at the top or bottom of every round, say) is its own twin: D = 0, balanced.";

export const BOOTSTRAP_CLAUSE =
  " With --bootstrap, a label also needs the 95% bootstrap interval of Delta E to lie wholly beyond the twin's Delta E (else balanced).";

export const NO_TWIN_RULE =
  "No flat twins were played for this result (a merged or hand-built result): every model is labelled undetermined.";

export interface SensitivityInput {
  models: readonly string[];
  baselineLabel: string;
  harshestLabel: string;
  baseline: { expectedScore: number; standardError: number }[];
  harshest: { expectedScore: number; standardError: number }[];
  /** The flat twins (from flatTwins), in input order. Without them every label is undetermined. */
  twins?: TwinFigures;
}

/** The label from the figures (pure; the rule above, in code). */
export function labelFor(
  deltaE: number,
  profileEffect: number,
  threshold: number,
  interval?: [number, number],
  twinDelta = 0,
): RobustnessLabel {
  const beyondData = (below: boolean) => !interval || (below ? interval[1] < twinDelta : interval[0] > twinDelta);
  if (profileEffect < -threshold && deltaE < -PRACTICAL_FLOOR && beyondData(true)) return "specialist";
  if (profileEffect > threshold && beyondData(false)) return "generalist";
  return "balanced";
}

export function failureSensitivity(input: SensitivityInput): SensitivityResult {
  const pair = (o: { expectedScore: number; standardError: number }): [number, number] => [o.expectedScore, o.standardError];
  const own = input.models.map((_, m) => ({ baseline: pair(input.baseline[m]), harshest: pair(input.harshest[m]) }));
  const twins = input.twins ? completeTwins(input.twins, own) : undefined;
  const models = input.models.map((model, m): ModelSensitivity => {
    const baseline = input.baseline[m].expectedScore;
    const harshest = input.harshest[m].expectedScore;
    const deltaE = harshest - baseline;
    const deltaSE = Math.hypot(input.baseline[m].standardError, input.harshest[m].standardError);
    const base = { model, baseline, harshest, deltaE, deltaSE };
    const t = twins?.[m];
    if (!t) return { ...base, label: "undetermined" };
    const own = t.source === "own";
    const profileEffect = own ? 0 : deltaE - t.deltaE;
    const profileSE = own ? 0 : Math.hypot(deltaSE, t.deltaSE);
    const threshold = Math.max(PRACTICAL_FLOOR, RELATIVE_FLOOR * Math.abs(t.deltaE), 3 * profileSE);
    return {
      ...base,
      twin: { baseline: t.baseline, harshest: t.harshest, deltaE: t.deltaE, deltaSE: t.deltaSE, source: t.source },
      profileEffect,
      profileSE,
      threshold,
      label: labelFor(deltaE, profileEffect, threshold),
    };
  });
  return {
    baselineLabel: input.baselineLabel,
    harshestLabel: input.harshestLabel,
    rule: input.twins ? LABEL_RULE : NO_TWIN_RULE,
    floor: PRACTICAL_FLOOR,
    twinRuns: input.twins?.runs ?? 0,
    twinsPlayed: input.twins ? input.twins.played.length + (input.twins.ceiling ? 1 : 0) : 0,
    flatCurve: input.twins ? flatCurve(input.twins, own) : [],
    models,
  };
}

/** The labels again with the data's uncertainty: `intervals` maps a model to its bootstrap 95% interval of Delta E. */
export function withDataUncertainty(s: SensitivityResult, intervals: ReadonlyMap<string, [number, number]>): SensitivityResult {
  return {
    ...s,
    rule: s.rule === NO_TWIN_RULE ? s.rule : s.rule + BOOTSTRAP_CLAUSE,
    models: s.models.map((m) => {
      const interval = intervals.get(m.model);
      if (!interval || m.profileEffect === undefined || m.threshold === undefined || !m.twin) return m;
      return { ...m, deltaInterval: interval, label: labelFor(m.deltaE, m.profileEffect, m.threshold, interval, m.twin.deltaE) };
    }),
  };
}
