/** Worker thread entry: prepares one dashboard request (see prepare-thread.ts) and posts the reply. */
import { parentPort, workerData } from "node:worker_threads";
import { InputError } from "../../table/errors.js";
import { type DashboardInput, prepareForDashboard } from "./prepare.js";
import type { PrepareReply } from "./prepare-thread.js";

if (!parentPort) throw new Error("prepare-worker.js must run as a worker thread");
let reply: PrepareReply;
try {
  reply = { ok: true, run: prepareForDashboard(workerData as DashboardInput) };
} catch (e) {
  reply = { ok: false, input: e instanceof InputError, message: e instanceof Error ? e.message : String(e) };
}
parentPort.postMessage(reply);
