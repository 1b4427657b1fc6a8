/** Messages between the main thread and the pool's workers. */
import type { BootstrapSettings } from "../analysis/bootstrap.js";
import type { MethodScores, RerankJob, RerunSettings } from "../analysis/rerun.js";
import type { ResampleSpec } from "../analysis/resample.js";
import type { ChunkPlan } from "../engine/montecarlo.js";
import type { ContestRules, Tally, TallyShape } from "../engine/types.js";
import type { RoundPlan } from "../plan/plan.js";
import type { RankingOptions, RankingResult } from "../rank/index.js";
import type { ScoreMatrix } from "../rank/matrix.js";
import type { ScoreTable } from "../table/types.js";

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
  /** One Int32: the next unused work unit, shared by every thread (Atomics.add). */
  counter: SharedArrayBuffer;
}

/** The shared unit counter as a `next` function for playUnits. */
export function sharedCounter(buffer: SharedArrayBuffer): () => number {
  const counter = new Int32Array(buffer);
  return () => Atomics.add(counter, 0, 1);
}

/** A batch of study re-rankings: every thread pulls job indices from the shared counter. */
export interface RerankRequest {
  jobs: RerankJob[];
  settings: RerunSettings;
  counter: SharedArrayBuffer;
}

/** The replicates of a bootstrap: every thread pulls replicate indices from the shared counter. */
export interface BootstrapRequest {
  table: ScoreTable;
  plan: RoundPlan;
  spec: ResampleSpec;
  settings: BootstrapSettings;
  counter: SharedArrayBuffer;
}

/** Static ranking methods for a comparison: every thread pulls method indices from the shared counter. */
export interface MethodsRequest {
  matrix: ScoreMatrix;
  /** Registry ids, heaviest first. */
  ids: string[];
  options: RankingOptions;
  counter: SharedArrayBuffer;
}

/** Main thread -> pooled worker: one request (id: the job, echoed back). */
export type PoolRequest =
  | { kind: "play"; id: number; request: WorkRequest }
  | { kind: "rerank"; id: number; request: RerankRequest }
  | { kind: "bootstrap"; id: number; request: BootstrapRequest }
  | { kind: "methods"; id: number; request: MethodsRequest };

/** Pooled worker -> main thread. */
export type PoolMessage =
  | { kind: "ready" }
  | { kind: "progress"; id: number; contests: number }
  | { kind: "done"; id: number; tallies: Tally[] }
  /** [job index, result] for each job this worker took. */
  | { kind: "reranked"; id: number; results: [number, MethodScores[]][] }
  /** [replicate, expected scores per setting] for each replicate this worker took. */
  | { kind: "bootstrapped"; id: number; results: [number, Float64Array[]][] }
  /** [method index, result] for each method this worker ran. */
  | { kind: "ranked"; id: number; results: [number, RankingResult][] };

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
