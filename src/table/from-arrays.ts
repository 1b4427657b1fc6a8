/**
 * A score table from arrays a program already holds (no text, no file): checked as strictly as a
 * file is, with errors naming the row (model) and column (benchmark).
 */
import { isMissing, MISSING, makeGrid, set } from "../grid/grid.js";
import { InputError, listProblems } from "./errors.js";
import { inApiWords } from "./option-names.js";
import type { ScoreTable } from "./types.js";

export interface ScoreTableInput {
  models: readonly string[];
  benchmarks: readonly string[];
  /** scores[model][benchmark]; null or NaN marks a missing score (rank with a `missing` policy). */
  scores: readonly (readonly (number | null)[])[];
  /** Benchmarks where lower is better (error rates, perplexity): their names. */
  lowerIsBetter?: readonly string[];
  /** Standard error of each score, same shape as scores (null or NaN = unknown): for --outcomes probabilistic and the bootstrap. */
  standardErrors?: readonly (readonly (number | null)[])[];
  /** Shown in messages and outputs as the table's origin (default "in-memory table"). */
  source?: string;
}

/** The input field the first problem names ("scores[2][0] (model ...): ..." -> "scores"), as InputError's option. */
function arraysWhere(problem: string): { code: string; option?: string } {
  const field = /^([A-Za-z]+)[[:]/.exec(problem)?.[1];
  return field ? { code: "invalid-table", option: field } : { code: "invalid-table" };
}

function duplicatesOf(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const n of names) (seen.has(n) ? twice : seen).add(n);
  return [...twice];
}

/** Row-major values -> model-major Float64Array, collecting every problem before throwing. */
function grid(
  what: string,
  rows: readonly (readonly (number | null)[])[],
  models: readonly string[],
  benchmarks: readonly string[],
  problems: string[],
  check: (v: number) => boolean,
  expected: string,
): Float64Array {
  const B = benchmarks.length;
  const out = makeGrid(models.length, B, 0);
  if (!Array.isArray(rows) || rows.length !== models.length) {
    problems.push(`${what}: expected ${models.length} rows (one per model), got ${Array.isArray(rows) ? rows.length : typeof rows}`);
    return out.values;
  }
  rows.forEach((row, m) => {
    if (!Array.isArray(row) || row.length !== B) {
      problems.push(
        `${what}[${m}] (model "${models[m]}"): expected ${B} values (one per benchmark), got ${Array.isArray(row) ? row.length : typeof row}`,
      );
      return;
    }
    row.forEach((v, b) => {
      if (v === null || (typeof v === "number" && isMissing(v))) set(out, m, b, MISSING);
      else if (typeof v === "number" && Number.isFinite(v) && check(v)) set(out, m, b, v);
      else problems.push(`${what}[${m}][${b}] (model "${models[m]}", benchmark "${benchmarks[b]}"): ${String(v)} is not ${expected}`);
    });
  });
  return out.values;
}

/**
 * Builds a validated ScoreTable from arrays.
 *
 * @example
 * const table = scoreTable({
 *   models: ["model-a", "model-b", "model-c"],
 *   benchmarks: ["MMLU", "GSM8K", "perplexity"],
 *   scores: [[70, 50, 8.1], [65, 60, 7.4], [40, 30, 12.0]],
 *   lowerIsBetter: ["perplexity"],
 * });
 */
export function scoreTable(input: ScoreTableInput): ScoreTable {
  return inApiWords(() => buildScoreTable(input));
}

function buildScoreTable(input: ScoreTableInput): ScoreTable {
  const source = input.source ?? "in-memory table";
  const problems: string[] = [];
  const { models, benchmarks } = input;
  for (const [list, what] of [
    [models, "models"],
    [benchmarks, "benchmarks"],
  ] as const) {
    if (!Array.isArray(list) || !list.every((n) => typeof n === "string" && n.trim() !== ""))
      problems.push(`${what}: expected an array of non-empty names`);
  }
  if (problems.length > 0) throw new InputError(listProblems(`${source}: not a valid score table:`, problems), arraysWhere(problems[0]));
  if (models.length < 2) problems.push(`models: at least 2 models are needed to rank, got ${models.length}`);
  if (benchmarks.length < 1) problems.push("benchmarks: at least 1 benchmark is needed");
  for (const d of duplicatesOf(models)) problems.push(`models: "${d}" appears more than once`);
  for (const d of duplicatesOf(benchmarks)) problems.push(`benchmarks: "${d}" appears more than once`);
  const lower = new Set(input.lowerIsBetter ?? []);
  for (const n of lower) if (!benchmarks.includes(n)) problems.push(`lowerIsBetter: "${n}" is not one of the benchmarks`);
  const scores = grid("scores", input.scores, models, benchmarks, problems, () => true, "a finite number (null marks a missing score)");
  const stderr = input.standardErrors
    ? grid("standardErrors", input.standardErrors, models, benchmarks, problems, (v) => v >= 0, "a finite number >= 0 (null = unknown)")
    : undefined;
  if (problems.length > 0) throw new InputError(listProblems(`${source}: not a valid score table:`, problems), arraysWhere(problems[0]));
  return {
    source,
    layout: "models-rows",
    models: [...models],
    benchmarks: benchmarks.map((name) => ({ name, lowerIsBetter: lower.has(name) })),
    scores,
    modelWhere: models.map((_, m) => `row ${m}`),
    benchmarkWhere: benchmarks.map((_, b) => `column ${b}`),
    ignored: [],
    notes: [],
    adapter: "arrays",
    ...(stderr ? { extras: { stderr } } : {}),
  };
}
