/**
 * The field that plays the contest under a budget or the cost-adjusted mode: a prepared ranking
 * restricted to some models (before any contest), with its round scores and configuration rebuilt
 * for the smaller field. Pure.
 */

import { chooseRankBinWidth } from "../engine/tally.js";
import { type RoundScores, roundGrid, roundScoresFrom } from "../engine/types.js";
import { pick } from "../grid/grid.js";
import type { PreparedRank } from "../run/prepare.js";
import { parseEliminationSettings } from "../run/settings.js";
import { InputError, rephrased } from "../table/errors.js";
import { apiOption } from "../table/option-names.js";
import { subsetTable } from "../table/subset.js";

/** Round-major values (and standard errors, for probabilistic outcomes) of some models only. */
function pickModels(rs: RoundScores, models: readonly number[]): RoundScores {
  const rounds = Array.from({ length: rs.rounds }, (_, k) => k);
  const of = (a: Float64Array) => pick(roundGrid(rs, a), rounds, models);
  return roundScoresFrom(of(rs.values), rs.errors ? of(rs.errors) : undefined);
}

/** The prepared ranking with only `keep` (names, in table order), ready to simulate. */
export function restrictField(prepared: PreparedRank, keep: ReadonlySet<string>, why: string): PreparedRank {
  const { table, plan, config } = prepared;
  const models = table.models.map((_, m) => m).filter((m) => keep.has(table.models[m]));
  if (models.length === table.models.length) return prepared;
  if (models.length < 2) {
    // why: "--budget", "--outcomes cost-adjusted" or both; the option is the first.
    throw new InputError(`${why} leaves ${models.length} model${models.length === 1 ? "" : "s"} for the contest; CSD needs at least 2`, {
      option: apiOption(why),
    });
  }
  const sub = subsetTable(
    table,
    models,
    table.benchmarks.map((_, b) => b),
  );
  const labels = config.settings.map((s) => s.label).join(",");
  let settings: PreparedRank["config"]["settings"];
  try {
    settings = parseEliminationSettings(labels, plan.rounds.length, models.length);
  } catch (e) {
    if (e instanceof InputError) throw rephrased(e, `${e.message} (${why} leaves ${models.length} models)`);
    throw e;
  }
  return {
    ...prepared,
    table: sub,
    roundScores: pickModels(prepared.roundScores, models),
    config: {
      ...config,
      input: { ...config.input, models: sub.models },
      settings,
      rankBinWidth: chooseRankBinWidth(models.length, config.rankDistribution),
    },
  };
}
