/**
 * The dashboard's simulation thread: the engine, the result assembly and the rank distributions are
 * imported from the library's own modules (src/engine, src/run/result.ts), not copied.
 */
import { distributionsOf } from "../../output/report/data.js";
import { assembleResult } from "../../run/result.js";
import type { WorkerMessage, WorkerRequest } from "../shared/protocol.js";
import { simulateRun } from "../shared/simulate.js";
import { decodeRoundScores } from "../shared/wire.js";

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
    const result = assembleResult(run.config, tallies, run.notes);
    scope.postMessage({ kind: "done", id, result, distributions: distributionsOf(result, tallies) });
  } catch (e) {
    scope.postMessage({ kind: "error", id, message: e instanceof Error ? e.message : String(e) });
  }
};
