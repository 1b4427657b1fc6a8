/**
 * Preparing a ranking, with no I/O: a read table and an optional round-plan text -> checked table,
 * plan, round scores and the full configuration. Shared by the CLI (through rank.ts, which reads
 * the files) and the dashboard server (which has the bytes of an upload).
 */

import { planChunks } from "../engine/montecarlo.js";
import { chooseRankBinWidth } from "../engine/tally.js";
import type { ContestRules, EliminationMode, OutcomeMode, RoundScores } from "../engine/types.js";
import { defaultRoundPlan, parseRoundPlan, type RoundPlan, unusedBenchmarks } from "../plan/plan.js";
import { buildRoundScores, type RoundMissing } from "../plan/round-scores.js";
import type { DuplicateReport } from "../table/duplicates.js";
import { InputError } from "../table/errors.js";
import type { ReadOptions } from "../table/load.js";
import { applyMissingPolicy } from "../table/missing.js";
import { apiOption } from "../table/option-names.js";
import { constantBenchmarks, scaleWarnings } from "../table/scales.js";
import { scoreBenchmarks, selectBenchmarks } from "../table/select.js";
import type { ScoreTable } from "../table/types.js";
import { DEFAULT_RUNS, DEFAULT_SEED, type RankConfig } from "./config.js";
import { cellErrors, roundErrors } from "./noise.js";
import { type EliminationInput, parseEliminationSettings } from "./settings.js";
import { nearDuplicateRounds } from "./twin-rounds.js";

/** A round plan's text and where it came from (for messages). */
export interface PlanSource {
  text: string;
  file: string;
}

export interface RankOptions extends ReadOptions {
  /** Path of the round plan (JSON), read by prepareRank; default one round per benchmark. */
  rounds?: string;
  /** Elimination settings: "0,1,2" as for --T, or 1, [0, 1, 2], [[0, 1, 1, 2]] (default 0,1,2). */
  T?: EliminationInput;
  /** The option name that messages about T use ("--T" for the CLI). */
  tOption?: string;
  runs?: number;
  seed?: number;
  elimination?: EliminationMode;
  tieTolerance?: number;
  /** binary (default) or probabilistic (noise-aware matches from the scores' standard errors). */
  outcomes?: OutcomeMode;
  rankDistribution?: boolean;
}

export interface PreparedRank {
  table: ScoreTable;
  plan: RoundPlan;
  roundScores: RoundScores;
  /** How missing scores became round scores (--missing lose / available-mean), for reruns. */
  roundMissing?: RoundMissing;
  config: RankConfig;
  notes: string[];
}

export const SCRIPT_MODE_WARNING =
  "elimination mode 'script' (the authors' reference script): ties at the elimination cut go to the models listed first, " +
  "so results for T > 0 depend on the input order of the models";

/** The default plan leaves the leaderboard's aggregate columns out; a plan that names one is warned about. */
function planFor(raw: ScoreTable, planSource?: PlanSource): { plan: RoundPlan; notes: string[] } {
  const aggregates = raw.aggregates ?? [];
  if (!planSource) {
    const rankable = scoreBenchmarks(raw);
    if (rankable.length === 0)
      return { plan: defaultRoundPlan(raw), notes: ["every benchmark column looks like an aggregate: all are used"] };
    // The table's own note already says its aggregates are left out of default plans: once is enough.
    return { plan: defaultRoundPlan(selectBenchmarks(raw, rankable)), notes: [] };
  }
  const plan = parseRoundPlan(planSource.text, planSource.file, raw);
  const used = new Set(plan.rounds.flatMap((r) => r.benchmarks));
  const named = aggregates.filter((a) => used.has(a.name));
  const notes = named.map(
    (a) =>
      `warning: the round plan uses "${a.name}", which looks like the leaderboard's own aggregate (${a.reason}): it repeats the other benchmarks`,
  );
  return { plan, notes };
}

