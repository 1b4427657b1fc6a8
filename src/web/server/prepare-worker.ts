/** Worker thread entry: prepares one dashboard request (see prepare-thread.ts) and posts the reply. */
import { parentPort, workerData } from "node:worker_threads";
import { InputError, whereOf } from "../../table/errors.js";
import { type DashboardInput, prepareForDashboard, prepareWithBootstrap } from "./prepare.js";
import type { PrepareReply } from "./prepare-thread.js";

if (!parentPort) throw new Error("prepare-worker.js must run as a worker thread");
const port = parentPort;
const input = workerData as DashboardInput;
// serve --bootstrap: the run and its resamples are played here, within the same time limit.
(input.bootstrap ? prepareWithBootstrap(input) : Promise.resolve().then(() => prepareForDashboard(input))).then(
  (run) => port.postMessage({ ok: true, run } satisfies PrepareReply),
  (e: unknown) =>
    port.postMessage({
      ok: false,
      input: e instanceof InputError,
      message: e instanceof Error ? e.message : String(e),
      ...(e instanceof InputError ? { where: whereOf(e) } : {}),
    } satisfies PrepareReply),
);
