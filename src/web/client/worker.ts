/**
 * The dashboard's simulation thread: the engine, the result assembly, the rank distributions and the
 * method comparison are imported from the library's own modules (src/engine, src/run/result.ts,
 * src/analysis/compare.ts), not copied.
 */

import type { ComparisonResult } from "../../analysis/compare.js";
import { compareRankings } from "../../analysis/compare.js";
import { distributionsOf } from "../../output/report/data.js";
import { assembleResult } from "../../run/result.js";
import { playFlatTwins } from "../../run/twins.js";
import { withServerBootstrap } from "../shared/bootstrap.js";
import type { WorkerMessage, WorkerRequest } from "../shared/protocol.js";
import { simulateRun } from "../shared/simulate.js";
import { decodeRoundScores, decodeTable } from "../shared/wire.js";

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerMessage): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, run } = event.data;
  try {
    const rs = decodeRoundScores(run.roundScores);
    let last = 0;
    const tallies = simulateRun(run.config, rs, (done, total) => {
      const now = performance.now();
      if (now - last > 50 || done === total) {
        last = now;
        scope.postMessage({ kind: "progress", id, done, total });
      }
    });
    const result = withServerBootstrap(assembleResult(run.config, tallies, run.notes, playFlatTwins(run.config, rs)), run);
    let comparison: ComparisonResult | undefined;
    if (run.table) {
      // The CLI's report does the same: every other method beside CSD, on the same table.
      scope.postMessage({ kind: "comparing", id });
      const table = decodeTable(run.table, run.config.input.file);
      comparison = compareRankings({ table, plan: run.config.plan, roundScores: rs, rank: result }, { seed: run.config.seed });
    }
    scope.postMessage({ kind: "done", id, result, distributions: distributionsOf(result, tallies), ...(comparison ? { comparison } : {}) });
  } catch (e) {
    scope.postMessage({ kind: "error", id, message: e instanceof Error ? e.message : String(e) });
  }
};
