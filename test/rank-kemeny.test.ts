import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { battlesFromMatrix } from "../src/rank/battles.js";
import {
  copelandOrder,
  exactKemenyOrder,
  KEMENY_EXACT_MAX,
  KEMENY_LOCAL_MAX,
  kemenyConsensus,
  kemenyDistance,
  kemenyDistanceFromMatrix,
  localKemenyOrder,
  orderDisagreement,
  preferences,
  rankByKemeny,
} from "../src/rank/kemeny.js";
import type { ScoreMatrix } from "../src/rank/matrix.js";

const matrix = (rows: number[][]): ScoreMatrix => ({
  models: rows.map((_, i) => `m${i}`),
  columns: rows[0].map((_, k) => `c${k}`),
  values: Float64Array.from(rows.flat()),
});

/** Every permutation of 0..n-1 (n <= 7 here). */
function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
}

describe("Kemeny consensus", () => {
  it("a Condorcet cycle: every rotation costs 4 disagreements, the reversed orders 5", () => {
    // Columns rank A > B > C, B > C > A, C > A > B.
    const m = matrix([
      [3, 1, 2],
      [2, 3, 1],
      [1, 2, 3],
    ]);
    const counts = battlesFromMatrix(m);
    const k = kemenyConsensus(counts);
    assert.equal(k.exact, true);
    assert.equal(k.disagreement, 4);
    const pref = preferences(counts);
    assert.equal(orderDisagreement([0, 1, 2], pref, 3), 4);
    assert.equal(orderDisagreement([2, 1, 0], pref, 3), 5);
  });

  it("the subset programme finds the best of all orders (random tables with ties and gaps, up to 7 models)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }).chain((n) =>
          fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(Number.NaN)), { minLength: 4, maxLength: 4 }), {
            minLength: n,
            maxLength: n,
          }),
        ),
        (rows) => {
          const counts = battlesFromMatrix(matrix(rows));
          const n = rows.length;
          const pref = preferences(counts);
          const best = Math.min(...permutations(n).map((p) => orderDisagreement(p, pref, n)));
          const exact = exactKemenyOrder(pref, n);
          assert.deepEqual([...exact].sort(), [...Array(n).keys()]);
          assert.equal(orderDisagreement(exact, pref, n), best);
          // The local search never beats the optimum and never ends worse than where it started.
          const start = copelandOrder(pref, n);
          const local = orderDisagreement(localKemenyOrder(pref, n, start), pref, n);
          assert.ok(local >= best - 1e-9 && local <= orderDisagreement(start, pref, n) + 1e-9);
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  });

  it("above the exact limit: a local search, said so, that recovers a unanimous order", () => {
    const n = KEMENY_EXACT_MAX + 4;
    // Three columns that agree (model i scores n - i) up to small swaps in one column.
    const rows = Array.from({ length: n }, (_, i) => [n - i, n - i, i % 5 === 0 ? n - i - 1.5 : n - i]);
    const r = rankByKemeny(matrix(rows));
    assert.deepEqual(
      r.ranks,
      Array.from({ length: n }, (_, i) => i + 1),
    );
    assert.match(r.notes[0], /approximate Kemeny order: local search/);
    assert.equal(rankByKemeny(matrix(rows.slice(0, 5))).notes[0].startsWith("exact Kemeny order"), true);
  });

  it("Kemeny distance: 0 for the columns' common order, every battle for its reverse, ties count half", () => {
    const rows = [
      [4, 9],
      [3, 8],
      [2, 7],
      [1, 6],
    ];
    const counts = battlesFromMatrix(matrix(rows));
    assert.equal(kemenyDistance([1, 2, 3, 4], counts), 0);
    assert.equal(kemenyDistance([4, 3, 2, 1], counts), 12, "6 pairs x 2 columns");
    assert.equal(kemenyDistance([1, 1, 1, 1], counts), 6);
    assert.equal(kemenyDistance([1, 2, Number.NaN, 3], counts), 0, "an unranked model is skipped");
    // Tied columns: a tie agrees with a tie (0), and half-disagrees with a strict order.
    const tied = battlesFromMatrix(matrix([[5], [5], [1]]));
    assert.equal(kemenyDistance([1, 1, 3], tied), 0);
    assert.equal(kemenyDistance([1, 2, 3], tied), 0.5);
    assert.equal(
      kemenyDistance([3, 1, 1], tied),
      2,
      "b above a against a tie (1/2), c above a against the column (1), b = c against b > c (1/2)",
    );
    const k = kemenyConsensus(counts);
    assert.equal(kemenyDistance(rankByKemeny(matrix(rows)).ranks, counts), k.disagreement);
  });

  it("the O(K M log M) distance on the matrix equals the pair-by-pair one on the battle counts (random tables, ties, gaps, tied and unranked ranks)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }).chain((n) =>
          fc.tuple(
            fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(Number.NaN)), { minLength: 3, maxLength: 3 }), {
              minLength: n,
              maxLength: n,
            }),
            fc.array(fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constant(Number.NaN)), { minLength: n, maxLength: n }),
          ),
        ),
        ([rows, ranks]) => {
          const m = matrix(rows);
          assert.equal(kemenyDistanceFromMatrix(ranks, m), kemenyDistance(ranks, battlesFromMatrix(m)));
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });

  it("above the local-search limit: the Borda order improved by adjacent swaps, said so, with no M x M table", () => {
    const n = KEMENY_LOCAL_MAX + 1;
    // Two columns agree (model i scores n - i); the third swaps neighbours 2j and 2j + 1: the order 0..n-1 still wins every pair 2-1.
    const rows = Array.from({ length: n }, (_, i) => [n - i, n - i, n - (i % 2 === 0 ? i + 1 : i - 1)]);
    const r = rankByKemeny(matrix(rows));
    assert.deepEqual(
      r.ranks,
      Array.from({ length: n }, (_, i) => i + 1),
    );
    assert.match(r.notes[0], /adjacent swaps/);
    assert.match(r.notes[0], new RegExp(`; ${Math.floor(n / 2)} disagreements`));
  });
});
