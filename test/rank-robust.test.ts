import assert from "node:assert/strict";
import { test } from "node:test";
import { chunkRng } from "../src/engine/rng.js";
import { matrixFromRows } from "../src/rank/matrix.js";
import { rankByMean } from "../src/rank/mean.js";
import {
  interquartileMean,
  optimalityGap,
  probabilityOfImprovement,
  probabilityOfImprovementInterval,
  rankByIqm,
  rankByOptimalityGap,
  robustAggregates,
  stratifiedColumnResample,
  trimmedMean,
} from "../src/rank/robust.js";
import { loadHelmLite } from "./rank-data.js";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test("IQM is scipy.stats.trim_mean(x, 0.25), as rliable", () => {
  // scipy: trim_mean(arange(20), 0.25) = 9.5; trim_mean([10, 1, 2, 3, 100], 0.25) = 5.0
  close(interquartileMean(Array.from({ length: 20 }, (_, i) => i)), 9.5);
  close(interquartileMean([10, 1, 2, 3, 100]), 5);
  close(interquartileMean([1, 2, 3, 4, 5, 6, 7, 8]), 4.5); // drops 2 each side
  close(interquartileMean([1, 2, 3]), 2); // floor(0.75) = 0: plain mean
  close(trimmedMean([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 0.1), 4.5);
  assert.ok(Number.isNaN(interquartileMean([])));
  assert.throws(() => trimmedMean([1, 2], 0.5), /leaves nothing/);
});

test("optimality gap is gamma - mean(min(x, gamma))", () => {
  close(optimalityGap([0.5, 1.2, 0.8]), 1 - 2.3 / 3);
  close(optimalityGap([0.5, 1.2, 0.8], 0.9), 0.9 - 2.2 / 3);
});

test("probability of improvement: shared columns, ties one half", () => {
  const r = probabilityOfImprovement([3, 2, 1, 5, Number.NaN], [1, 2, 3, 4, 0]);
  assert.equal(r.columns, 4);
  close(r.estimate, 2.5 / 4);
  close(probabilityOfImprovement([1, 2], [2, 1], [0, 0, 1]).estimate, 1 / 3);
});

test("stratified resample keeps each stratum's size and stays inside it", () => {
  const strata = [0, 0, 0, 1, 1, 2];
  for (let r = 0; r < 50; r++) {
    const cols = stratifiedColumnResample(strata, chunkRng(3, r, 13));
    assert.equal(cols.length, 6);
    assert.equal(cols.filter((c) => strata[c] === 0).length, 3);
    assert.equal(cols.filter((c) => strata[c] === 1).length, 2);
    assert.deepEqual(
      cols.filter((c) => strata[c] === 2),
      [5],
    );
  }
});

test("robust aggregates on min-max scores by hand, with seeded intervals", () => {
  const m = matrixFromRows(
    ["a", "b", "c"],
    ["x", "y", "z", "w"],
    [
      [10, 0.9, 3, 40],
      [0, 0.1, 1, 30],
      [5, 0.5, 2, null],
    ],
  );
  // min-max: a = [1, 1, 1, 1], b = [0, 0, 0, 0], c = [0.5, 0.5, 0.5] (w missing).
  const agg = robustAggregates(m, { resamples: 200, seed: 5 });
  assert.deepEqual(agg.iqm, [1, 0, 0.5]);
  assert.deepEqual(agg.gap, [0, 1, 0.5]);
  assert.deepEqual(agg.counts, [4, 4, 3]);
  assert.deepEqual(agg.iqmIntervals, [
    [1, 1],
    [0, 0],
    [0.5, 0.5],
  ]);
  const again = robustAggregates(m, { resamples: 200, seed: 5 });
  assert.deepEqual(again, agg);
});

test("bootstrap intervals are seeded: same seed same result, another seed differs; intervals bracket the IQM", () => {
  const { matrix } = loadHelmLite();
  const a = rankByIqm(matrix, { seed: 11, resamples: 300 });
  const b = rankByIqm(matrix, { seed: 11, resamples: 300 });
  const c = rankByIqm(matrix, { seed: 12, resamples: 300 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.intervals, c.intervals);
  assert.deepEqual(a.scores, c.scores);
  let inside = 0;
  a.scores.forEach((s, i) => {
    const [lo, hi] = a.intervals?.[i] ?? [Number.NaN, Number.NaN];
    assert.ok(lo <= hi);
    if (lo <= s && s <= hi) inside++;
  });
  assert.ok(inside >= 0.9 * a.scores.length, `${inside} of ${a.scores.length} IQMs inside their interval`);
  assert.ok(a.notes.some((n) => n.includes("seed 11")));
});

test("optimality gap ranks as the min-max mean and flips its interval", () => {
  const { matrix } = loadHelmLite();
  const r = rankByOptimalityGap(matrix, { resamples: 50 });
  const agg = robustAggregates(matrix, { resamples: 50 });
  r.scores.forEach((s, i) => {
    close(s, -agg.gap[i]);
    assert.deepEqual(r.intervals?.[i], [-agg.gapIntervals[i][1], -agg.gapIntervals[i][0]]);
  });
  assert.deepEqual(r.ranks, rankByMean(matrix, { normalisation: "minmax" }).ranks);
  assert.ok(r.notes.some((n) => n.includes("1 - mean")));
});

test("P(X > Y) interval is seeded and contains the estimate", () => {
  const { matrix } = loadHelmLite();
  const x = probabilityOfImprovementInterval(matrix, 0, 5, { resamples: 400, seed: 2 });
  const y = probabilityOfImprovementInterval(matrix, 0, 5, { resamples: 400, seed: 2 });
  assert.deepEqual(x, y);
  assert.equal(x.columns, 10);
  assert.ok(x.interval[0] <= x.estimate && x.estimate <= x.interval[1]);
  const rev = probabilityOfImprovementInterval(matrix, 5, 0, { resamples: 400, seed: 2 });
  close(x.estimate + rev.estimate, 1);
  assert.throws(() => probabilityOfImprovementInterval(matrix, 0, 1, { strata: [0] }), /strata/);
});
