import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { kendallTauB, pairwiseAgreement, spearman, topKOverlap, topKSet } from "../src/analysis/agreement.js";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test("Kendall tau-b matches scipy's documented example (ties on both sides)", () => {
  // scipy.stats.kendalltau([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]).statistic = -0.47140452079103173
  close(kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]), -0.47140452079103173);
  // scipy.stats.kendalltau([1, 1, 2, 2, 3], [1, 2, 2, 3, 3]).statistic = 0.75
  close(kendallTauB([1, 1, 2, 2, 3], [1, 2, 2, 3, 3]), 0.75);
  close(kendallTauB([1, 2, 3, 4], [4, 3, 2, 1]), -1);
  close(kendallTauB([1, 2, 3], [10, 20, 30]), 1);
});

test("Spearman uses average ranks for ties (scipy's documented example)", () => {
  // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]).statistic = 0.8207826816681233
  close(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), 0.8207826816681233);
  close(spearman([1, 1, 2, 2, 3], [1, 2, 2, 3, 3]), 0.8055555555555555);
  close(spearman([1, 2, 3], [9, 4, 1]), -1);
});

test("missing entries drop the model; degenerate inputs give NaN", () => {
  const nan = Number.NaN;
  close(kendallTauB([12, 2, nan, 1, 12, 2], [1, 4, 3, 7, 1, 0]), -0.47140452079103173);
  close(spearman([1, 2, 3, 4, 5, nan], [5, 6, 7, 8, 7, 1]), 0.8207826816681233);
  assert.ok(Number.isNaN(kendallTauB([1, 1, 1], [1, 2, 3])));
  assert.ok(Number.isNaN(spearman([1], [1])));
  assert.throws(() => kendallTauB([1, 2], [1]), /rankings of 2 and 1/);
});

test("top-k overlap, ties at the cut included", () => {
  close(topKOverlap([5, 4, 3, 2, 1], [1, 4, 3, 2, 5], 2), 0.5);
  assert.deepEqual([...topKSet([5, 4, 4, 1], 2)], [0, 1, 2]);
  close(topKOverlap([5, 4, 4, 1], [5, 4, 3, 1], 2), 2 / 3);
  close(topKOverlap([1, 2, 3], [3, 2, 1], 3), 1);
});

test("pairwise agreement covers every pair of named rankings", () => {
  const rows = pairwiseAgreement(
    [
      { name: "p", scores: [1, 2, 3, 4] },
      { name: "q", scores: [1, 2, 4, 3] },
      { name: "r", scores: [4, 3, 2, Number.NaN] },
    ],
    2,
  );
  assert.deepEqual(
    rows.map((r) => `${r.a}-${r.b}`),
    ["p-q", "p-r", "q-r"],
  );
  close(rows[0].kendallTauB, 4 / 6);
  close(rows[0].spearman, 0.8);
  close(rows[0].topK, 1);
  assert.equal(rows[1].models, 3);
  close(rows[1].kendallTauB, -1);
  assert.equal(rows[2].k, 2);
});

test("property: O(n log n) Kendall tau-b and top-k sets equal their pair-by-pair definitions (ties, gaps)", () => {
  const tauByPairs = (x: number[], y: number[]) => {
    let c = 0;
    let d = 0;
    let tx = 0;
    let ty = 0;
    const n = x.length;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const s = Math.sign(x[i] - x[j]) * Math.sign(y[i] - y[j]);
        if (x[i] === x[j]) tx++;
        if (y[i] === y[j]) ty++;
        if (s > 0) c++;
        else if (s < 0) d++;
      }
    }
    const pairs = (n * (n - 1)) / 2;
    const denom = Math.sqrt((pairs - tx) * (pairs - ty));
    return denom === 0 ? Number.NaN : (c - d) / denom;
  };
  const topByPairs = (x: number[], k: number) => x.flatMap((v, i) => (!Number.isNaN(v) && x.filter((w) => w > v).length < k ? [i] : []));
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { minLength: 0, maxLength: 30 }),
      fc.integer({ min: 0, max: 8 }),
      (pairs, k) => {
        const x = pairs.map(([a]) => a);
        const y = pairs.map(([, b]) => b);
        const got = kendallTauB(x, y);
        const want = tauByPairs(x, y);
        assert.ok(Number.isNaN(want) ? Number.isNaN(got) : Math.abs(got - want) < 1e-12, `${got} vs ${want}`);
        const withGaps = x.map((v, i) => (i % 4 === 3 ? Number.NaN : v));
        assert.deepEqual(
          [...topKSet(withGaps, k)].sort((a, b) => a - b),
          topByPairs(withGaps, k),
        );
      },
    ),
    { numRuns: 400, seed: 17 },
  );
});
