/**
 * Pooled worker thread: optionally warms the engine's hot loop, then handles one request at a
 * time: contests (work units from the shared counter, tallies back) or a batch of indexed items
 * (study re-rankings, bootstrap replicates, ranking methods: indices from the shared counter,
 * [index, result] pairs back).
 */
import { parentPort, workerData } from "node:worker_threads";
import { playUnits } from "../engine/montecarlo.js";
import {
  type IndexedJobs,
  type IndexedKind,
  type PoolMessage,
  type PoolRequest,
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
  if (msg.kind === "indexed") void pullIndexed(msg.id, msg.job, msg.request, sharedCounter(msg.counter));
  else play(msg.id, msg.request);
});

/**
 * Tallies up to this size are copied back, larger ones transferred. The first buffer a thread
 * transfers away (detaches) makes V8 check every later typed-array access of that thread for
 * detachment: every later job on the worker ran 6% slower at 29 x 12 and 13% slower at 5000 x 50.
 * Copying 15 MB costs a few milliseconds; above 64 MB (exact rank histograms of thousands of models)
 * the copy's memory matters more.
 */
const TRANSFER_BYTES = 64 << 20;

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
    req.ranks,
  );
  if (pending > 0) port.postMessage({ kind: "progress", id, contests: pending } satisfies PoolMessage);
  const buffers = tallies.flatMap(tallyBuffers);
  const bytes = buffers.reduce((sum, b) => sum + b.byteLength, 0);
  port.postMessage({ kind: "done", id, tallies } satisfies PoolMessage, bytes > TRANSFER_BYTES ? buffers : []);
}

/** How a worker plays each kind of indexed item; the analysis code is loaded on first use only, so simulation workers stay light. */
const pullers: {
  [K in IndexedKind]: (req: IndexedJobs[K]["request"], next: () => number) => Promise<[number, IndexedJobs[K]["result"]][]>;
} = {
  rerank: async (req, next) => (await import("../analysis/rerun.js")).pullReranks(req.jobs, req.settings, next),
  bootstrap: async (req, next) =>
    (await import("../analysis/bootstrap.js")).pullBootstrap(req.table, req.plan, req.spec, req.settings, next),
  methods: async (req, next) => (await import("../analysis/compare.js")).pullMethods(req.matrix, req.ids, req.options, next),
};

async function pullIndexed<K extends IndexedKind>(
  id: number,
  job: K,
  request: IndexedJobs[K]["request"],
  next: () => number,
): Promise<void> {
  const results = await (pullers[job] as (req: IndexedJobs[K]["request"], next: () => number) => Promise<[number, unknown][]>)(
    request,
    next,
  );
  port.postMessage({ kind: "pulled", id, results } satisfies PoolMessage);
}
