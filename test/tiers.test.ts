import assert from "node:assert/strict";
import { test } from "node:test";
import { intervalTiers, kmeansTiers } from "../src/analysis/tiers.js";
import { chunkRng } from "../src/engine/rng.js";
import { meanWinRates } from "../src/rank/win-rate.js";
import { loadHelmLite } from "./rank-data.js";

const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test("Ckmeans.1d.dp's documented example: three clusters -1, 2, 5", () => {
  // R: Ckmeans.1d.dp(c(-1, 2, -1, 2, 4, 5, 6, -1, 2, -1), 3): centers -1, 2, 5.
  const r = kmeansTiers([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], 3);
  assert.equal(r.k, 3);
  assert.deepEqual(r.centers, [5, 2, -1]); // tier 1 = best
  assert.deepEqual(r.sizes, [3, 3, 4]);
  assert.deepEqual(r.tiers, [3, 2, 3, 2, 1, 1, 1, 3, 2, 3]);
  close(r.withinSS, 2);
});

/** Best within-SS over all ways to cut the sorted distinct values into k contiguous groups. */
function bruteForce(xs: number[], k: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const distinct = [...new Set(sorted)];
  const ss = (lo: number, hi: number) => {
    const g = sorted.filter((x) => x >= distinct[lo] && x <= distinct[hi]);
    const m = g.reduce((a, b) => a + b, 0) / g.length;
    return g.reduce((a, x) => a + (x - m) ** 2, 0);
  };
  const best = (start: number, groups: number): number => {
    if (groups === 1) return ss(start, distinct.length - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let end = start; end <= distinct.length - groups; end++) b = Math.min(b, ss(start, end) + best(end + 1, groups - 1));
    return b;
  };
  return best(0, Math.min(k, distinct.length));
}

test("optimal: matches brute force on random small vectors with ties", () => {
  const rng = chunkRng(42, 0, 0);
  for (let trial = 0; trial < 200; trial++) {
    const n = 1 + rng.below(9);
    const xs = Array.from({ length: n }, () => rng.below(7) + (rng.below(2) ? 0.5 : 0));
    const k = 1 + rng.below(4);
    const r = kmeansTiers(xs, k);
    close(r.withinSS, bruteForce(xs, k), 1e-9);
    // Equal scores share a tier, and tiers are ordered by score.
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (xs[i] === xs[j]) assert.equal(r.tiers[i], r.tiers[j]);
        if (xs[i] > xs[j]) assert.ok(r.tiers[i] <= r.tiers[j]);
      }
    }
  }
});

test("k shrinks to the number of distinct scores; NaN gets no tier", () => {
  const r = kmeansTiers([3, 3, Number.NaN, 1], 4);
  assert.equal(r.k, 2);
  assert.deepEqual(r.tiers, [1, 1, Number.NaN, 2]);
  assert.equal(kmeansTiers([], 4).k, 0);
  assert.throws(() => kmeansTiers([1], 0), /positive integer/);
});

test("HELM Lite mean win rates split into 4 tiers, best first", () => {
  const { matrix } = loadHelmLite();
  const mwr = meanWinRates(matrix).meanWinRates;
  const r = kmeansTiers(mwr);
  assert.equal(r.k, 4);
  assert.equal(
    r.sizes.reduce((a, b) => a + b, 0),
    72,
  );
  for (let t = 1; t < 4; t++) assert.ok(r.centers[t - 1] > r.centers[t]);
  assert.equal(r.tiers[mwr.indexOf(Math.max(...mwr))], 1);
  assert.ok(r.withinSS < r.totalSS);
});

test("interval tiers: a new tier when a model's interval lies below the leader's", () => {
  const tiers = intervalTiers(
    [10, 9, 5, 4.5, 1, Number.NaN],
    [
      [8, 12],
      [7, 11],
      [4, 6],
      [3.9, 5.1],
      [0, 2],
      [0, 1],
    ],
  );
  assert.deepEqual(tiers, [1, 1, 2, 2, 3, Number.NaN]);
  // Chains do not merge tiers: c overlaps b but not the leader a.
  assert.deepEqual(
    intervalTiers(
      [3, 2, 1],
      [
        [2.5, 3.5],
        [1.5, 2.6],
        [0.5, 1.6],
      ],
    ),
    [1, 1, 2],
  );
});

test("the divide-and-conquer programme equals the plain O(k d^2) one on 400 scores with ties", () => {
  const rng = chunkRng(43, 0, 0);
  for (let trial = 0; trial < 5; trial++) {
    const xs = Array.from({ length: 400 }, () => Math.round(rng.nextFloat() * 300) / 3);
    const k = 2 + trial;
    // The plain programme, written out: every start of the last group tried for every end.
    const u = [...new Set(xs)].sort((a, b) => a - b);
    const w = u.map((v) => xs.filter((x) => x === v).length);
    const sse = (j: number, i: number) => {
      let sw = 0;
      let s1 = 0;
      let s2 = 0;
      for (let t = j; t <= i; t++) {
        sw += w[t];
        s1 += w[t] * u[t];
        s2 += w[t] * u[t] * u[t];
      }
      return Math.max(0, s2 - (s1 * s1) / sw);
    };
    let prev = u.map((_, i) => sse(0, i));
    for (let q = 1; q < k; q++) {
      prev = u.map((_, i) => {
        let best = Number.POSITIVE_INFINITY;
        for (let j = q; j <= i; j++) best = Math.min(best, prev[j - 1] + sse(j, i));
        return best;
      });
    }
    close(kmeansTiers(xs, k).withinSS, prev[u.length - 1], 1e-6);
  }
});
