/**
 * Pooled worker thread: optionally warms the engine's hot loop, then handles one request at a
 * time: contests (work units from the shared counter, tallies back) or a batch of indexed items
 * (study re-rankings, bootstrap replicates, ranking methods: indices from the shared counter,
 * [index, result] pairs back, computed by the module the request names).
 */
import { parentPort, workerData } from "node:worker_threads";
import { playUnits } from "../engine/montecarlo.js";
import { roundScoresFrom } from "../engine/types.js";
import { gridOf } from "../grid/grid.js";
import {
  type PoolMessage,
  type PoolRequest,
  type PullFunction,
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
  if (msg.kind === "indexed") void pullIndexed(msg.id, msg.module, msg.pull, msg.request, sharedCounter(msg.counter));
  else play(msg.id, msg.request);
});

/**
 * Tallies up to this size are copied back, larger ones transferred. The first buffer a thread
 * transfers away (detaches) makes V8 check every later typed-array access of that thread for
 * detachment: every later job on the worker ran 6% slower at 29 x 12 and 13% slower at 5000 x 50.
 * Copying 15 MB costs a few milliseconds; above 32 MB (exact rank histograms of thousands of models,
 * e.g. --rank-distribution) the copy's memory matters more. Binned histograms stay below it (25 MB
 * at 20,000 models x 3 settings: engine/tally.ts caps them).
 */
const TRANSFER_BYTES = 32 << 20;

function play(id: number, req: WorkRequest): void {
  let pending = 0;
  const tallies = playUnits(
    // Built as the calling thread builds its fields (one object shape for the hot loop).
    roundScoresFrom(gridOf(req.rounds, req.models, req.values), req.errors ? gridOf(req.rounds, req.models, req.errors) : undefined),
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

/**
 * One batch of indexed items: the job's own module (named by the request, loaded on first use and
 * cached by the module loader) pulls indices from the shared counter, so simulation workers stay light.
 */
async function pullIndexed(id: number, module: string, pull: string, request: unknown, next: () => number): Promise<void> {
  const loaded = (await import(module)) as Record<string, PullFunction<unknown, unknown>>;
  const fn = loaded[pull];
  if (typeof fn !== "function") throw new Error(`worker: ${module} has no pull function ${pull}`);
  port.postMessage({ kind: "pulled", id, results: fn(request, next) } satisfies PoolMessage);
}
