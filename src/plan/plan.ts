/** Round plans: which benchmarks make up each round, in order. */
import { InputError, listProblems, rephrased } from "../table/errors.js";
import { jsonErrorLine } from "../table/json.js";
import { checkJsonStructure } from "../table/json-structure.js";
import { lazyModule } from "../table/lazy-module.js";
import { notScoresHint } from "../table/select.js";
import type { ScoreTable } from "../table/types.js";

const zod = lazyModule<typeof import("zod")>("zod");

export interface Round {
  name: string;
  benchmarks: string[];
}

export interface RoundPlan {
  /** Where the plan came from: a file, or "one round per benchmark". */
  source: string;
  rounds: Round[];
  /** Short explanation of the order, when the plan file gives one. */
  rationale?: string;
}

/** The plan file's shape, built on first use (zod loads lazily). */
function buildPlanSchema() {
  const { z } = zod();
  return z.object({
    rounds: z
      .array(
        z.object({
          name: z.string().trim().min(1, "a round name must not be empty"),
          benchmarks: z.array(z.string().min(1)).min(1, "a round needs at least one benchmark"),
          why: z.string().optional(),
        }),
      )
      .min(1, "the plan needs at least one round"),
    rationale: z.string().optional(),
  });
}

let planSchema: ReturnType<typeof buildPlanSchema> | undefined;

/** An object of round name -> benchmark names and nothing else (no "rounds" key). */
function isCategoryMap(data: unknown): data is Record<string, string[]> {
  if (typeof data !== "object" || data === null || Array.isArray(data) || "rounds" in data) return false;
  const values = Object.values(data);
  return values.length > 0 && values.every((v) => Array.isArray(v) && v.length > 0 && v.every((b) => typeof b === "string"));
}

/** Parses and checks a plan against the table's benchmarks: {"rounds": [...]}, or a categories object (LiveBench's). */
export function parseRoundPlan(text: string, file: string, table: ScoreTable): RoundPlan {
  let data: unknown;
  // A plan is the `plan` option's value (the CLI's --rounds FILE), whichever way it came.
  const where = { code: "invalid-plan", file, option: "plan" };
  try {
    checkJsonStructure(text, file);
  } catch (e) {
    throw e instanceof InputError ? rephrased(e, e.message, where) : e;
  }
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new InputError(`${file}: malformed JSON: ${(e as Error).message}`, {
      ...where,
      row: jsonErrorLine(text.replace(/^\uFEFF/, ""), e),
    });
  }
  // LiveBench's own categories file, {"Reasoning": ["web_of_lies_v2", ...], ...}: one round per category, in file order.
  if (isCategoryMap(data)) data = { rounds: Object.entries(data).map(([name, benchmarks]) => ({ name, benchmarks })) };
  planSchema ??= buildPlanSchema();
  const parsed = planSchema.safeParse(data);
  if (!parsed.success) {
    throw new InputError(
      listProblems(
        `${file}: not a round plan (expected {"rounds": [{"name": "...", "benchmarks": ["...", ...]}, ...]}):`,
        parsed.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(top level)"}: ${i.message}`),
      ),
      where,
    );
  }
  const known = new Set(table.benchmarks.map((b) => b.name));
  const problems: string[] = [];
  const seenRound = new Set<string>();
  const seenBench = new Map<string, string>();
  for (const [i, r] of parsed.data.rounds.entries()) {
    if (seenRound.has(r.name)) problems.push(`rounds.${i}: round name "${r.name}" is used twice`);
    seenRound.add(r.name);
    for (const b of r.benchmarks) {
      if (!known.has(b)) problems.push(`round "${r.name}": unknown benchmark "${b}"${notScoresHint([b], table)}`);
      const other = seenBench.get(b);
      if (other !== undefined) problems.push(`benchmark "${b}" is in round "${other}" and in round "${r.name}"`);
      seenBench.set(b, r.name);
    }
  }
  if (problems.length > 0) {
    throw new InputError(
      listProblems(`${file}: the round plan does not fit ${table.source} (its benchmarks: ${[...known].join(", ")}):`, problems),
      where,
    );
  }
  return {
    source: file,
    rounds: parsed.data.rounds.map((r) => ({ name: r.name, benchmarks: [...r.benchmarks] })),
    rationale: parsed.data.rationale,
  };
}

/** Without a plan: one round per benchmark, in input order. */
export function defaultRoundPlan(table: ScoreTable): RoundPlan {
  return {
    source: "one round per benchmark, in input order",
    rounds: table.benchmarks.map((b) => ({ name: b.name, benchmarks: [b.name] })),
  };
}

/** Benchmarks of the table that no round uses. */
export function unusedBenchmarks(table: ScoreTable, plan: RoundPlan): string[] {
  const used = new Set(plan.rounds.flatMap((r) => r.benchmarks));
  return table.benchmarks.map((b) => b.name).filter((n) => !used.has(n));
}
