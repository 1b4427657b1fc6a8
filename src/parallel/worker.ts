/**
 * Pooled worker thread: optionally warms the engine's hot loop, then handles one request at a
 * time: contests (work units from the shared counter, tallies back) or study re-rankings (job
 * indices from the shared counter, results back).
 */
import { parentPort, workerData } from "node:worker_threads";
import { playUnits } from "../engine/montecarlo.js";
import {
  type BootstrapRequest,
  type MethodsRequest,
  type PoolMessage,
  type PoolRequest,
  type RerankRequest,
  sharedCounter,
  tallyBuffers,
  type WorkerStart,
  type WorkRequest,
} from "./protocol.js";
import { warmEngine } from "./warm.js";

if (!parentPort) throw new Error("worker.js must run as a worker thread");
const port = parentPort;
if ((workerData as WorkerStart | undefined)?.warm) warmEngine();
port.postMessage({ kind: "ready" } satisfies PoolMessage);

port.on("message", (msg: PoolRequest) => {
  if (msg.kind === "rerank") void rerankJobs(msg.id, msg.request);
  else if (msg.kind === "bootstrap") void bootstrapJobs(msg.id, msg.request);
  else if (msg.kind === "methods") void methodJobs(msg.id, msg.request);
  else play(msg.id, msg.request);
});

function play(id: number, req: WorkRequest): void {
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
}

/** Study re-rankings: the analysis code is loaded on first use only, so simulation workers stay light. */
async function rerankJobs(id: number, req: RerankRequest): Promise<void> {
  const { pullReranks } = await import("../analysis/rerun.js");
  const results = pullReranks(req.jobs, req.settings, sharedCounter(req.counter));
  port.postMessage({ kind: "reranked", id, results } satisfies PoolMessage);
}

/** Bootstrap replicates: the analysis code is loaded on first use only. */
async function bootstrapJobs(id: number, req: BootstrapRequest): Promise<void> {
  const { pullBootstrap } = await import("../analysis/bootstrap.js");
  const results = pullBootstrap(req.table, req.plan, req.spec, req.settings, sharedCounter(req.counter));
  const buffers = results.flatMap(([, draws]) => draws.map((d) => d.buffer as ArrayBuffer));
  port.postMessage({ kind: "bootstrapped", id, results } satisfies PoolMessage, buffers);
}

/** Ranking methods for a comparison: the analysis code is loaded on first use only. */
async function methodJobs(id: number, req: MethodsRequest): Promise<void> {
  const { pullMethods } = await import("../analysis/compare.js");
  const results = pullMethods(req.matrix, req.ids, req.options, sharedCounter(req.counter));
  port.postMessage({ kind: "ranked", id, results } satisfies PoolMessage);
}
