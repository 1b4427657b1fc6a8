import assert from "node:assert/strict";
import { test } from "node:test";
import { battlesFromMatrix, battlesFromRecords, expandBattles, pairBattles, totalBattles } from "../src/rank/battles.js";
import { bordaScores, rankByBorda } from "../src/rank/borda.js";
import { copelandScores, rankByCopeland } from "../src/rank/copeland.js";
import { matrixFromRows } from "../src/rank/matrix.js";
import { meanWinRates } from "../src/rank/win-rate.js";
import { loadHelmLite, smallMatrix } from "./rank-data.js";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

// b is missing on z. x: a = b > c > d; y: d > b = c > a; z: c > a > d.
const small = smallMatrix();

test("battles from a matrix: one per pair per shared column; missing cells skip the pair", () => {
  const bc = battlesFromMatrix(small);
  const n = 4;
  const w = (a: number, b: number) => bc.wins[a * n + b];
  const t = (a: number, b: number) => bc.ties[a * n + b];
  assert.deepEqual([w(0, 1), w(1, 0), t(0, 1), t(1, 0)], [0, 1, 1, 1]);
  assert.deepEqual([w(0, 2), w(2, 0)], [1, 2]);
  assert.deepEqual([w(0, 3), w(3, 0)], [2, 1]);
  assert.deepEqual([w(1, 2), w(2, 1), t(1, 2)], [1, 0, 1]);
  assert.deepEqual([w(1, 3), w(3, 1), t(1, 3)], [1, 1, 0]);
  assert.deepEqual([w(2, 3), w(3, 2)], [2, 1]);
  assert.equal(totalBattles(bc), 6 + 6 + 3);
  assert.equal(pairBattles(bc, 1, 3), 2); // b missed z
  for (let i = 0; i < n; i++) assert.equal(w(i, i) + t(i, i), 0);
});

test("battles from records, and the expanded list matches the counts", () => {
  const bc = battlesFromRecords(
    ["p", "q", "r"],
    [
      { a: "p", b: "q", winner: "a" },
      { a: "q", b: "p", winner: "a" },
      { a: "p", b: "r", winner: "tie" },
      { a: "r", b: "q", winner: "b" },
    ],
  );
  assert.deepEqual(Array.from(bc.wins), [0, 1, 0, 1, 0, 1, 0, 0, 0]);
  assert.deepEqual(Array.from(bc.ties), [0, 0, 1, 0, 0, 0, 1, 0, 0]);
  const list = expandBattles(bc);
  assert.equal(list.a.length, 4);
  const scoreOf = new Map<string, number>();
  for (let i = 0; i < 4; i++) {
    const key = `${list.a[i]}-${list.b[i]}`;
    scoreOf.set(key, (scoreOf.get(key) ?? 0) + list.scoreA[i]);
  }
  assert.deepEqual(Object.fromEntries(scoreOf), { "0-1": 1, "0-2": 0.5, "1-2": 1 });
  assert.throws(() => battlesFromRecords(["p"], [{ a: "p", b: "p", winner: "a" }]), /itself/);
  assert.throws(() => battlesFromRecords(["p"], [{ a: "p", b: "z", winner: "a" }]), /unknown/);
  assert.throws(() => battlesFromRecords(["p", "p"], []), /duplicate/);
});

test("Borda by hand on complete data is the plain sum (ties 1/2)", () => {
  const m = matrixFromRows(
    ["p", "q", "r"],
    ["c1", "c2"],
    [
      [1, 5],
      [2, 5],
      [3, 0],
    ],
  );
  // c1: p 0, q 1, r 2; c2: p 1.5, q 1.5, r 0.
  const b = bordaScores(m);
  assert.deepEqual(b.scores, [1.5, 2.5, 2]);
  assert.deepEqual(rankByBorda(m).ranks, [3, 1, 2]);
});

test("Borda with a missing score rescales, never counts it as a win or a loss", () => {
  // Rescaled points (win rate x 3): a = 2.5, 0, 1.5; b = 2.5, 1.5 (z missing); c = 1, 1.5, 3; d = 0, 3, 0.
  const b = bordaScores(small);
  [4, 6, 5.5, 3].forEach((e, i) => close(b.scores[i], e));
  assert.equal(b.usableColumns, 3);
  // Equivalently 3 columns x (M - 1) x MWR.
  meanWinRates(small).meanWinRates.forEach((x, i) => close(b.scores[i], 9 * x));
});

test("Copeland by hand; no Condorcet winner when the best only ties someone", () => {
  // a-b: b; a-c: c; a-d: a; b-c: b; b-d: 1 to 1 (half each); c-d: c.
  const c = copelandScores(battlesFromMatrix(small));
  assert.deepEqual(c.scores, [1, 2.5, 2, 0.5]);
  assert.equal(c.condorcetWinner, null);
  const r = rankByCopeland(small);
  assert.deepEqual(r.ranks, [3, 1, 2, 4]);
  assert.ok(r.notes[0].startsWith("no Condorcet winner"));
});

test("Condorcet winner found when one model beats every other head to head", () => {
  const m = matrixFromRows(
    ["a", "b", "c"],
    ["x", "y"],
    [
      [3, 3],
      [2, 1],
      [1, 2],
    ],
  );
  const c = copelandScores(battlesFromMatrix(m));
  assert.equal(c.condorcetWinner, 0);
  assert.deepEqual(c.scores, [2, 0.5, 0.5]);
  assert.match(rankByCopeland(m).notes[0], /Condorcet winner: a/);
});

test("Copeland rescales models that share no column with some opponent", () => {
  const m = matrixFromRows(
    ["a", "b", "c"],
    ["x", "y"],
    [
      [1, null],
      [null, 2],
      [0, 3],
    ],
  );
  // a-c: a (x); b-c: c (y); a and b never meet.
  const c = copelandScores(battlesFromMatrix(m));
  assert.deepEqual(c.comparable, [1, 1, 2]);
  assert.deepEqual(c.scores, [2, 0, 1]);
  assert.equal(c.condorcetWinner, null);
  assert.ok(rankByCopeland(m).notes.some((n) => n.includes("rescaled")));
});

test("HELM Lite: Borda orders as mean win rate; Copeland has a Condorcet winner iff some model beats all", () => {
  const { matrix } = loadHelmLite();
  const borda = bordaScores(matrix).scores;
  const mwr = meanWinRates(matrix).meanWinRates;
  const k = 10;
  borda.forEach((b, i) => close(b, k * 71 * mwr[i], 1e-9));
  const c = copelandScores(battlesFromMatrix(matrix));
  const n = matrix.models.length;
  const top = c.scores.indexOf(Math.max(...c.scores));
  if (c.condorcetWinner !== null) {
    assert.equal(c.condorcetWinner, top);
    close(c.scores[top], n - 1);
  } else assert.ok(c.scores[top] < n - 1);
});
