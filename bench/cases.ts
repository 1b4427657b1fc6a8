/**
 * The bench's cases: (a) the paper's size on real data, (b) and (c) large synthetic fields.
 * Everything here is deterministic (seeded), so every run measures the same work.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chunkRng } from "../src/engine/rng.js";
import type { RoundScores } from "../src/engine/types.js";
import { loadMmluCase, type ScoreTableCsv } from "./mmlu.js";

/** The repository root (the bench runs from dist/bench/). */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The command line as shipped (package.json's bin: the bundle `npm run build:cli` writes to dist/cli/). */
export const CLI = join(ROOT, "dist", "cli", "swissround.js");
export const FIXTURE = `${ROOT}bench/fixtures/mmlu-pro-29x12.csv`;
export const MMLU_SOURCE = `${ROOT}../shared/data/mmlu-pro/mmlu_pro_item_correct.csv`;

export interface BenchCase {
  id: string;
  title: string;
  models: number;
  rounds: number;
  runs: number;
  /** Elimination settings (one T for every round). */
  T: number[];
  /** Builds the table (called in the measuring process). */
  build(): { table: ScoreTableCsv; note: string };
}

/**
 * A realistic synthetic leaderboard: latent ability + per-benchmark difficulty and discrimination +
 * per-(model, benchmark) specialisation noise, through a logistic link to a 0-100 score, rounded to
 * 0.1 as leaderboards publish it (so exact ties occur, more of them as the field grows).
 */
export function syntheticTable(models: number, benchmarks: number, seed: number): ScoreTableCsv {
  const rng = chunkRng(seed, 0, 1000);
  const normal = () => {
    const u = 1 - rng.nextFloat();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextFloat());
  };
  const ability = Array.from({ length: models }, () => normal());
  const difficulty = Array.from({ length: benchmarks }, () => 0.8 * normal());
  const discrimination = Array.from({ length: benchmarks }, () => 0.7 + 0.8 * rng.nextFloat());
  const scores = ability.map((a) =>
    difficulty.map((b, k) => {
      const z = discrimination[k] * (a - b) + 0.4 * normal();
      return Math.round(1000 / (1 + Math.exp(-z))) / 10;
    }),
  );
  return {
    models: ability.map((_, m) => `model-${String(m + 1).padStart(4, "0")}`),
    benchmarks: difficulty.map((_, k) => `bench-${k + 1}`),
    scores,
  };
}

export const CASES: BenchCase[] = [
  {
    id: "a",
    title: "(a) MMLU-Pro 29x12 (real)",
    models: 29,
    rounds: 12,
    runs: 100_000,
    T: [0, 1, 2],
    build: () => loadMmluCase(FIXTURE, MMLU_SOURCE),
  },
  {
    id: "b",
    title: "(b) synthetic 1000x20",
    models: 1000,
    rounds: 20,
    runs: 10_000,
    T: [0, 1, 2],
    build: () => ({ table: syntheticTable(1000, 20, 20251), note: "synthetic, seed 20251" }),
  },
  {
    id: "c",
    title: "(c) synthetic 5000x50",
    models: 5000,
    rounds: 50,
    runs: 1_000,
    T: [0, 1, 2],
    build: () => ({ table: syntheticTable(5000, 50, 20252), note: "synthetic, seed 20252" }),
  },
];

export function findCase(id: string): BenchCase {
  const c = CASES.find((x) => x.id === id);
  if (!c) throw new Error(`unknown bench case "${id}" (known: ${CASES.map((x) => x.id).join(", ")})`);
  return c;
}

/** One round per benchmark, in column order: round-major values as the engine reads them. */
export function toRoundScores(t: ScoreTableCsv): RoundScores {
  const M = t.models.length;
  const K = t.benchmarks.length;
  const values = new Float64Array(M * K);
  for (let m = 0; m < M; m++) for (let k = 0; k < K; k++) values[k * M + m] = t.scores[m][k];
  return { models: M, rounds: K, values };
}

/** Pairs of models with exactly equal scores, summed over rounds (how often coins are tossed). */
export function tiedPairs(t: ScoreTableCsv): number {
  let pairs = 0;
  for (let k = 0; k < t.benchmarks.length; k++) {
    const seen = new Map<number, number>();
    for (const row of t.scores) seen.set(row[k], (seen.get(row[k]) ?? 0) + 1);
    for (const c of seen.values()) pairs += (c * (c - 1)) / 2;
  }
  return pairs;
}
