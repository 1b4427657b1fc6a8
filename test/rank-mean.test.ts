import assert from "node:assert/strict";
import { test } from "node:test";
import { matrixFromRows, type ScoreMatrix, selectColumns } from "../src/rank/matrix.js";
import { meanScores, rankByMean } from "../src/rank/mean.js";
import { meanRanks, rankByMeanRank } from "../src/rank/mean-rank.js";
import { smallMatrix } from "./rank-data.js";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

// a..d on x, y, z; b is missing on z. Worked by hand in the comments below.
const small = smallMatrix();

/** The columns where model m has a score. */
function ownColumns(matrix: ScoreMatrix, m: number): number[] {
  const k = matrix.columns.length;
  return matrix.columns.map((_, c) => c).filter((c) => !Number.isNaN(matrix.values[m * k + c]));
}

test("mean score skips missing cells and reports the count", () => {
  const { means, counts } = meanScores(small);
  [2, 2.5, 8 / 3, 4 / 3].forEach((e, i) => close(means[i], e));
  assert.deepEqual(counts, [3, 2, 3, 3]);
  const r = rankByMean(small);
  assert.deepEqual(r.ranks, [3, 2, 1, 4]);
  assert.deepEqual(r.details?.["columns scored"], [3, 2, 3, 3]);
  assert.ok(r.notes.some((n) => n.includes("1 model(s) miss some columns")));
});

test("mean score normalisation options change the scale, not the missing handling", () => {
  const mixed = matrixFromRows(
    ["p", "q", "r"],
    ["pct", "frac"],
    [
      [90, 0.1],
      [50, 0.9],
      [10, 0.5],
    ],
  );
  // Raw: the 0-100 column dominates; min-max: p = (1 + 0) / 2, q = (0.5 + 1) / 2, r = (0 + 0.5) / 2.
  assert.deepEqual(rankByMean(mixed).ranks, [1, 2, 3]);
  assert.ok(rankByMean(mixed).notes.some((n) => n.includes("fold")));
  const mm = rankByMean(mixed, { normalisation: "minmax" });
  [0.5, 0.75, 0.25].forEach((e, i) => close(mm.scores[i], e));
  assert.deepEqual(mm.ranks, [2, 1, 3]);
  const z = rankByMean(mixed, { normalisation: "zscore" });
  assert.deepEqual(z.ranks, [2, 1, 3]);
  close(
    z.scores.reduce((a, b) => a + b, 0),
    0,
    1e-12,
  );
});

test("mean rank: ties share the mean rank, over available columns", () => {
  // x: a,b tie at 1.5, c 3, d 4; y: d 1, b,c 2.5, a 4; z (b missing): c 1, a 2, d 3.
  const { meanRanks: mr, counts } = meanRanks(small);
  [7.5 / 3, 2, 6.5 / 3, 8 / 3].forEach((e, i) => close(mr[i], e));
  assert.deepEqual(counts, [3, 2, 3, 3]);
  const r = rankByMeanRank(small);
  assert.deepEqual(r.ranks, [3, 1, 2, 4]);
  r.scores.forEach((s, i) => close(s, -mr[i]));
  assert.ok(r.notes.some((n) => n.includes("smaller ranks")));
});

test("a missing cell is never a best or worst score: each model's mean and mean rank use only its own columns", () => {
  const all = meanScores(small).means;
  const allRanks = meanRanks(small).meanRanks;
  small.models.forEach((_, m) => {
    const own = selectColumns(small, ownColumns(small, m));
    close(all[m], meanScores(own).means[m]);
    close(allRanks[m], meanRanks(own).meanRanks[m]);
  });
});

test("a model with no score at all is left unranked", () => {
  const m = matrixFromRows(["a", "ghost"], ["x"], [[1], [null]]);
  const r = rankByMean(m);
  assert.ok(Number.isNaN(r.scores[1]) && Number.isNaN(r.ranks[1]));
  assert.equal(r.ranks[0], 1);
  assert.ok(Number.isNaN(rankByMeanRank(m).ranks[1]));
});
