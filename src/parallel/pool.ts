/**
 * A pool of worker threads that outlives one call. A Node worker takes 30-60 ms to boot and load
 * the engine, then tens of milliseconds more before its hot loop is compiled: on the paper's size
 * (0.6 s on one thread) that start-up holds two fresh threads to about x1.65, against x2.0 warm.
 * The pool lets later calls (adaptive --precision batches, studies, bootstraps, library users)
 * reuse warm workers, and prestart() lets a long-lived process warm them ahead; the CLI's executable
 * starts them (not warmed) before its command line loads (cli/bin.ts). Idle workers are unref'd, so
 * they never keep a process alive.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Tally } from "../engine/types.js";
import type { IndexedJob, PoolMessage, PoolRequest, WorkRequest } from "./protocol.js";

interface Job {
  id: number;
  onProgress: (contests: number) => void;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/** One worker and the job it is playing, if any. */
class PooledWorker {
  readonly thread: Worker;
  job: Job | undefined;
  dead = false;
  /** Loaded (and warmed, if asked): a request now starts at once. */
  ready = false;

  constructor(url: URL, warm: boolean, onDeath: (w: PooledWorker) => void) {
    this.thread = new Worker(url, { workerData: { warm } });
    this.thread.on("message", (msg: PoolMessage) => {
      if (msg.kind === "ready") {
        this.ready = true;
        return;
      }
      const job = this.job;
      if (!job || msg.id !== job.id) return;
      if (msg.kind === "progress") job.onProgress(msg.contests);
      else {
        this.job = undefined;
        this.thread.unref();
        job.resolve(msg.kind === "done" ? msg.tallies : msg.results);
      }
    });
    const fail = (error: Error) => {
      if (this.dead) return;
      this.dead = true;
      onDeath(this);
      const job = this.job;
      this.job = undefined;
      job?.reject(error);
    };
    this.thread.on("error", fail);
    this.thread.on("exit", (code) => fail(new Error(`simulation worker exited with code ${code} before finishing`)));
    // Only after the listeners: adding a "message" listener refs the worker's port again
    // (nodejs/node#53036), which would keep the process alive for an idle worker.
    this.thread.unref();
  }

  send(job: Job, message: PoolRequest): void {
    this.job = job;
    this.thread.ref();
    this.thread.postMessage(message);
  }
}

export class SimulationPool {
  private readonly idle: PooledWorker[] = [];
  private readonly all = new Set<PooledWorker>();
  private nextJob = 1;

  /** `maxIdle`: idle workers kept for reuse (beyond that, finished workers are stopped). */
  constructor(
    private readonly maxIdle = availableParallelism(),
    private readonly url = new URL("./worker.js", import.meta.url),
  ) {}

  /** Starts workers until `count` are idle, each warming the engine's hot loop on a tiny contest. */
  prestart(count: number, warm = true): void {
    while (this.idle.length < Math.min(count, this.maxIdle)) this.idle.push(this.spawn(warm));
  }

  /** Number of live workers (idle or busy). */
  get size(): number {
    return this.all.size;
  }

  /** Idle workers that have finished loading (and warming): they start a request at once. */
  get readyIdle(): number {
    return this.idle.filter((w) => w.ready).length;
  }

  /**
   * Plays `request` on `workers` workers at once (they share its unit counter): resolves with one
   * tally list per worker. Reuses idle workers and starts new ones for the rest.
   */
  play(request: WorkRequest, workers: number, onProgress: (contests: number) => void): Promise<Tally[]>[] {
    return this.dispatch<Tally[]>((id) => ({ kind: "play", id, request }), workers, onProgress);
  }

  /** Plays one batch of indexed items on `workers` workers sharing `counter`: [index, result] per worker. */
  pull<Req, Res>(job: IndexedJob<Req, Res>, request: Req, counter: SharedArrayBuffer, workers: number): Promise<[number, Res][]>[] {
    return this.dispatch<[number, Res][]>(
      (id) => ({ kind: "indexed", id, module: job.module, pull: job.pull, request, counter }),
      workers,
      () => {},
    );
  }

  private dispatch<T>(message: (id: number) => PoolRequest, workers: number, onProgress: (contests: number) => void): Promise<T>[] {
    // Ready workers first, then the ones still loading, then new ones.
    this.idle.sort((a, b) => Number(b.ready) - Number(a.ready));
    const taken = this.idle.splice(0, workers);
    while (taken.length < workers) taken.push(this.spawn(false));
    return taken.map(
      (w) =>
        new Promise<T>((resolve, reject) => {
          const job: Job = {
            id: this.nextJob++,
            onProgress,
            resolve: (result) => {
              this.release(w);
              resolve(result as T);
            },
            reject,
          };
          w.send(job, message(job.id));
        }),
    );
  }

  /** Stops every worker (idle or busy: a busy one's job is rejected). */
  async close(): Promise<void> {
    const threads = [...this.all].map((w) => w.thread);
    this.idle.length = 0;
    await Promise.all(threads.map((t) => t.terminate()));
  }

  private spawn(warm: boolean): PooledWorker {
    const w = new PooledWorker(this.url, warm, (dead) => {
      this.all.delete(dead);
      const at = this.idle.indexOf(dead);
      if (at >= 0) this.idle.splice(at, 1);
    });
    this.all.add(w);
    return w;
  }

  private release(w: PooledWorker): void {
    if (w.dead) return;
    if (this.idle.length < this.maxIdle) this.idle.push(w);
    else {
      this.all.delete(w);
      w.dead = true;
      void w.thread.terminate();
    }
  }
}

let shared: SimulationPool | undefined;

/** The process-wide pool simulate() uses by default (created on first use). */
export function sharedPool(): SimulationPool {
  shared ??= new SimulationPool();
  return shared;
}
