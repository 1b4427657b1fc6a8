/** Runs a prepared run (and the method comparison) in a Web Worker; starting a run stops the one before it. */
import type { ComparisonResult } from "../../analysis/compare.js";
import type { RankDistribution } from "../../output/charts/input.js";
import type { RankResult } from "../../run/result.js";
import type { PreparedRun, WorkerMessage } from "../shared/protocol.js";

export interface Simulated {
  result: RankResult;
  distributions: RankDistribution[];
  /** Every other ranking method beside CSD (absent for fields too large for the page). */
  comparison?: ComparisonResult;
  /** Simulation time (the comparison excluded). */
  seconds: number;
}

let cancelCurrent: (() => void) | undefined;

/** Resolves with the result, or with undefined when a newer run replaced this one. */
export function simulate(
  run: PreparedRun,
  onProgress: (done: number, total: number) => void,
  onComparing: () => void = () => {},
): Promise<Simulated | undefined> {
  cancelCurrent?.();
  return new Promise((resolve, reject) => {
    // A fresh worker per run: stopping a run is terminating its worker.
    const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
    const started = performance.now();
    let simulated: number | undefined;
    const stop = () => {
      worker.terminate();
      cancelCurrent = undefined;
    };
    cancelCurrent = () => {
      stop();
      resolve(undefined);
    };
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const m = event.data;
      if (m.kind === "progress") return onProgress(m.done, m.total);
      if (m.kind === "comparing") {
        simulated = performance.now();
        return onComparing();
      }
      stop();
      if (m.kind === "error") return reject(new Error(m.message));
      const seconds = ((simulated ?? performance.now()) - started) / 1000;
      resolve({ result: m.result, distributions: m.distributions, ...(m.comparison ? { comparison: m.comparison } : {}), seconds });
    };
    worker.onerror = (e) => {
      stop();
      reject(new Error(`the simulation stopped: ${e.message}`));
    };
    worker.postMessage({ id: 0, run });
  });
}
