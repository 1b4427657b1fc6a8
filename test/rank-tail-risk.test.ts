import assert from "node:assert/strict";
import { test } from "node:test";
import { cvar, tailRisk } from "../src/analysis/tail-risk.js";
import { matrixFromRows } from "../src/rank/matrix.js";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test("CVaR: whole observations, then a fractional one, divided by alpha n", () => {
  close(cvar([4, 1, 3, 2]), 1); // alpha n = 1
  close(cvar([6, 5, 4, 3, 2, 1]), (1 + 0.5 * 2) / 1.5); // alpha n = 1.5
  close(cvar([3, 1, 2]), 1); // alpha n = 0.75 < 1: the minimum
  close(cvar([1, 2, 3, 4, 5, 6, 7, 8], 0.25), 1.5);
  close(cvar([1, 2, 3, 4], 1), 2.5); // alpha = 1: the mean
  close(cvar([1, 2, 3, 4, 5], 0.5), (1 + 2 + 0.5 * 3) / 2.5);
  assert.ok(Number.isNaN(cvar([])));
  assert.throws(() => cvar([1], 0), /alpha/);
});

test("tail risk per model skips missing cells and can normalise first", () => {
  const m = matrixFromRows(
    ["a", "b"],
    ["x", "y", "z", "w"],
    [
      [0.9, 0.8, 0.1, 0.7],
      [0.6, 0.6, 0.6, null],
    ],
  );
  const r = tailRisk(m);
  close(r.cvar[0], 0.1);
  close(r.mean[0], 0.625);
  close(r.cvar[1], 0.6); // 3 scores, alpha n = 0.75: the minimum
  assert.deepEqual(r.counts, [4, 3]);
  const mm = tailRisk(m, 0.5, "minmax");
  // min-max: a = [1, 1, 0, 0.5] (w constant), b = [0, 0, 1]; alpha n = 2 and 1.5.
  close(mm.cvar[0], 0.25);
  close(mm.cvar[1], 0);
});
