/** Shared test helpers: small round-score tables, Monte Carlo runs and exact enumeration. */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createWorkspace, playContests } from "../src/engine/contest.js";
import { planChunks, runChunks } from "../src/engine/montecarlo.js";
import type { RandomSource } from "../src/engine/rng.js";
import { emptyTally } from "../src/engine/tally.js";
import type { ContestRules, EliminationMode, RoundScores, Tally } from "../src/engine/types.js";
import { InputError } from "../src/table/errors.js";

/** The repository root (tests run from dist/test/). */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));

/** The command line as shipped: package.json's bin (the bundle in dist/cli/). */
export const CLI = join(
  ROOT,
  (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: { swissround: string } }).bin.swissround,
);

/** Real data copied into the repository (licences permitting): test/data mirrors ../shared/data. */
export const testData = (...path: string[]): string => join(ROOT, "test", "data", ...path);

/** Real data that may not be redistributed (SWE-bench, LiveBench's own tables): read from ../shared/data only. */
export const sharedData = (...path: string[]): string => join(SHARED, "data", ...path);

/** node:test's `skip` for a test that reads sharedData(): false where ../shared/data is present. */
export const NEEDS_SHARED: string | false = existsSync(join(SHARED, "data"))
  ? false
  : "needs ../shared/data beside the repository (data that may not be redistributed: SWE-bench is CC BY-NC, LiveBench's tables have no licence)";

/** rows[m][k] -> round-major RoundScores. */
export function roundScores(rows: number[][]): RoundScores {
  const M = rows.length;
  const K = rows[0].length;
  const values = new Float64Array(M * K);
  rows.forEach((r, m) => r.forEach((v, k) => (values[k * M + m] = v)));
  return { models: M, rounds: K, values };
}

export function rules(K: number, T: number | number[], elimination: EliminationMode = "paper", tieTolerance = 0): ContestRules {
  return {
    schedule: Int32Array.from(Array.isArray(T) ? T : new Array(K).fill(T)),
    elimination,
    tieTolerance,
  };
}

export function monteCarlo(rs: RoundScores, r: ContestRules, runs: number, seed = 1): Tally {
  const plan = planChunks(runs, seed);
  return runChunks(rs, [r], plan, 0, plan.chunks, { models: rs.models, rankBinWidth: 1 })[0];
}

export function means(t: Tally): number[] {
  return Array.from(t.scoreSum, (s) => s / t.contests);
}

export function standardErrors(t: Tally): number[] {
  const N = t.contests;
  return Array.from(t.scoreSum, (s, m) => {
    const mean = s / N;
    return Math.sqrt(Math.max(0, (t.scoreSqSum[m] - N * mean * mean) / (N - 1)) / N);
  });
}

/** A RandomSource that replays a fixed prefix of choices and records every draw's range. */
class Replay implements RandomSource {
  sizes: number[] = [];
  constructor(private readonly choices: number[]) {}
  below(n: number): number {
    const i = this.sizes.length;
    this.sizes.push(n);
    if (i >= this.choices.length) this.choices.push(0);
    return this.choices[i];
  }
}

export interface ExactOutcome {
  expected: number[];
  pEliminated: number[];
  pFirst: number[];
  /** Every contest's total points, with its probability. */
  totals: Map<number, number>;
}

/** Exact expectations by enumerating every sequence of random draws of one contest. */
export function enumerateExact(rs: RoundScores, r: ContestRules): ExactOutcome {
  const M = rs.models;
  const ws = createWorkspace(M, rs.rounds);
  const out: ExactOutcome = {
    expected: new Array(M).fill(0),
    pEliminated: new Array(M).fill(0),
    pFirst: new Array(M).fill(0),
    totals: new Map(),
  };
  let choices: number[] = [];
  for (;;) {
    const rng = new Replay(choices);
    const t = emptyTally({ models: M, rankBinWidth: 1 });
    playContests(rs, r, rng, 1, t, ws);
    const p = rng.sizes.reduce((acc, n) => acc / n, 1);
    let total = 0;
    for (let m = 0; m < M; m++) {
      out.expected[m] += p * t.scoreSum[m];
      out.pEliminated[m] += p * t.eliminatedCount[m];
      out.pFirst[m] += p * t.firstCount[m];
      total += t.scoreSum[m];
    }
    out.totals.set(total, (out.totals.get(total) ?? 0) + p);
    // Advance the odometer over the draws actually made.
    choices = choices.slice(0, rng.sizes.length);
    let i = choices.length - 1;
    while (i >= 0 && choices[i] + 1 >= rng.sizes[i]) i--;
    if (i < 0) return out;
    choices = choices.slice(0, i + 1);
    choices[i]++;
  }
}

/** Asserts that fn throws an InputError whose message matches every pattern. */
export function throwsInput(fn: () => unknown, ...patterns: RegExp[]): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof InputError, `expected InputError, got ${e}`);
    for (const p of patterns) assert.match(e.message, p);
    return true;
  });
}
