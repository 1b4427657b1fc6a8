/** serve --bootstrap: the page's result with the server's bootstrap (or the reason there is none). Pure. */
import type { RankResult } from "../../run/result.js";
import type { PreparedRun } from "./protocol.js";

/**
 * The server played the same run (same N and seed) for the bootstrap, so its intervals and labels
 * belong to the page's numbers; they replace the page's Monte Carlo-only labels.
 */
export function withServerBootstrap(result: RankResult, run: PreparedRun): RankResult {
  if (run.bootstrap) {
    const { uncertainty, sensitivity } = run.bootstrap;
    return { ...result, uncertainty, ...(sensitivity ? { sensitivity } : {}) };
  }
  if (run.bootstrapOmitted) return { ...result, notes: [...result.notes, run.bootstrapOmitted] };
  return result;
}
