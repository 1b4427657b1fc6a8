/**
 * Checks a dashboard request with the CLI's own pipeline (prepareRank), so the page gets exactly the
 * CLI's readers, checks, notes and configuration. An upload is parsed in memory (never written to
 * disk), under its name made safe for messages; no request chooses a path: datasets are opened
 * from paths fixed at start-up.
 */
import { tableCostChartData } from "../../cost/chart-data.js";
import { parseRuns, parseSeed } from "../../run/options.js";
import { type PlanSource, prepareRankFromTable, type RankOptions } from "../../run/prepare.js";
import { noiseFor } from "../../run/uncertainty.js";
import { InputError, rephrased, whereOf } from "../../table/errors.js";
import { scoreTableFromText } from "../../table/load.js";
import { decodeText, readScoreTable, readTextFile } from "../../table/read.js";
import type { ScoreTable } from "../../table/types.js";
import { comparisonOmittedMessage, PAGE_COMPARE_MODELS } from "../shared/limits.js";
import type { DashboardSettings, PreparedRun } from "../shared/protocol.js";
import { encodeRoundScores, encodeTable } from "../shared/wire.js";

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

/** A file on the server (a start-up dataset) or one the user sent. */
export type FileRef = { path: string; shownAs?: string } | { upload: Upload };

export interface DashboardInput {
  scores: FileRef;
  plan?: FileRef;
  settings: DashboardSettings;
  /** Table options given to `serve` for its dataset (uploads use the defaults, as `rank` does). */
  options?: RankOptions;
  /** serve --bootstrap B: resamples of the data, computed here for every run. */
  bootstrap?: number;
}

/** An upload's name reduced to one safe path segment (letters, digits, space, . _ ( ) + -). */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base
    .replace(/[^\p{L}\p{N} ._()+-]/gu, "_")
    .replace(/^\.+/, "")
    .slice(0, 120);
  return clean === "" ? "upload" : clean;
}

/** Reads a start-up dataset from its fixed path, or parses an upload's bytes in memory. */
function tableOf(ref: FileRef, options: RankOptions): ScoreTable {
  if ("path" in ref) return readScoreTable(ref.path, options);
  return scoreTableFromText(textOf(ref.upload, "score table"), safeName(ref.upload.name), options);
}

function textOf(upload: Upload, what: string): string {
  const text = decodeText(Buffer.from(upload.bytes));
  if (text.replace(/^\uFEFF/, "").trim() === "")
    throw new InputError(`${safeName(upload.name)}: the ${what} is empty`, { file: safeName(upload.name) });
  return text;
}

function planOf(ref: FileRef | undefined): PlanSource | undefined {
  if (!ref) return undefined;
  if ("path" in ref) return { text: readTextFile(ref.path, "round plan"), file: ref.shownAs ?? ref.path };
  return { text: textOf(ref.upload, "round plan"), file: safeName(ref.upload.name) };
}

/** Replaces every on-disk path of a start-up dataset with the name shown for it. */
function rename<T>(value: T, names: readonly [string, string][]): T {
  const swap = (s: string) => names.reduce((acc, [from, to]) => (from === to ? acc : acc.split(from).join(to)), s);
  return JSON.parse(JSON.stringify(value), (_, v: unknown) => (typeof v === "string" ? swap(v) : v)) as T;
}

/** The cost chart's data from the table's own costs; the page has no price table, so a table whose
 * tokens would need prices simply gets no cost chart (the CLI's `cost` command says why). */
function costOf(prepared: ReturnType<typeof prepareRankFromTable>): PreparedRun["cost"] {
  try {
    return tableCostChartData(prepared);
  } catch (e) {
    if (e instanceof InputError) return undefined;
    throw e;
  }
}

/** The page's settings where a message names the command line's options: a browser user has no flags to pass. */
const PAGE_SETTINGS: [string, string][] = [
  ["--duplicates", "Duplicate models"],
  ["--missing", "Missing scores"],
];

export function forThePage(message: string): string {
  let out = message;
  for (const [flag, label] of PAGE_SETTINGS) {
    out = out.replace(
      new RegExp(`(pass |choose one with |use )?${flag}(?: ([a-z-]+(?:\\|[a-z-]+)*))?`, "g"),
      (_m, verb?: string, choices?: string) =>
        `${verb ? "choose " : ""}the "${label}" setting${choices ? ` (${choices.split("|").join(", ")})` : ""}`,
    );
  }
  return out;
}

/** The on-disk paths of a request's start-up dataset, with the names shown for them. */
function shownNames(input: DashboardInput): [string, string][] {
  return [input.scores, input.plan]
    .filter((r): r is { path: string; shownAs?: string } => r !== undefined && "path" in r)
    .map((r) => [r.path, r.shownAs ?? r.path]);
}

export function prepareForDashboard(input: DashboardInput): PreparedRun {
  return preparedAndRun(input).run;
}

/**
 * As prepareForDashboard, with serve --bootstrap's resamples: the run is played here too (one thread,
 * the page's N and seed) for the bootstrap's point estimates; a table with nothing to resample gets
 * the reason instead, and the page runs without intervals.
 */
export async function prepareWithBootstrap(input: DashboardInput): Promise<PreparedRun> {
  const { prepared, run } = preparedAndRun(input);
  if (!input.bootstrap) return run;
  const { runPrepared } = await import("../../run/pipeline.js");
  const names = shownNames(input);
  try {
    const { result } = await runPrepared(prepared, { threads: 1, bootstrap: input.bootstrap });
    if (!result.uncertainty) return run;
    const bootstrap = rename(
      { uncertainty: result.uncertainty, ...(result.sensitivity ? { sensitivity: result.sensitivity } : {}) },
      names,
    );
    return { ...run, bootstrap };
  } catch (e) {
    if (e instanceof InputError) return { ...run, bootstrapOmitted: forThePage(rename(e.message, names)) };
    throw e;
  }
}

function preparedAndRun(input: DashboardInput): { prepared: ReturnType<typeof prepareRankFromTable>; run: PreparedRun } {
  const names = shownNames(input);
  try {
    const { settings } = input;
    const options: RankOptions = {
      ...input.options,
      T: settings.T,
      runs: parseRuns(settings.runs, "N"),
      seed: parseSeed(settings.seed, "seed"),
      elimination: settings.elimination,
      ...(settings.missing ? { missing: settings.missing } : {}),
      ...(settings.duplicates ? { duplicates: settings.duplicates } : {}),
    };
    const prepared = prepareRankFromTable(tableOf(input.scores, options), options, planOf(input.plan));
    const cost = costOf(prepared);
    const noise = noiseFor(prepared);
    const models = prepared.table.models.length;
    const run: PreparedRun = {
      ...rename({ config: prepared.config, notes: prepared.notes }, names),
      roundScores: encodeRoundScores(prepared.roundScores),
      ...(cost ? { cost } : {}),
      ...(noise ? { noise } : {}),
      ...(models <= PAGE_COMPARE_MODELS ? { table: encodeTable(prepared.table) } : { comparisonOmitted: comparisonOmittedMessage(models) }),
    };
    return { prepared, run };
  } catch (e) {
    if (e instanceof InputError) throw rephrased(e, forThePage(rename(e.message, names)), rename(whereOf(e), names));
    throw e;
  }
}
