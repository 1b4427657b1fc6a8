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
  // Copied, never transferred: the first buffer a thread transfers away (detaches) makes V8 check
  // every later typed-array access for detachment, which left this worker's hot loop 6% slower on
  // 29 x 12 and 13% slower on 5000 x 50 for every job after it. Copying 15 MB costs a few ms.
  port.postMessage({ kind: "done", id, tallies } satisfies PoolMessage);
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
