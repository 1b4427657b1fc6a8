import assert from "node:assert/strict";
import { test } from "node:test";
import { chunkRng } from "../src/engine/rng.js";
import {
  cell,
  columnValues,
  matrixFromRows,
  minMaxNormalise,
  modelValues,
  normalise,
  presentValues,
  scaleWarning,
  selectColumns,
  zScoreNormalise,
} from "../src/rank/matrix.js";
import { averageRanks, competitionRanks, median, percentileInterval, quantileSorted, uniformIndex } from "../src/stats/stats.js";

const NaN_ = Number.NaN;

test("matrixFromRows stores model-major cells and maps null to missing", () => {
  const m = matrixFromRows(
    ["a", "b"],
    ["x", "y", "z"],
    [
      [1, 2, null],
      [4, Number.NaN, 6],
    ],
  );
  assert.deepEqual(Array.from(m.values), [1, 2, NaN_, 4, NaN_, 6]);
  assert.equal(cell(m, 1, 2), 6);
  assert.deepEqual(Array.from(columnValues(m, 0)), [1, 4]);
  assert.deepEqual(Array.from(modelValues(m, 1)), [4, NaN_, 6]);
  assert.deepEqual(presentValues(m, 1), [4, 6]);
  assert.deepEqual(Array.from(selectColumns(m, [2, 2]).values), [NaN_, NaN_, 6, 6]);
});

test("matrixFromRows rejects ragged rows and infinities", () => {
  assert.throws(() => matrixFromRows(["a"], ["x", "y"], [[1]]), /1 cells, expected 2/);
  assert.throws(() => matrixFromRows(["a", "b"], ["x"], [[1]]), /2 model names but 1 rows/);
  assert.throws(() => matrixFromRows(["a"], ["x"], [[Number.POSITIVE_INFINITY]]), /infinite/);
});

test("min-max and z-score normalise per column over present cells only", () => {
  const m = matrixFromRows(
    ["a", "b", "c"],
    ["x", "y", "const"],
    [
      [1, 10, 5],
      [2, null, 5],
      [4, 30, 5],
    ],
  );
  const mm = minMaxNormalise(m);
  assert.deepEqual(Array.from(columnValues(mm, 0)), [0, 1 / 3, 1]);
  assert.deepEqual(Array.from(columnValues(mm, 1)), [0, NaN_, 1]);
  assert.deepEqual(Array.from(columnValues(mm, 2)), [0.5, 0.5, 0.5]);
  const z = zScoreNormalise(m);
  // scipy.stats.zscore([1, 2, 4]) = [-1.06904497, -0.26726124, 1.33630621]
  const zx = Array.from(columnValues(z, 0));
  [-1.06904497, -0.26726124, 1.33630621].forEach((e, i) => assert.ok(Math.abs(zx[i] - e) < 1e-8));
  assert.deepEqual(Array.from(columnValues(z, 1)), [-1, NaN_, 1]);
  assert.deepEqual(Array.from(columnValues(z, 2)), [0, 0, 0]);
  const none = normalise(m, "none");
  assert.deepEqual(Array.from(none.values), Array.from(m.values));
  assert.notEqual(none.values, m.values);
});

test("scaleWarning flags mixed scales and stays quiet otherwise", () => {
  const mixed = matrixFromRows(
    ["a", "b"],
    ["pct", "frac"],
    [
      [90, 0.9],
      [10, 0.1],
    ],
  );
  assert.match(scaleWarning(mixed) ?? "", /100\.0-fold/);
  const same = matrixFromRows(
    ["a", "b"],
    ["x", "y"],
    [
      [0.9, 0.5],
      [0.1, 0.3],
    ],
  );
  assert.equal(scaleWarning(same), null);
});

test("competition ranks give ties the best shared position; average ranks the mean", () => {
  assert.deepEqual(competitionRanks([3, 5, 5, 1, NaN_]), [3, 1, 1, 4, NaN_]);
  assert.deepEqual(averageRanks([3, 5, 5, 1, NaN_], true), [3, 1.5, 1.5, 4, NaN_]);
  assert.deepEqual(averageRanks([2, 2, 2, 1], false), [3, 3, 3, 1]);
});

test("quantiles follow numpy's linear interpolation", () => {
  // numpy.quantile([1, 2, 3, 4, 10], [0.025, 0.5, 0.975]) = [1.1, 3, 9.4]
  const xs = [1, 2, 3, 4, 10];
  assert.ok(Math.abs(quantileSorted(xs, 0.025) - 1.1) < 1e-12);
  assert.equal(quantileSorted(xs, 0.5), 3);
  assert.ok(Math.abs(quantileSorted(xs, 0.975) - 9.4) < 1e-12);
  const [lo, hi] = percentileInterval([10, NaN_, 1, 4, 3, 2]);
  assert.ok(Math.abs(lo - 1.1) < 1e-12 && Math.abs(hi - 9.4) < 1e-12);
  assert.equal(median([NaN_, 3, 1, 2]), 2);
});

test("uniformIndex stays in range above the 2^21 limit of below()", () => {
  const rng = chunkRng(7, 0, 99);
  const n = 10_000_000;
  let max = 0;
  for (let i = 0; i < 2000; i++) {
    const x = uniformIndex(rng, n);
    assert.ok(Number.isInteger(x) && x >= 0 && x < n);
    max = Math.max(max, x);
  }
  assert.ok(max > n / 2, "draws reach the upper half");
});
