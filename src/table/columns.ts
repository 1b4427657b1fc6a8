/**
 * Which column plays which role in a long or per-item file: found by name, or named by the user
 * with --columns model=NAME,benchmark=NAME,item=NAME,score=NAME,cost=NAME,tokens=NAME.
 */
import { InputError } from "./errors.js";
import { optionError } from "./option-names.js";

export type ColumnRole = "model" | "benchmark" | "item" | "score" | "cost" | "tokens";
export const COLUMN_ROLES: readonly ColumnRole[] = ["model", "benchmark", "item", "score", "cost", "tokens"];
export type ColumnMap = Partial<Record<ColumnRole, string>>;

/** Names looked for, in order of preference (compared lower-case, spaces and dashes as "_"). */
const NAMES: Record<ColumnRole, readonly string[]> = {
  model: ["model", "models", "model_name", "modelname", "name", "model_version", "model_id", "generator", "system"],
  benchmark: [
    "benchmark",
    "benchmarks",
    "benchmark_name",
    "task",
    "tasks",
    "task_name",
    "scenario",
    "dataset",
    "subset",
    "category",
    "subject",
  ],
  item: [
    "item",
    "item_id",
    "itemid",
    "id",
    "question_id",
    "instance_id",
    "doc_id",
    "sample_id",
    "example_id",
    "problem_id",
    "prompt_id",
    "instruction_id",
    "instruction_sha1_12",
    "question_idx",
    "doc_idx",
  ],
  score: [
    "score",
    "value",
    "result",
    "correct",
    "is_correct",
    "resolved",
    "passed",
    "pass",
    "success",
    "solved",
    "acc",
    "accuracy",
    "exact_match",
    "em",
    "preference",
    "reward",
  ],
  // A judge's cost (AlpacaEval's judge_price_per_example_usd) is not the model's: never matched.
  cost: ["cost", "cost_usd", "total_cost", "usd", "price", "cost_in_usd", "price_usd"],
  tokens: ["tokens", "total_tokens", "n_tokens", "num_tokens", "output_tokens", "completion_tokens"],
};

export function normaliseName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** Parses --columns "model=name,score=resolved". */
export function parseColumnMap(text: string, option = "--columns"): ColumnMap {
  const map: ColumnMap = {};
  for (const part of text.split(",")) {
    const m = /^\s*([a-z]+)\s*=\s*(.+?)\s*$/.exec(part);
    const role = m?.[1] as ColumnRole | undefined;
    if (!m || !role || !COLUMN_ROLES.includes(role)) {
      throw optionError(option, `"${part.trim()}" is not valid: expected ROLE=COLUMN with ROLE one of ${COLUMN_ROLES.join(", ")}`);
    }
    map[role] = m[2];
  }
  return map;
}

/** Column index per role (-1 when absent); user-named columns must exist. */
export function findRoles(columns: readonly string[], file: string, named: ColumnMap = {}): Record<ColumnRole, number> {
  const norm = columns.map(normaliseName);
  const out = {} as Record<ColumnRole, number>;
  const taken = new Set<number>();
  for (const role of COLUMN_ROLES) {
    const name = named[role];
    if (name !== undefined) {
      const i = columns.findIndex((c) => c.trim() === name.trim());
      if (i < 0)
        throw new InputError(`--columns ${role}=${name}: ${file} has no column "${name}" (its columns: ${columns.join(", ")})`, {
          code: "invalid-option",
          file,
          option: "columns",
        });
      out[role] = i;
      taken.add(i);
    }
  }
  for (const role of COLUMN_ROLES) {
    if (named[role] !== undefined) continue;
    let found = -1;
    for (const n of NAMES[role]) {
      const i = norm.findIndex((c, k) => c === n && !taken.has(k));
      if (i >= 0) {
        found = i;
        break;
      }
    }
    out[role] = found;
    if (found >= 0) taken.add(found);
  }
  return out;
}
