/**
 * The adapters, and the one place a file's adapter is chosen: --from NAME, else the one specialised
 * adapter whose detect claims the file (two claims are an error), else a long table when its header
 * says so, else a leaderboard (one row per model or per benchmark). The choice and its reason
 * become the first note of every read.
 */
import type { ColumnMap } from "../columns.js";
import { InputError, listProblems } from "../errors.js";
import type { Layout } from "../types.js";
import { aiderAdapter } from "./aider.js";
import { harnessAdapter } from "./harness.js";
import { leaderboardAdapter } from "./leaderboard.js";
import { longAdapter } from "./long.js";
import { openCompassAdapter } from "./opencompass.js";
import { perItemAdapter } from "./per-item.js";
import { ADAPTER_NAMES, type Adapter, type AdapterName } from "./types.js";

/** Adapters of one file format each: at most one may claim a file. */
const SPECIALISED: readonly Adapter[] = [perItemAdapter, harnessAdapter, openCompassAdapter, aiderAdapter];
/** Score tables, tried in this order once no specialised adapter claims the file (leaderboard always fits). */
const TABLES: readonly Adapter[] = [longAdapter, leaderboardAdapter];

export const ADAPTERS: readonly Adapter[] = [
  leaderboardAdapter,
  longAdapter,
  perItemAdapter,
  harnessAdapter,
  openCompassAdapter,
  aiderAdapter,
];

export function adapterByName(name: string): Adapter {
  const a = ADAPTERS.find((x) => x.name === name);
  if (!a)
    throw new InputError(`--from: "${name}" is not an adapter (one of ${ADAPTER_NAMES.join(", ")})`, {
      code: "invalid-option",
      option: "from",
    });
  return a;
}

export interface AdapterChoice {
  adapter: Adapter;
  reason: string;
}

/** The options that take part in the choice. */
export interface ChoiceOptions {
  from?: AdapterName;
  layout?: Layout;
  columns?: ColumnMap;
}

/**
 * Picks the adapter for a file from its name and the start of its text (`head`: the whole text for
 * JSON and YAML). `files`: the number of results files of a directory or glob (harness results).
 */
export function chooseAdapter(file: string, head: string, options: ChoiceOptions = {}, files?: number): AdapterChoice {
  if (files !== undefined)
    return { adapter: adapterByName(options.from ?? "harness"), reason: `${files} results file${files === 1 ? "" : "s"}` };
  if (options.from) return { adapter: adapterByName(options.from), reason: "chosen with --from" };
  // --layout says the file is a score table: the specialised formats are not tried.
  if (!options.layout) {
    const claims = SPECIALISED.map((a) => ({ adapter: a, reason: a.detect(file, head, options) })).filter(
      (c): c is AdapterChoice => c.reason !== undefined,
    );
    if (claims.length > 1) {
      throw new InputError(
        listProblems(
          `${file}: more than one adapter fits; choose with --from ${claims.map((c) => c.adapter.name).join("|")}:`,
          claims.map((c) => `${c.adapter.name}: ${c.reason}`),
        ),
        { file },
      );
    }
    if (claims.length === 1) return claims[0];
  }
  for (const adapter of TABLES) {
    const reason = adapter.detect(file, head, options);
    if (reason !== undefined) return { adapter, reason };
  }
  throw new Error("the leaderboard adapter fits every table"); // unreachable: leaderboard.detect always answers
}

export type { AdapterName } from "./types.js";
export { ADAPTER_NAMES } from "./types.js";
