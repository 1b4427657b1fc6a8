/**
 * Monte Carlo in deterministic chunks. The contests 0..N-1 are cut into chunks whose size depends
 * only on N; chunk c is always played with the generator seeded by (seed, c). Any split of the
 * chunks across threads, processes or machines therefore adds up to the same integer tallies.
 * Every elimination setting replays the same chunk seeds (common random numbers), so a run of
 * T = 1 alone gives the same figures as the T = 1 part of a T = 0,1,2 sweep.
 */
import { cacheRanks, createWorkspace, playContests, setBins, type Workspace } from "./contest.js";
import { chunkRng } from "./rng.js";
import { emptyTally } from "./tally.js";
import type { ContestRules, RoundScores, Tally, TallyShape } from "./types.js";

export interface ChunkPlan {
  runs: number;
  seed: number;
  chunkSize: number;
  chunks: number;
}

/** Chunk size from N alone: at most 256 contests, and at least 64 chunks when N allows. */
export function planChunks(runs: number, seed: number): ChunkPlan {
  const chunkSize = Math.max(1, Math.min(256, Math.ceil(runs / 64)));
  return { runs, seed, chunkSize, chunks: Math.ceil(runs / chunkSize) };
}

export function contestsInChunk(plan: ChunkPlan, chunk: number): number {
  const first = chunk * plan.chunkSize;
  return Math.max(0, Math.min(plan.chunkSize, plan.runs - first));
}

/** The chunk range [from, to) of slice `index` (0-based) out of `count` equal slices. */
export function sliceChunks(plan: ChunkPlan, index: number, count: number): [number, number] {
  return [Math.floor((plan.chunks * index) / count), Math.floor((plan.chunks * (index + 1)) / count)];
}

/**
 * Plays the work units handed out by `next` (unit u = setting s, chunk c: u = s * (to - from) +
 * (c - from); -1 when none is left) and returns one tally per setting. Tallies are integer sums,
 * so however the units are shared among threads, the merged result is bit-identical.
 * `onChunk` is called after each chunk (for progress reporting). `ranks`: comparisonRanks(rs) if
 * the caller has it already (null when it gave none), as a worker gets it from the calling thread.
 */
export function playUnits(
  rs: RoundScores,
  settings: readonly ContestRules[],
  plan: ChunkPlan,
  from: number,
  to: number,
  shape: TallyShape,
  next: () => number,
  onChunk?: (contestsDone: number) => void,
  ranks?: Int16Array | null,
): Tally[] {
  const ws = threadWorkspace(rs, ranks);
  setBins(ws, rs.models, shape.rankBinWidth);
  const tallies = settings.map(() => emptyTally(shape));
  const span = to - from;
  const total = settings.length * span;
  primeSettings(rs, settings, shape, ws);
  for (let u = next(); u >= 0 && u < total; u = next()) {
    const s = Math.floor(u / span);
    const c = from + (u % span);
    const n = contestsInChunk(plan, c);
    playContests(rs, settings[s], chunkRng(plan.seed, c), n, tallies[s], ws);
    onChunk?.(n);
  }
  return tallies;
}

let kept: Workspace | undefined;

/**
 * This thread's workspace, reused from call to call when the field's size is the same: a new one
 * per call costs V8 its compiled hot loop (the new buffers' field types differ from the old ones',
 * which deoptimises code that relied on them). Its ranks are computed anew here, outside the hot
 * loop, so a caller may change values in place between calls.
 */
function threadWorkspace(rs: RoundScores, ranks: Int16Array | null | undefined): Workspace {
  if (!kept || kept.models !== rs.models || kept.offset.length !== rs.rounds + 2) kept = createWorkspace(rs.models, rs.rounds);
  cacheRanks(kept, rs, ranks);
  return kept;
}

/** Fields up to this many round scores are primed (one interpreted contest there costs well under a millisecond). */
const PRIME_MAX_CELLS = 4096;

/**
 * Before its first unit, a thread plays two throwaway contests of each setting (into scratch
 * tallies): V8 then compiles the hot loop once, with type feedback from every setting's code paths.
 * Otherwise it compiles it for the first setting and again when the next setting's first
 * eliminations deoptimise it: 20-35 ms of a core each time, which two busy threads on two cores
 * pay in full (on the paper's size, 2 threads went from 0.39 s to 0.36 s; measured in bench/).
 * Results are untouched; large fields, where this is noise, are not primed.
 */
function primeSettings(rs: RoundScores, settings: readonly ContestRules[], shape: TallyShape, ws: Workspace): void {
  if (settings.length < 2 || rs.models * rs.rounds > PRIME_MAX_CELLS) return;
  const rng = chunkRng(0, 0); // any draws: the scratch tallies are thrown away
  for (const rules of settings) {
    const scratch = emptyTally(shape);
    // Twice in a row: the second call meets the cached layout (a path the first does not take).
    playContests(rs, rules, rng, 1, scratch, ws);
    playContests(rs, rules, rng, 1, scratch, ws);
  }
}

/** Plays chunks [from, to) for every setting in this thread, returning one tally per setting. */
export function runChunks(
  rs: RoundScores,
  settings: readonly ContestRules[],
  plan: ChunkPlan,
  from: number,
  to: number,
  shape: TallyShape,
  onChunk?: (contestsDone: number) => void,
): Tally[] {
  let u = 0;
  return playUnits(rs, settings, plan, from, to, shape, () => u++, onChunk);
}

/** E[S] of every model per setting from N contests played in this thread (the studies' and bootstrap's replays). */
export function expectedScores(rs: RoundScores, settings: readonly ContestRules[], runs: number, seed: number): Float64Array[] {
  const plan = planChunks(runs, seed);
  const tallies = runChunks(rs, settings, plan, 0, plan.chunks, { models: rs.models, rankBinWidth: rs.models });
  return tallies.map((t) => Float64Array.from(t.scoreSum, (x) => x / t.contests));
}
