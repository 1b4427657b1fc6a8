/**
 * A comparison's static ranking methods on threads (see parallel/share.ts), in two rounds. First
 * every method, heaviest first: a plain method runs whole, a resampled one (bootstrapped
 * Bradley-Terry, Elo over random orders) only prepares its full-data part. Then the resampled
 * methods' resamples, in chunks, so that both threads share the bulk of the work instead of one of
 * them playing all of Elo's orders. Resample r depends on the seed and r alone, and the chunks are
 * put back in order, so the result equals method.run on one thread, whatever the thread count.
 */
import type { SimulationPool } from "../parallel/pool.js";
import type { IndexedJob } from "../parallel/protocol.js";
import { shareIndexed } from "../parallel/share.js";
import { defaultThreads } from "../parallel/simulate.js";
import { type RankingMethod, type RankingOptions, type RankingResult, rankingMethod } from "../rank/index.js";
import type { ScoreMatrix } from "../rank/matrix.js";
import type { MethodBatch } from "./compare.js";

/** Costliest first (at 1,000-5,000 models), so that no thread waits for a long one at the end. */
const HEAVY_FIRST = ["bradley-terry", "kemeny", "iqm", "copeland", "elo", "optimality-gap"];
/** Chunks per thread for each resampled method: enough to even out the threads' shares. */
const CHUNKS_PER_THREAD = 6;

const weight = (id: string) => {
  const i = HEAVY_FIRST.indexOf(id);
  return i < 0 ? HEAVY_FIRST.length : i;
};

function methodById(id: string): RankingMethod {
  const m = rankingMethod(id);
  if (!m) throw new Error(`unknown ranking method ${id}`);
  return m;
}

/** Round one's result for a method: its whole result, or its prepared part when it resamples. */
type FirstRound = { result: RankingResult } | { prepared: unknown };

interface MethodsRequest {
  matrix: ScoreMatrix;
  /** Ranking-method registry ids, heaviest first. */
  ids: string[];
  options: RankingOptions;
}

/** A worker's share of round one (called by name in the worker: see METHODS_JOB). */
export function pullMethodsRequest(req: MethodsRequest, next: () => number): [number, FirstRound][] {
  const out: [number, FirstRound][] = [];
  for (let i = next(); i >= 0 && i < req.ids.length; i = next()) {
    const method = methodById(req.ids[i]);
    out.push([
      i,
      method.resampling
        ? { prepared: method.resampling.prepare(req.matrix, req.options) }
        : { result: method.run(req.matrix, req.options) },
    ]);
  }
  return out;
}

interface DrawsRequest {
  /** Method id and prepared part of each resampled method. */
  methods: { id: string; prepared: unknown }[];
  /** [method index in `methods`, first resample, end]. */
  chunks: [number, number, number][];
}

/** A worker's share of round two: chunks of resamples, with one scratch space per thread (called by name: see DRAWS_JOB). */
export function pullDrawsRequest(req: DrawsRequest, next: () => number): [number, Float64Array][] {
  const out: [number, Float64Array][] = [];
  const scratch = new Map<string, unknown>();
  for (let i = next(); i >= 0 && i < req.chunks.length; i = next()) {
    const [m, from, to] = req.chunks[i];
    const { id, prepared } = req.methods[m];
    const resampling = methodById(id).resampling;
    if (!resampling) throw new Error(`ranking method ${id} has no resamples`);
    out.push([i, resampling.draws(prepared, from, to, scratch)]);
  }
  return out;
}

const METHODS_JOB: IndexedJob<MethodsRequest, FirstRound> = { name: "methods", module: import.meta.url, pull: "pullMethodsRequest" };
const DRAWS_JOB: IndexedJob<DrawsRequest, Float64Array> = { name: "method resamples", module: import.meta.url, pull: "pullDrawsRequest" };

/** The chunks of every resampled method, interleaved method by method so that each thread gets a mix. */
function chunksOf(methods: { id: string; prepared: unknown }[], threads: number): [number, number, number][] {
  const lists = methods.map(({ id, prepared }, m) => {
    const count = methodById(id).resampling?.count(prepared) ?? 0;
    const size = Math.max(1, Math.ceil(count / (CHUNKS_PER_THREAD * threads)));
    const chunks: [number, number, number][] = [];
    for (let from = 0; from < count; from += size) chunks.push([m, from, Math.min(count, from + size)]);
    return chunks;
  });
  const out: [number, number, number][] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}

/** Concatenates one method's chunks of draws, in resample order. */
function joined(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function methodsOnThreads(threads = defaultThreads(), pool?: SimulationPool): MethodBatch {
  return async (matrix, ids, options) => {
    const order = ids.map((_, i) => i).sort((a, b) => weight(ids[a]) - weight(ids[b]) || a - b);
    const sorted = order.map((i) => ids[i]);
    const first = await shareIndexed(METHODS_JOB, { matrix, ids: sorted, options }, sorted.length, threads, pool, pullMethodsRequest);
    const resampled = first.flatMap((r, j) => ("prepared" in r ? [{ id: sorted[j], prepared: r.prepared, at: j }] : []));
    const methods = resampled.map(({ id, prepared }) => ({ id, prepared }));
    const chunks = chunksOf(methods, threads);
    const draws = await shareIndexed(DRAWS_JOB, { methods, chunks }, chunks.length, threads, pool, pullDrawsRequest);
    const results = first.map((r) => ("result" in r ? r.result : undefined));
    resampled.forEach(({ id, prepared, at }, m) => {
      const parts = chunks.flatMap(([owner], c) => (owner === m ? [draws[c]] : []));
      results[at] = methodById(id).resampling?.finish(prepared, joined(parts));
    });
    const inGivenOrder = new Array<RankingResult>(ids.length);
    order.forEach((given, j) => {
      inGivenOrder[given] = results[j] as RankingResult;
    });
    return inGivenOrder;
  };
}
