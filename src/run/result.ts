/** Tallies + configuration -> the plain-data result every output renders. Pure. */

import { pointsPerContest } from "../engine/points.js";
import { eliminationPressure } from "../engine/schedule.js";
import { type ModelOutcome, rankDistribution, summariseTally } from "../engine/summary.js";
import type { Tally } from "../engine/types.js";
import { VERSION } from "../version.js";
import type { BootstrapResult } from "./bootstrap.js";
import type { RankConfig } from "./config.js";
import type { NoiseReport } from "./noise.js";
import { failureSensitivity, type SensitivityResult } from "./sensitivity.js";
import type { TwinFigures } from "./twin.js";

export interface SettingResult {
  /** The elimination setting as written ("1" or "0:1:1:2"). */
  T: string;
  schedule: number[];
  /** Points handed out in every contest (the same in all of them). */
  pointsPerContest: number;
  /** Models by rank. */
  models: ModelOutcome[];
  /** Final-position shares, rows in input model order, only with --rank-distribution. */
  rankDistribution?: { models: string[]; positions: number[][] };
}

export interface RankResult {
  tool: { name: "swissround"; version: string };
  config: RankConfig;
  notes: string[];
  results: SettingResult[];
  sensitivity?: SensitivityResult;
  /** Bootstrap intervals, P(A above B), tie groups (with --bootstrap). */
  uncertainty?: BootstrapResult;
  /** Signal and noise of every benchmark and round (when the input says anything about noise). */
  noise?: NoiseReport;
  /** What --precision did. */
  precision?: { target: number; runs: number; reached: boolean; worstStandardError: number };
}

/** Indices of the mildest and harshest settings (the Failure Sensitivity pair), when there are two or more. */
export function sensitivityPair(config: RankConfig): [number, number] | undefined {
  if (config.settings.length < 2) return undefined;
  const order = config.settings
    .map((_, i) => i)
    .sort((a, b) => eliminationPressure(config.settings[a]) - eliminationPressure(config.settings[b]));
  return [order[0], order[order.length - 1]];
}

/** `twins`: the flat twins for the labels (playFlatTwins); without them the labels are "undetermined". */
export function assembleResult(config: RankConfig, tallies: readonly Tally[], notes: readonly string[], twins?: TwinFigures): RankResult {
  const names = config.input.models;
  const outcomes = tallies.map((t) => summariseTally(t, names));
  const results = config.settings.map((s, i): SettingResult => {
    const byRank = [...outcomes[i]].sort((a, b) => a.rank - b.rank);
    return {
      T: s.label,
      schedule: s.schedule,
      pointsPerContest: pointsPerContest(names.length, s.schedule),
      models: byRank,
      ...(config.rankDistribution ? { rankDistribution: { models: names, positions: rankDistribution(tallies[i]) } } : {}),
    };
  });
  const allNotes = [...notes];
  let sensitivity: SensitivityResult | undefined;
  const pair = sensitivityPair(config);
  if (pair) {
    const [lo, hi] = pair;
    if (eliminationPressure(config.settings[lo]) !== 0) {
      allNotes.push(`no T = 0 setting: Delta E is measured from the mildest setting, T = ${config.settings[lo].label}`);
    }
    sensitivity = failureSensitivity({
      models: names,
      baselineLabel: config.settings[lo].label,
      harshestLabel: config.settings[hi].label,
      baseline: outcomes[lo],
      harshest: outcomes[hi],
      twins,
    });
  }
  return { tool: { name: "swissround", version: VERSION }, config, notes: allNotes, results, sensitivity };
}
