/**
 * A dashboard request's table preparation on a worker thread, with a time limit: reading and checking
 * an upload (6 models x 5,000 benchmarks took 18.6 s) no longer blocks the server's event loop, and a
 * request that runs too long is stopped (the worker is terminated) instead of holding the server.
 */
import { Worker } from "node:worker_threads";
import { InputError, type InputErrorWhere } from "../../table/errors.js";
import type { PreparedRun } from "../shared/protocol.js";
import type { DashboardInput } from "./prepare.js";

/** The worker's answer: the prepared run, an input error's message, or another error's. */
export type PrepareReply = { ok: true; run: PreparedRun } | { ok: false; input: boolean; message: string; where?: InputErrorWhere };

export class PrepareTimeout extends Error {
  override name = "PrepareTimeout";
}

const WORKER = new URL("./prepare-worker.js", import.meta.url);

export function prepareOnThread(input: DashboardInput, timeoutMs: number): Promise<PreparedRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: input });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new PrepareTimeout(`preparing the table took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`));
    }, timeoutMs);
    const settle = () => clearTimeout(timer);
    worker.once("message", (reply: PrepareReply) => {
      settle();
      void worker.terminate();
      if (reply.ok) resolve(reply.run);
      else reject(reply.input ? new InputError(reply.message, reply.where) : new Error(reply.message));
    });
    worker.once("error", (e) => {
      settle();
      reject(e);
    });
    worker.once("exit", (code) => {
      settle();
      reject(new Error(`the preparation thread stopped (exit ${code})`));
    });
  });
}
