import assert from "node:assert/strict";
import { test } from "node:test";
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
