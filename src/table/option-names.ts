/**
 * One vocabulary for the options that input errors name: the command line's flag and the library's
 * option. Reading and preparing code writes its messages with the flag (what most users type); the
 * library's entry points rephrase them for the API (`--missing lose` becomes `missing: "lose"`), as the
 * dashboard rephrases them for its page, so that a TypeScript user is never told to pass a flag.
 */
import { InputError, rephrased } from "./errors.js";

/**
 * [command-line flag, library option] for every option an input error may name. The cost options
 * are analyseCosts's (`CostOptions`: `budget: { limit, per, action }`, `expert`, ...), the studies'
 * are corruptionStudy's and stabilityStudy's. `--models` is not here: `stress --models` is the
 * corruption study's `targets` and `plot --models` another thing, so each site names its option.
 */
export const OPTION_NAMES: readonly (readonly [string, string])[] = [
  ["--aggregates", "aggregates"],
  ["--benchmark-name", "benchmarkName"],
  ["--benchmarks", "benchmarks"],
  ["--bootstrap", "bootstrap"],
  ["--budget", "budget"],
  ["--budget-action", "budget.action"],
  ["--budget-per", "budget.per"],
  ["--columns", "columns"],
  ["--corrupt", "corrupt"],
  ["--costs", "costFile"],
  ["--duplicates", "duplicates"],
  ["--exclude", "exclude"],
  ["--expert-cost", "expert"],
  ["--from", "from"],
  ["--harness-tasks", "harnessTasks"],
  ["--layout", "layout"],
  ["--lower-is-better", "lowerIsBetter"],
  ["--metric", "metric"],
  ["--missing", "missing"],
  ["--order", "givenOrders"],
  ["--orders", "randomOrders"],
  ["--outcomes", "outcomes"],
  ["--precision", "precision"],
  ["--prices", "prices"],
  ["--reasoning-tokens", "reasoning"],
  ["--rounds", "plan"],
  ["--runs", "runs"],
  ["--seed", "seed"],
  ["--success-scale", "successScale"],
  ["--threads", "threads"],
  ["--tie-tolerance", "tieTolerance"],
  ["--trials", "trials"],
  ["--unnamed", "unnamed"],
  ["--T", "T"],
];

const BY_FLAG = new Map(OPTION_NAMES);
// Longest flags first, so that --benchmarks is not read as --benchmark-name's prefix or the reverse.
const FLAGS = [...BY_FLAG.keys()].sort((a, b) => b.length - a.length).map((f) => f.replace(/[-]/g, "\\-"));
// A flag, then optionally one value or a list of choices (lose, drop-model|drop-benchmark, best, ...).
const FLAG_WITH_VALUE = new RegExp(
  `(pass |use |with )?(${FLAGS.join("|")})(?![A-Za-z-])(?: ([a-z][a-z0-9-]*(?:\\|[a-z][a-z0-9-]*)*)(?=[\\s,.;:)]|$))?`,
  "g",
);

/**
 * A message in the library's words: every flag becomes its option (`pass --missing lose` -> `set the
 * option missing: "lose"`). A word after a flag is taken for its value only when it is a list of
 * choices (`a|b`) or a verb asks for it (`pass`, `use`, `with`): "--metric applies to ..." keeps its verb.
 */
export function forTheApi(message: string): string {
  return message.replace(FLAG_WITH_VALUE, (whole, verb: string | undefined, flag: string, value: string | undefined) => {
    const option = BY_FLAG.get(flag);
    if (!option) return whole;
    const isValue = value !== undefined && (verb !== undefined || value.includes("|"));
    const values = isValue
      ? value
          .split("|")
          .map((v) => `"${v}"`)
          .join(" | ")
      : undefined;
    const lead = verb === "with " ? "with " : verb ? "set " : "";
    return `${lead}the option ${option}${values ? `: ${values}` : ""}${value !== undefined && !isValue ? ` ${value}` : ""}`;
  });
}

/** Runs f, rethrowing an InputError in the library's words (same code); anything else as it is. */
export function inApiWords<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw inApiTerms(e);
  }
}

/** inApiWords for a promise. */
export async function inApiWordsAsync<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw inApiTerms(e);
  }
}

function inApiTerms(e: unknown): unknown {
  return e instanceof InputError ? rephrased(e, forTheApi(e.message)) : e;
}

/** "OPTION: detail" as an InputError whose `option` is the library's name for it (code "invalid-option"). */
export function optionError(option: string, detail: string): InputError {
  return new InputError(`${option}: ${detail}`, { code: "invalid-option", option: apiOption(option) });
}

/**
 * A flag or option as the library names it, for InputError's `option`: "--missing" -> "missing",
 * "--rounds" -> "plan", "T" -> "T"; a flag the library does not take, by its words: "--max-upload" -> "maxUpload".
 */
export function apiOption(flagOrOption: string): string {
  const flag = flagOrOption.trim().split(/[\s=]/, 1)[0];
  const known = BY_FLAG.get(flag);
  if (known) return known;
  return flag.replace(/^--?/, "").replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
