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
 * Batches of independent items (study re-rankings, bootstrap replicates, ranking methods): every
 * thread pulls item indices from the shared counter and returns [index, result] for each item it took.
 */
export interface IndexedJobs {
  rerank: { request: { jobs: RerankJob[]; settings: RerunSettings }; result: MethodScores[] };
  bootstrap: { request: { table: ScoreTable; plan: RoundPlan; spec: ResampleSpec; settings: BootstrapSettings }; result: Float64Array[] };
  /** ids: ranking-method registry ids, heaviest first. */
  methods: { request: { matrix: ScoreMatrix; ids: string[]; options: RankingOptions }; result: RankingResult };
}

export type IndexedKind = keyof IndexedJobs;

/** Main thread -> pooled worker: one request (id: the job, echoed back). */
export type PoolRequest =
  | { kind: "play"; id: number; request: WorkRequest }
  | { kind: "indexed"; id: number; job: IndexedKind; request: IndexedJobs[IndexedKind]["request"]; counter: SharedArrayBuffer };

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
