import assert from "node:assert/strict";
import { test } from "node:test";
import { battlesFromMatrix } from "../src/rank/battles.js";
import { matrixFromRows, selectColumns } from "../src/rank/matrix.js";
import { columnWinRates, meanWinRates, rankByWinRate } from "../src/rank/win-rate.js";
import { loadHelmLite, smallMatrix } from "./rank-data.js";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

const small = smallMatrix();

test("column win rate: (strictly worse + half the ties) / (n_k - 1)", () => {
  assert.deepEqual(Array.from(columnWinRates([3, 3, 1, 0])), [2.5 / 3, 2.5 / 3, 1 / 3, 0]);
  assert.deepEqual(Array.from(columnWinRates([7, 7, 7])), [0.5, 0.5, 0.5]);
  assert.deepEqual(Array.from(columnWinRates([2, Number.NaN, 5, 1])), [0.5, Number.NaN, 1, 0]);
  // n_k < 2: no comparison at all.
  assert.deepEqual(Array.from(columnWinRates([Number.NaN, 4])), [Number.NaN, Number.NaN]);
});

test("mean win rate by hand, ties one half, missing skipped", () => {
  // x: a,b 5/6, c 1/3, d 0; y: a 0, b,c 1/2, d 1; z (3 scored): a 1/2, c 1, d 0.
  const r = meanWinRates(small);
  [4 / 9, 2 / 3, 11 / 18, 1 / 3].forEach((e, i) => close(r.meanWinRates[i], e));
  assert.deepEqual(r.counts, [3, 2, 3, 3]);
  assert.equal(r.usableColumns, 3);
  assert.deepEqual(rankByWinRate(small).ranks, [3, 1, 2, 4]);
  // Counting ties as losses (old HELM) would give b (2/3 + 1/3) / 2 = 1/2 instead.
});

test("a column with one model scored is skipped; missing never counts as a win or a loss", () => {
  const withLone = matrixFromRows(
    ["a", "b"],
    ["x", "lone"],
    [
      [1, 9],
      [2, null],
    ],
  );
  const r = meanWinRates(withLone);
  assert.deepEqual(r.meanWinRates, [0, 1]);
  assert.deepEqual(r.counts, [1, 1]);
  assert.equal(r.usableColumns, 1);
  // Each model's MWR depends only on the columns where it has a score.
  const full = meanWinRates(small).meanWinRates;
  close(full[1], meanWinRates(selectColumns(small, [0, 1])).meanWinRates[1]);
});

test("on complete data MWR is the average of the win tensor with ties as 1/2", () => {
  const { matrix } = loadHelmLite();
  const rows = matrix.models.map((_, m) => m).filter((m) => !matrix.models[m].startsWith("Phi-3 (7B)"));
  const k = matrix.columns.length;
  const complete = matrixFromRows(
    rows.map((m) => matrix.models[m]),
    matrix.columns,
    rows.map((m) => Array.from(matrix.values.subarray(m * k, (m + 1) * k))),
  );
  const n = complete.models.length;
  const counts = battlesFromMatrix(complete);
  const mwr = meanWinRates(complete).meanWinRates;
  for (let a = 0; a < n; a++) {
    let s = 0;
    for (let b = 0; b < n; b++) s += counts.wins[a * n + b] + 0.5 * counts.ties[a * n + b];
    close(mwr[a], s / (k * (n - 1)), 1e-12);
  }
});

test("parity: HELM Lite mean win rate over its 10 scenarios matches HELM's published column within 0.01", (t) => {
  const { matrix, published } = loadHelmLite();
  assert.equal(matrix.models.length, 72);
  assert.equal(matrix.columns.length, 10);
  const missing = Array.from(matrix.values).filter((v) => Number.isNaN(v)).length;
  assert.equal(missing, 1, "one `-` cell (Phi-3 7B, GSM8K)");
  const { meanWinRates: mwr, counts } = meanWinRates(matrix);
  let maxDiff = 0;
  let worst = "";
  mwr.forEach((x, m) => {
    const d = Math.abs(x - published[m]);
    if (d > maxDiff) {
      maxDiff = d;
      worst = matrix.models[m];
    }
  });
  t.diagnostic(`max |MWR - published| = ${maxDiff.toFixed(6)} (${worst})`);
  assert.ok(maxDiff < 0.01, `max difference ${maxDiff} at ${worst}`);
  assert.equal(counts.filter((c) => c === 9).length, 1);
});
