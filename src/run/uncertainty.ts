/** The uncertainty part of a ranking: noise per benchmark and round, and the bootstrap of the ranking. */

import { InputError } from "../table/errors.js";
import { apiOption } from "../table/option-names.js";
import {
  type BootstrapBatch,
  type BootstrapResult,
  bootstrapHere,
  deltaIntervals,
  runsPerResample,
  summariseBootstrap,
} from "./bootstrap.js";
import { cellErrors, type NoiseReport, noiseReport } from "./noise.js";
import type { PreparedRank } from "./rank.js";
import { contestRules } from "./rank.js";
import type { ResampleSpec } from "./resample.js";
import { type RankResult, sensitivityPair } from "./result.js";

/** Signal and noise of every benchmark and round, when the table says anything about noise. */
export function noiseFor(prepared: PreparedRank): NoiseReport | undefined {
  const cells = cellErrors(prepared.table);
  return cells.source === "none" ? undefined : noiseReport(prepared.table, prepared.plan, cells);
}

/** `batch` computes the replicates (default: here; bootstrapOnThreads shares them among threads). */
export async function bootstrapFor(
  prepared: PreparedRank,
  result: RankResult,
  resamples: number,
  batch: BootstrapBatch = bootstrapHere,
): Promise<BootstrapResult> {
  const { table, plan, config } = prepared;
  const cells = cellErrors(table);
  if (!table.items && cells.source === "none") {
    throw new InputError(
      `--bootstrap: ${table.source} has no per-item results, standard errors or item counts to resample ` +
        "(give a per-item file, or a long table with stderr or n columns)",
      { file: table.source, option: apiOption("--bootstrap") },
    );
  }
  const names = config.input.models;
  const pointScores = result.results.map((r) => {
    const byName = new Map(r.models.map((m) => [m.model, m.expectedScore]));
    return names.map((n) => byName.get(n) ?? Number.NaN);
  });
  const rules = contestRules(config);
  const settings = {
    resamples,
    runsPerResample: runsPerResample(config.runs, resamples),
    seed: config.seed,
    csd: config.settings.map((s, i) => ({ label: s.label, rules: rules[i] })),
    missing: prepared.roundMissing,
  };
  const spec: ResampleSpec = table.items ? { kind: "items", seed: config.seed } : { kind: "parametric", se: cells.se, seed: config.seed };
  const replicates = await batch(table, plan, spec, settings);
  const out = summariseBootstrap(table.models, pointScores, replicates, spec.kind, settings);
  const pair = sensitivityPair(config);
  const deltaE = pair
    ? {
        baseline: config.settings[pair[0]].label,
        harshest: config.settings[pair[1]].label,
        models: deltaIntervals(table.models, replicates, ...pair),
      }
    : undefined;
  return { ...out, ...(deltaE ? { deltaE } : {}), notes: [...cells.notes, ...out.notes] };
}
