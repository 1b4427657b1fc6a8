/**
 * Guards for the optimised hot loop (src/engine/contest.ts, layout.ts): the fast path (generator
 * state in locals, integer draws, rank comparisons, batched histograms) must give exactly what the
 * plain RandomSource path gives, and the totals the spec fixes.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { createWorkspace, playContests } from "../src/engine/contest.js";
import { bucketLayout } from "../src/engine/layout.js";
import { planChunks, runChunks } from "../src/engine/montecarlo.js";
import { pointsPerContest } from "../src/engine/points.js";
import { chunkRng, type RandomSource, Xoshiro128 } from "../src/engine/rng.js";
import { emptyTally } from "../src/engine/tally.js";
import type { RoundScores, Tally } from "../src/engine/types.js";
import { ROOT, roundScores, rules } from "./helpers.js";

function snapshot(t: Tally): string {
  return JSON.stringify([
    t.contests,
    ...[t.scoreSum, t.scoreSqSum, t.firstCount, t.eliminatedCount, t.roundsSum, t.byeSum, t.rankHistogram].map((a) => Array.from(a)),
  ]);
}

/** A RandomSource that is not a Xoshiro128: forces the loop's interface path. */
function plain(g: Xoshiro128): RandomSource {
  return { below: (n: number) => g.below(n) };
}

function grid(M: number, K: number, seed: number, levels: number): number[][] {
  const rng = chunkRng(seed, 0, 77);
  return Array.from({ length: M }, () => Array.from({ length: K }, () => rng.below(levels) / 2));
}

describe("optimised engine guards", () => {
  it("fast path and RandomSource path give bit-identical tallies (paper/script, T, tolerance, ties)", () => {
    for (const [M, K, levels] of [
      [29, 12, 40],
      [9, 5, 3],
      [64, 7, 6],
    ] as const) {
      const rs = roundScores(grid(M, K, M + K, levels));
      for (const mode of ["paper", "script"] as const) {
        for (const T of [0, 1, 2, 5]) {
          for (const tol of [0, 0.6]) {
            const r = rules(K, Math.min(T, M - 1), mode, tol);
            const shape = { models: M, rankBinWidth: 1 };
            const a = emptyTally(shape);
            const b = emptyTally(shape);
            const ga = chunkRng(3, 4);
            const gb = chunkRng(3, 4);
            playContests(rs, r, ga, 300, a, createWorkspace(M, K));
            playContests(rs, r, plain(gb), 300, b, createWorkspace(M, K));
            assert.equal(snapshot(a), snapshot(b), `M=${M} ${mode} T=${T} tol=${tol}`);
            // The fast path leaves the generator exactly where the plain path does.
            assert.equal(ga.nextUint32(), gb.nextUint32());
          }
        }
      }
    }
  });

  it("the bucket layout hands out exactly pointsPerContest matches", () => {
    for (const M of [1, 2, 3, 7, 29, 100, 1001]) {
      for (const T of [0, 1, 2, 3]) {
        const schedule = new Array(12).fill(Math.min(T, Math.max(0, M - 1)));
        const L = bucketLayout(M, schedule);
        let matches = 0;
        for (let p = 0; p < L.plays.length; p += 4) matches += L.plays[p + 1] >> 1;
        assert.equal(matches, pointsPerContest(M, schedule), `M=${M} T=${T}`);
        assert.equal(
          L.finalCount.reduce((a, b) => a + b, 0),
          M,
        );
      }
    }
  });

  it("29 x 12 MMLU-Pro fixture: sum of E[S] is exactly 154 / 130 / 97 at T = 0 / 1 / 2", () => {
    const lines = readFileSync(`${ROOT}bench/fixtures/mmlu-pro-29x12.csv`, "utf8").trim().split("\n").slice(1);
    const rs = roundScores(lines.map((l) => l.split(",").slice(1).map(Number)));
    assert.equal(rs.models, 29);
    assert.equal(rs.rounds, 12);
    const plan = planChunks(4000, 11);
    const tallies = runChunks(
      rs,
      [0, 1, 2].map((T) => rules(12, T)),
      plan,
      0,
      plan.chunks,
      { models: 29, rankBinWidth: 1 },
    );
    tallies.forEach((t, i) => {
      assert.equal(
        t.scoreSum.reduce((a, b) => a + b, 0),
        4000 * [154, 130, 97][i],
      );
    });
  });

  it("batched rank histograms equal direct ones (same contests, coarser bins)", () => {
    const M = 400; // 400 x 400 cells: batched; 400 x 200 cells (bin width 2): direct
    const K = 6;
    const rs = roundScores(grid(M, K, 5, 60));
    const r = rules(K, 3);
    const fine = emptyTally({ models: M, rankBinWidth: 1 });
    const coarse = emptyTally({ models: M, rankBinWidth: 2 });
    playContests(rs, r, chunkRng(8, 0), 120, fine, createWorkspace(M, K));
    playContests(rs, r, chunkRng(8, 0), 120, coarse, createWorkspace(M, K));
    for (let m = 0; m < M; m++) {
      for (let b = 0; b < coarse.rankBins; b++) {
        const f = fine.rankHistogram[m * M + 2 * b] + (2 * b + 1 < M ? fine.rankHistogram[m * M + 2 * b + 1] : 0);
        assert.equal(coarse.rankHistogram[m * coarse.rankBins + b], f, `model ${m} bin ${b}`);
      }
    }
    // Every position is taken by exactly one model in every contest.
    for (let p = 0; p < M; p++) {
      let col = 0;
      for (let m = 0; m < M; m++) col += fine.rankHistogram[m * M + p];
      assert.equal(col, 120, `position ${p}`);
    }
  });

  it("fields too large for 16-bit ranks fall back to doubles and still hand out the right points", () => {
    const M = 33_000;
    const K = 2;
    const values = new Float64Array(M * K);
    for (let i = 0; i < values.length; i++) values[i] = (i * 7919) % 1000;
    const rs: RoundScores = { models: M, rounds: K, values };
    const t = emptyTally({ models: M, rankBinWidth: 33 });
    playContests(rs, rules(K, 1), chunkRng(2, 0), 2, t, createWorkspace(M, K));
    assert.equal(
      t.scoreSum.reduce((a, b) => a + b, 0),
      2 * pointsPerContest(M, [1, 1]),
    );
  });

  it("a state the fast path wrote back continues the stream exactly", () => {
    const g = new Xoshiro128(1, 2, 3, 4);
    const h = new Xoshiro128(1, 2, 3, 4);
    const rs = roundScores(grid(5, 2, 1, 3));
    playContests(rs, rules(2, 0), g, 1, emptyTally({ models: 5, rankBinWidth: 1 }), createWorkspace(5, 2));
    playContests(rs, rules(2, 0), plain(h), 1, emptyTally({ models: 5, rankBinWidth: 1 }), createWorkspace(5, 2));
    for (let i = 0; i < 4; i++) assert.equal(g.nextUint32(), h.nextUint32());
  });
});
