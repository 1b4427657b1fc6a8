import assert from "node:assert/strict";
import { test } from "node:test";
import { kendallTauB } from "../src/analysis/agreement.js";
import { chunkRng } from "../src/engine/rng.js";
import { battlesFromMatrix, battlesFromRecords, expandBattles } from "../src/rank/battles.js";
import { eloRatings, eloRun, rankByElo } from "../src/rank/elo.js";
import { bucketedShuffle, shuffleWork } from "../src/rank/elo-orders.js";
import { meanWinRates } from "../src/rank/win-rate.js";
import { median, RNG_STREAMS } from "../src/stats/stats.js";
import { loadHelmLite } from "./rank-data.js";

const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

test("one Elo update by hand: equal ratings, K = 4, the winner gains 2", () => {
  const list = expandBattles(battlesFromRecords(["a", "b"], [{ a: "a", b: "b", winner: "a" }]));
  assert.deepEqual(Array.from(eloRun(list, 2)), [1002, 998]);
  const tie = expandBattles(battlesFromRecords(["a", "b"], [{ a: "a", b: "b", winner: "tie" }]));
  assert.deepEqual(Array.from(eloRun(tie, 2)), [1000, 1000]);
});

test("Elo depends on battle order (worked by hand)", () => {
  // Canonical list order: a's win, then b's win.
  const list = expandBattles(
    battlesFromRecords(
      ["a", "b"],
      [
        { a: "a", b: "b", winner: "a" },
        { a: "a", b: "b", winner: "b" },
      ],
    ),
  );
  // a wins first (1002 / 998), then b wins with E_a = 1 / (1 + 10^(-4/400)).
  const forward = eloRun(list, 2, [0, 1]);
  close(forward[0], 999.9769751663554);
  close(forward[1], 1000.0230248336446);
  const backward = eloRun(list, 2, [1, 0]);
  close(backward[0], 1000.0230248336446);
  close(backward[1], 999.9769751663554);
  // K = 32: a goes to 1016, then loses 32 E_a with E_a = 1 / (1 + 10^(-32/400)).
  close(eloRun(list, 2, [0, 1], 32)[0], 1016 - 32 / (1 + 10 ** (-32 / 400)));
});

test("Elo is zero-sum: the mean rating stays 1000 in every order", () => {
  const { matrix } = loadHelmLite();
  const list = expandBattles(battlesFromMatrix(matrix));
  const r = eloRun(list, matrix.models.length);
  close(r.reduce((a, b) => a + b, 0) / r.length, 1000, 1e-9);
});

test("Elo over random orders is seeded and tracks the mean win rate on HELM Lite", () => {
  const { matrix } = loadHelmLite();
  const counts = battlesFromMatrix(matrix);
  const a = eloRatings(counts, { resamples: 40, seed: 9 });
  const b = eloRatings(counts, { resamples: 40, seed: 9 });
  const c = eloRatings(counts, { resamples: 40, seed: 10 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.ratings, c.ratings);
  assert.equal(a.battles, (10 * (72 * 71)) / 2 - 71);
  a.intervals.forEach(([lo, hi], i) => assert.ok(lo <= a.ratings[i] && a.ratings[i] <= hi));
  const tau = kendallTauB(a.ratings, meanWinRates(matrix).meanWinRates);
  assert.ok(tau > 0.8, `tau(Elo, MWR) = ${tau}`);
});

test("registry entry labels Elo legacy and reports K and the seed", () => {
  const { matrix } = loadHelmLite();
  const r = rankByElo(matrix, { resamples: 10, seed: 4, eloK: 8 });
  assert.equal(r.scores.length, 72);
  assert.ok(r.notes[0].startsWith("legacy"));
  assert.ok(r.notes.some((n) => n.includes("K = 8") && n.includes("seed 4")));
  assert.throws(() => eloRatings(battlesFromMatrix(matrix), { resamples: 0 }), /at least one/);
});

test("Elo's packed battles, bucket-shuffled and played with strengths, give the ratings of the definition over the same order", () => {
  const { matrix } = loadHelmLite();
  const counts = battlesFromMatrix(matrix);
  const list = expandBattles(counts);
  const n = matrix.models.length;
  const orders = 5;
  // Shuffle battle indices with the same draws as the packed battles (the shuffle never looks at the items).
  const indices = Uint32Array.from({ length: list.a.length }, (_, i) => i);
  const byOrder = Array.from({ length: orders }, (_, o) => {
    const work = shuffleWork(indices.length);
    bucketedShuffle(indices, chunkRng(7, o, RNG_STREAMS.elo), work, () => {});
    return eloRun(list, n, work.out);
  });
  const expected = Array.from({ length: n }, (_, m) => median(Float64Array.from(byOrder, (r) => r[m])));
  const got = eloRatings(counts, { resamples: orders, seed: 7 }).ratings;
  // The strengths' Taylor steps round differently from one exp per battle: 1e-9 of a rating point over 25,000 battles.
  got.forEach((r, m) => close(r, expected[m], 1e-9));
});

test("the bucketed shuffle is a uniformly random permutation (every one of 5! orders, 8 buckets)", () => {
  const items = Uint32Array.from([0, 1, 2, 3, 4]);
  const work = shuffleWork(items.length, 1); // buckets of one item on average: 8 buckets for 5 items
  assert.equal(work.start.length - 1, 8);
  const seen = new Map<string, number>();
  const draws = 24000;
  for (let r = 0; r < draws; r++) {
    const played: number[] = [];
    bucketedShuffle(items, chunkRng(13, r, RNG_STREAMS.elo), work, (from, to) => {
      for (let i = from; i < to; i++) played.push(work.out[i]);
    });
    assert.deepEqual(played, Array.from(work.out), "buckets are played in order, each once");
    const key = played.join("");
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  assert.equal(seen.size, 120);
  // Chi-square with 119 df: mean 119, sd 15.4; 200 is beyond the 0.9999 quantile.
  const expectedCount = draws / 120;
  const chi = [...seen.values()].reduce((a, c) => a + (c - expectedCount) ** 2 / expectedCount, 0);
  assert.ok(chi < 200, `chi-square ${chi}`);
});
