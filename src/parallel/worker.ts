/**
 * Pooled worker thread: optionally warms the engine's hot loop, then plays the work units of each
 * request from the shared counter and sends back the tallies. Requests are handled one at a time.
 */
import { parentPort, workerData } from "node:worker_threads";
import { playUnits } from "../engine/montecarlo.js";
import { type PoolMessage, type PoolRequest, sharedCounter, tallyBuffers, type WorkerStart } from "./protocol.js";
import { warmEngine } from "./warm.js";

const port = parentPort;
if (!port) throw new Error("worker.js must run as a worker thread");
if ((workerData as WorkerStart | undefined)?.warm) warmEngine();
port.postMessage({ kind: "ready" } satisfies PoolMessage);

port.on("message", ({ id, request: req }: PoolRequest) => {
  let pending = 0;
  const tallies = playUnits(
    { models: req.models, rounds: req.rounds, values: req.values, ...(req.errors ? { errors: req.errors } : {}) },
    req.settings,
    req.plan,
    req.from,
    req.to,
    req.shape,
    sharedCounter(req.counter),
    (n) => {
      pending += n;
      if (pending >= 2048) {
        port.postMessage({ kind: "progress", id, contests: pending } satisfies PoolMessage);
        pending = 0;
      }
    },
  );
  if (pending > 0) port.postMessage({ kind: "progress", id, contests: pending } satisfies PoolMessage);
  port.postMessage({ kind: "done", id, tallies } satisfies PoolMessage, tallies.flatMap(tallyBuffers));
});
