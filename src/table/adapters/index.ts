/** The adapters, and which one reads a file: --from NAME, else the one whose sniff claims it. */
import { InputError, listProblems } from "../errors.js";
import { aiderAdapter } from "./aider.js";
import { harnessAdapter } from "./harness.js";
import { leaderboardAdapter } from "./leaderboard.js";
import { longAdapter } from "./long.js";
import { openCompassAdapter } from "./opencompass.js";
import { perItemAdapter } from "./per-item.js";
import { ADAPTER_NAMES, type Adapter, type AdapterName } from "./types.js";

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
  if (!a) throw new InputError(`--from: "${name}" is not an adapter (one of ${ADAPTER_NAMES.join(", ")})`);
  return a;
}

export interface AdapterChoice {
  /** undefined: an ordinary score table, read as a leaderboard or a long table by its header. */
  adapter?: Adapter;
  reason: string;
}

/** Picks the adapter for a file from its name and the start of its text. */
export function chooseAdapter(file: string, head: string, from?: AdapterName): AdapterChoice {
  if (from) return { adapter: adapterByName(from), reason: "chosen with --from" };
  const claims = ADAPTERS.map((a) => ({ adapter: a, reason: a.sniff(file, head) })).filter((c) => c.reason !== undefined);
  if (claims.length > 1) {
    throw new InputError(
      listProblems(
        `${file}: more than one adapter fits; choose with --from ${claims.map((c) => c.adapter.name).join("|")}:`,
        claims.map((c) => `${c.adapter.name}: ${c.reason}`),
      ),
    );
  }
  if (claims.length === 1) return { adapter: claims[0].adapter, reason: claims[0].reason as string };
  return { reason: "no specialised format recognised; layout from the header" };
}

export type { AdapterName } from "./types.js";
export { ADAPTER_NAMES } from "./types.js";
