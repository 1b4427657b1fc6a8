/** Messages between the main thread and the pool's workers. */
import type { ChunkPlan } from "../engine/montecarlo.js";
import type { ContestRules, Tally, TallyShape } from "../engine/types.js";

export interface WorkRequest {
  models: number;
  rounds: number;
  values: Float64Array;
  errors?: Float64Array;
  settings: ContestRules[];
  plan: ChunkPlan;
  from: number;
  to: number;
  shape: TallyShape;
  /** comparisonRanks of the round scores, computed once by the calling thread (null: none). */
  ranks: Int16Array | null;
  /** One Int32: the next unused work unit, shared by every thread (Atomics.add). */
  counter: SharedArrayBuffer;
}

/** The shared unit counter as a `next` function for playUnits. */
export function sharedCounter(buffer: SharedArrayBuffer): () => number {
  const counter = new Int32Array(buffer);
  return () => Atomics.add(counter, 0, 1);
}

/**
 * A kind of batch of independent items (study re-rankings, bootstrap replicates, ranking methods):
 * every thread pulls item indices from the shared counter and returns [index, result] for each item
 * it took. A worker loads `module` (a URL) and calls its export `pull(request, next)`, so the thread
 * pool knows nothing of the layers that use it (analysis, the bootstrap): they name their own code.
 * Req and Res type the request and each item's result.
 */
export interface IndexedJob<Req, Res> {
  /** For messages. */
  name: string;
  /** URL of the module that exports the pull function (its own import.meta.url). */
  module: string;
  /** The pull function's export name: (request: Req, next: () => number) => [number, Res][]. */
  pull: string;
  /** Phantom fields: never set, they carry the request and result types. */
  readonly request?: Req;
  readonly result?: Res;
}

/** The pull function a job module exports. */
export type PullFunction<Req, Res> = (request: Req, next: () => number) => [number, Res][];

/** Main thread -> pooled worker: one request (id: the job, echoed back). */
export type PoolRequest =
  | { kind: "play"; id: number; request: WorkRequest }
  | { kind: "indexed"; id: number; module: string; pull: string; request: unknown; counter: SharedArrayBuffer };

/** Pooled worker -> main thread. */
export type PoolMessage =
  | { kind: "ready" }
  | { kind: "progress"; id: number; contests: number }
  | { kind: "done"; id: number; tallies: Tally[] }
  | { kind: "pulled"; id: number; results: [number, unknown][] };

/** What a pooled worker is started with. */
export interface WorkerStart {
  /** Play a tiny contest first so the hot loop is compiled before the first real request. */
  warm: boolean;
}

/** The buffers of a tally, to transfer rather than copy. */
export function tallyBuffers(t: Tally): ArrayBuffer[] {
  return [t.scoreSum, t.scoreSqSum, t.firstCount, t.eliminatedCount, t.roundsSum, t.byeSum, t.rankHistogram].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
