/** Worker thread: plays work units from the shared counter with the shared engine and sends back the tallies. */
import { parentPort, workerData } from "node:worker_threads";
import { playUnits } from "../engine/montecarlo.js";
import { type WorkRequest, type WorkerMessage, sharedCounter, tallyBuffers } from "./protocol.js";

const req = workerData as WorkRequest;
const port = parentPort;
if (!port) throw new Error("worker.js must run as a worker thread");
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
      port.postMessage({ kind: "progress", contests: pending } satisfies WorkerMessage);
      pending = 0;
    }
  },
);
port.postMessage({ kind: "done", tallies } satisfies WorkerMessage, tallies.flatMap(tallyBuffers));