/** Checks everything about a read table and its plan; throws InputError on any bad input, before any work. */
export function prepareRankFromTable(raw: ScoreTable, options: RankOptions = {}, planSource?: PlanSource): PreparedRank {
  const planned = planFor(raw, planSource);
  const unused = unusedBenchmarks(raw, planned.plan);
  // Only the benchmarks the plan uses must be complete. Aggregates left out by default are not listed again.
  const aggregateNames = new Set((raw.aggregates ?? []).map((a) => a.name));
  const plainUnused = unused.filter((n) => !(planSource === undefined && aggregateNames.has(n)));
  const used = selectBenchmarks(raw, undefined, unused, "benchmarks not in the round plan (not used)");
  if (plainUnused.length < unused.length) {
    const label = "benchmarks not in the round plan (not used): ";
    const at = used.notes.findIndex((n) => n.startsWith(label));
    if (at >= 0) used.notes.splice(at, 1, ...(plainUnused.length > 0 ? [`${label}${plainUnused.join(", ")}`] : []));
  }
  const missing = applyMissingPolicy(used, planned.plan, options.missing ?? "error");
  const { table, plan } = missing;
  const notes = [...table.notes, ...planned.notes, ...missing.notes];
  const mixed = plan.rounds.filter((r) => {
    const dirs = new Set(r.benchmarks.map((b) => table.benchmarks.find((x) => x.name === b)?.lowerIsBetter));
    return dirs.size > 1;
  });
  if (mixed.length > 0) {
    notes.push(
      `rounds mixing higher- and lower-is-better benchmarks (lower-is-better scores are negated before averaging): ${mixed.map((r) => r.name).join(", ")}`,
    );
  }
  for (const w of scaleWarnings(table)) {
    const multi = plan.rounds.filter((r) => r.benchmarks.length > 1).map((r) => r.name);
    notes.push(`warning: ${w}${multi.length > 0 ? `; rounds averaging several benchmarks: ${multi.join(", ")}` : ""}`);
  }
  if (plan.rounds.length === 1)
    notes.push(
      `warning: one round only (${plan.rounds[0].name}): each contest is one match against a random opponent, so E[S] is about the share of the field a model beats there; CSD needs several benchmarks to say more`,
    );
  const twins = nearDuplicateRounds(table, plan);
  if (twins.length > 0)
    notes.push(
      `warning: rounds that order the models almost alike (Spearman >= 0.98; the same benchmark twice, on two scales?), each counted as a round of its own: ${twins.join("; ")}`,
    );
  const constant = constantBenchmarks(table);
  if (constant.length > 0)
    notes.push(`benchmarks with the same score for every model (each of their matches is a coin flip): ${constant.join(", ")}`);
  const elimination = options.elimination ?? "paper";
  if (elimination === "script") notes.push(SCRIPT_MODE_WARNING);
  const runs = options.runs ?? DEFAULT_RUNS;
  const rankDistribution = options.rankDistribution ?? false;
  const config: RankConfig = {
    input: {
      file: table.source,
      layout: table.layout,
      models: table.models,
      benchmarks: table.benchmarks,
      unusedBenchmarks: unused,
      ignoredColumns: table.ignored,
      ...(table.adapter ? { adapter: table.adapter } : {}),
      ...(raw.aggregates?.length ? { aggregateColumns: raw.aggregates } : {}),
      ...(raw.duplicates ? { duplicates: raw.duplicates as DuplicateReport } : {}),
      missing: missing.report,
    },
    plan: { source: plan.source, rounds: plan.rounds, ...(plan.rationale ? { rationale: plan.rationale } : {}) },
    settings: parseEliminationSettings(options.T ?? "0,1,2", plan.rounds.length, table.models.length, options.tOption ?? "T"),
    runs,
    seed: options.seed ?? DEFAULT_SEED,
    elimination,
    tieTolerance: options.tieTolerance ?? 0,
    outcomes: options.outcomes ?? "binary",
    chunkSize: planChunks(runs, 0).chunkSize,
    rankBinWidth: chooseRankBinWidth(table.models.length, rankDistribution),
    rankDistribution,
  };
  const roundScores = contestRoundScores(table, plan, missing.roundMissing, config.outcomes, notes);
  return { table, plan, roundScores, roundMissing: missing.roundMissing, config, notes };
}

/**
 * The round scores a contest plays on: with --outcomes probabilistic, carrying their standard
 * errors. Every rerun (bootstrap resamples, corruption and order studies) builds them here too.
 */
export function contestRoundScores(
  table: ScoreTable,
  plan: RoundPlan,
  missing: RoundMissing | undefined,
  outcomes: OutcomeMode | undefined,
  notes: string[] = [],
): RoundScores {
  const rs = buildRoundScores(table, plan, missing);
  if (outcomes === "probabilistic") rs.errors = noiseAwareErrors(table, plan, notes);
  return rs;
}

/**
 * Round-score standard errors (round-major, as the engine reads them) for --outcomes
 * probabilistic; an unknown error counts as zero (that model's matches are decided as in binary).
 */
function noiseAwareErrors(table: ScoreTable, plan: RoundPlan, notes: string[]): Float64Array {
  const cells = cellErrors(table);
  if (cells.source === "none") {
    throw new InputError(
      `--outcomes probabilistic: ${table.source} has no per-item results, standard errors or item counts ` +
        "(the noise of each score is needed to draw the matches)",
      { file: table.source, option: apiOption("--outcomes") },
    );
  }
  const rounds = roundErrors(table, plan, cells);
  let unknown = 0;
  const errors = rounds.values.map((e) => {
    if (Number.isFinite(e)) return e;
    unknown++;
    return 0;
  });
  notes.push(
    `noise-aware contests: each match is won with probability Phi(difference / sqrt(se_a^2 + se_b^2)) (${cells.source} standard errors)` +
      (unknown > 0 ? `; ${unknown} round scores without a standard error count as exact` : ""),
    ...cells.notes,
  );
  return errors;
}

export function contestRules(config: RankConfig): ContestRules[] {
  return config.settings.map((s) => ({
    schedule: Int32Array.from(s.schedule),
    elimination: config.elimination,
    tieTolerance: config.tieTolerance,
    outcomes: config.outcomes,
  }));
}
