import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { createWorkspace, playContests } from "../src/engine/contest.js";
import { pointsPerContest } from "../src/engine/points.js";
import { chunkRng } from "../src/engine/rng.js";
import { chooseRankBinWidth, emptyTally, MAX_HISTOGRAM_CELLS, rankBinCount } from "../src/engine/tally.js";
import { means, monteCarlo, roundScores, rules, standardErrors } from "./helpers.js";
import { literalContest } from "./spec-literal.js";

/** Seeded pseudo-random round scores on a coarse grid, so ties occur. */
function randomRows(M: number, K: number, seed: number, levels = 7): number[][] {
  const rng = chunkRng(seed, 0, 99);
  return Array.from({ length: M }, () => Array.from({ length: K }, () => rng.below(levels)));
}

describe("points per contest", () => {
  it("29 models, 12 rounds: 154 at T = 0, 130 at T = 1, 97 at T = 2 (the spec's figures)", () => {
    assert.equal(pointsPerContest(29, new Array(12).fill(0)), 154);
    assert.equal(pointsPerContest(29, new Array(12).fill(1)), 130);
    assert.equal(pointsPerContest(29, new Array(12).fill(2)), 97);
  });

  it("every simulated contest hands out exactly the derived number of points (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom("paper" as const, "script" as const),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (M, K, T, mode, seed) => {
          const rows = randomRows(M, K, seed, 4);
          const rs = roundScores(rows);
          const r = rules(K, Math.min(T, M - 1), mode);
          const expected = pointsPerContest(M, r.schedule);
          const ws = createWorkspace(M, K);
          const rng = chunkRng(seed, 1);
          for (let n = 0; n < 5; n++) {
            const t = emptyTally({ models: M, rankBinWidth: 1 });
            playContests(rs, r, rng, 1, t, ws);
            const total = t.scoreSum.reduce((a, b) => a + b, 0);
            if (total !== expected) return false;
            if (t.scoreSum.some((s) => s < 0 || s > K)) return false;
          }
          return true;
        },
      ),
      { numRuns: 150 },
    );
  });

  it("sum of E[S] over the models is exactly the points per contest", () => {
    const rs = roundScores(randomRows(29, 12, 5, 50));
    for (const T of [0, 1, 2]) {
      const t = monteCarlo(rs, rules(12, T), 3000, 3);
      const sum = t.scoreSum.reduce((a, b) => a + b, 0);
      assert.equal(sum, 3000 * [154, 130, 97][T]);
    }
  });
});

describe("figures from the spec", () => {
  it("a model that beats everyone every round averages about 7.9 of 12 with 29 models (exact via bucket dynamics)", () => {
    const rows = randomRows(29, 12, 8, 100).map((r) => r.map((v) => v + 1));
    rows[0] = new Array(12).fill(1000);
    // The leader never loses: it gains a point unless it draws the bye of an odd bucket. Bucket
    // sizes are the same in every contest, so its expected score follows exactly from them.
    let dist = new Map<number, number>([[0, 1]]); // P(leader at score v)
    let sizes = [29];
    let exact = 0;
    for (let k = 0; k < 12; k++) {
      const next = new Map<number, number>();
      for (const [v, p] of dist) {
        const c = sizes[v];
        const bye = c % 2 === 1 ? 1 / c : 0;
        exact += p * (1 - bye);
        next.set(v + 1, (next.get(v + 1) ?? 0) + p * (1 - bye));
        next.set(v, (next.get(v) ?? 0) + p * bye);
      }
      const grown = new Array(sizes.length + 1).fill(0);
      sizes.forEach((c, v) => {
        grown[v] += c - Math.floor(c / 2);
        grown[v + 1] += Math.floor(c / 2);
      });
      sizes = grown;
      dist = next;
    }
    assert.ok(exact > 7.8 && exact < 8.0, `exact ${exact}`);
    const t = monteCarlo(roundScores(rows), rules(12, 0), 20_000, 9);
    const [e0] = means(t);
    const [se0] = standardErrors(t);
    assert.ok(Math.abs(e0 - exact) <= 4 * se0, `MC ${e0} vs exact ${exact} (SE ${se0})`);
  });

  it("0 <= E[S] <= K, and identical score vectors get equal E[S] within error (paper mode)", () => {
    const rows = randomRows(12, 6, 21, 5);
    rows[7] = [...rows[3]];
    const rs = roundScores(rows);
    for (const T of [0, 1, 2]) {
      const t = monteCarlo(rs, rules(6, T), 20_000, 4);
      const e = means(t);
      const se = standardErrors(t);
      for (const x of e) assert.ok(x >= 0 && x <= 6);
      const tol = 4 * Math.hypot(se[3], se[7]);
      assert.ok(Math.abs(e[3] - e[7]) <= tol, `T=${T}: ${e[3]} vs ${e[7]} (tol ${tol})`);
    }
  });
});

describe("the optimised engine matches the spec written literally", () => {
  for (const [M, K, T, mode] of [
    [7, 4, 0, "paper"],
    [7, 4, 1, "paper"],
    [9, 5, 2, "paper"],
    [9, 5, 2, "script"],
    [6, 3, 1, "script"],
  ] as const) {
    it(`${M} models x ${K} rounds, T = ${T}, ${mode}`, () => {
      const rows = randomRows(M, K, M * 100 + K * 10 + T, 4);
      const N = 20_000;
      const lit = new Array(M).fill(0);
      const litSq = new Array(M).fill(0);
      const rng = chunkRng(77, 0, 5);
      for (let n = 0; n < N; n++) {
        literalContest(rows, new Array(K).fill(T), mode, rng).forEach((s, m) => {
          lit[m] += s;
          litSq[m] += s * s;
        });
      }
      const t = monteCarlo(roundScores(rows), rules(K, T, mode), N, 12);
      const e = means(t);
      const se = standardErrors(t);
      for (let m = 0; m < M; m++) {
        const mean = lit[m] / N;
        const seLit = Math.sqrt(Math.max(0, litSq[m] / N - mean * mean) / N);
        const tol = 4 * Math.hypot(se[m], seLit) + 1e-9;
        assert.ok(Math.abs(e[m] - mean) <= tol, `model ${m}: engine ${e[m]} vs literal ${mean} (tol ${tol})`);
      }
    });
  }
});

describe("rank histogram bins", () => {
  it("exact up to 1,000 models, about 250 bins to 8,388, then within 2^21 cells per setting (193 places at 20,000)", () => {
    assert.equal(chooseRankBinWidth(1000, false), 1);
    assert.equal(chooseRankBinWidth(5000, false), 20);
    assert.equal(chooseRankBinWidth(20_000, false), 193);
    assert.equal(chooseRankBinWidth(20_000, true), 1, "--rank-distribution keeps them exact");
    for (const M of [1001, 4000, 8388, 8389, 12_345, 20_000, 100_000, 1_000_000]) {
      const w = chooseRankBinWidth(M, false);
      const cells = M * rankBinCount(M, w);
      assert.ok(cells <= MAX_HISTOGRAM_CELLS + M, `${M} models: ${cells} cells`);
      assert.ok(rankBinCount(M, w) <= 250, `${M} models: ${rankBinCount(M, w)} bins`);
    }
  });
});
