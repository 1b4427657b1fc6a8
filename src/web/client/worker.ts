/**
 * The dashboard's simulation thread: the run goes through the library's pipeline core
 * (src/run/pipeline-core.ts) with a simulator on this thread, so the page shows the CLI's numbers;
 * the rank distributions and the method comparison are the library's own modules too, not copies.
 */

import type { ComparisonResult } from "../../analysis/compare.js";
import { compareRankings } from "../../analysis/compare.js";
import { distributionsOf } from "../../output/report/data.js";
import { playRun } from "../../run/pipeline-core.js";
import { simulatorHere } from "../../run/simulate-here.js";
import { withServerBootstrap } from "../shared/bootstrap.js";
import type { WorkerMessage, WorkerRequest } from "../shared/protocol.js";
import { decodeRoundScores, decodeTable } from "../shared/wire.js";

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerMessage): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = async (event) => {
  const { id, run } = event.data;
  try {
    const rs = decodeRoundScores(run.roundScores);
    let last = 0;
    const onProgress = (done: number, total: number) => {
      const now = performance.now();
      if (now - last > 50 || done === total) {
        last = now;
        scope.postMessage({ kind: "progress", id, done, total });
      }
    };
    const playable = { config: run.config, notes: run.notes, roundScores: rs, ...(run.noise ? { noise: run.noise } : {}) };
    const played = await playRun(playable, simulatorHere, { onProgress });
    const result = withServerBootstrap(played.result, run);
    let comparison: ComparisonResult | undefined;
    if (run.table) {
      // The CLI's report does the same: every other method beside CSD, on the same table.
      scope.postMessage({ kind: "comparing", id });
      const table = decodeTable(run.table, run.config.input.file);
      comparison = compareRankings({ table, plan: run.config.plan, roundScores: rs, rank: result }, { seed: run.config.seed });
    }
    scope.postMessage({
      kind: "done",
      id,
      result,
      distributions: distributionsOf(result, played.tallies),
      ...(comparison ? { comparison } : {}),
    });
  } catch (e) {
    scope.postMessage({ kind: "error", id, message: e instanceof Error ? e.message : String(e) });
  }
};
