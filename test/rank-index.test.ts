import assert from "node:assert/strict";
import { test } from "node:test";
import { kendallTauB, pairwiseAgreement } from "../src/analysis/agreement.js";
import { rankingMethod, rankingMethods } from "../src/rank/index.js";
import { matrixFromRows } from "../src/rank/matrix.js";
import { loadHelmLite } from "./rank-data.js";

test("registry: unique ids, one-line definitions, every method listed", () => {
  const ids = rankingMethods.map((m) => m.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(ids, ["mean", "mean-rank", "win-rate", "iqm", "optimality-gap", "borda", "copeland", "kemeny", "bradley-terry", "elo"]);
  for (const m of rankingMethods) {
    assert.ok(m.definition.length > 40 && !m.definition.includes("\n"), m.id);
    assert.ok(m.name.length > 0 && m.scoreName.length > 0);
  }
  assert.equal(rankingMethod("borda")?.name, "Borda count");
  assert.equal(rankingMethod("nope"), undefined);
});

test("every method runs on HELM Lite with well-formed, deterministic results", () => {
  const { matrix } = loadHelmLite();
  const n = matrix.models.length;
  const options = { seed: 7, resamples: 20 };
  const named: { name: string; scores: number[] }[] = [];
  for (const method of rankingMethods) {
    const r = method.run(matrix, options);
    assert.equal(r.scores.length, n, method.id);
    assert.equal(r.ranks.length, n, method.id);
    assert.ok(r.scores.every(Number.isFinite), method.id);
    assert.ok(
      r.ranks.every((x) => Number.isInteger(x) && x >= 1 && x <= n),
      method.id,
    );
    assert.ok(r.ranks.includes(1), method.id);
    if (r.intervals) {
      assert.equal(r.intervals.length, n);
      assert.ok(
        r.intervals.every(([lo, hi]) => lo <= hi),
        method.id,
      );
    }
    assert.deepEqual(method.run(matrix, options), r, `${method.id} is deterministic`);
    if (!method.seeded) assert.deepEqual(method.run(matrix, { seed: 8, resamples: 20 }), r, `${method.id} ignores the seed`);
    named.push({ name: method.id, scores: r.scores });
  }
  const tau = (a: string, b: string) =>
    kendallTauB(named.find((x) => x.name === a)?.scores ?? [], named.find((x) => x.name === b)?.scores ?? []);
  assert.equal(tau("win-rate", "borda"), 1);
  for (const row of pairwiseAgreement(named, 10)) {
    assert.ok(row.kendallTauB > 0.5, `${row.a} vs ${row.b}: tau ${row.kendallTauB}`);
  }
});

test("missing data: every method leaves a model with no score unranked, never first or last", () => {
  const m = matrixFromRows(
    ["a", "b", "c", "ghost"],
    ["x", "y", "z"],
    [
      [3, 2, 1],
      [2, 3, 2],
      [1, 1, 3],
      [null, null, null],
    ],
  );
  for (const method of rankingMethods) {
    const r = method.run(m, { resamples: 10 });
    assert.ok(Number.isNaN(r.scores[3]) && Number.isNaN(r.ranks[3]), method.id);
    assert.ok(
      r.ranks.slice(0, 3).every((x) => x >= 1 && x <= 3),
      method.id,
    );
  }
});
