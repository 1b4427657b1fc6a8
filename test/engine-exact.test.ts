import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { enumerateExact, means, monteCarlo, roundScores, rules, standardErrors } from "./helpers.js";

const close = (a: number, b: number, tol = 1e-12) => Math.abs(a - b) <= tol;

describe("exact small cases", () => {
  // A > B > C on both rounds.
  const abc = roundScores([
    [3, 3],
    [2, 2],
    [1, 1],
  ]);

  it("3 ordered models, 2 rounds, T = 0: E = (1, 1, 0) exactly (worked by hand)", () => {
    const ex = enumerateExact(abc, rules(2, 0));
    assert.deepEqual(
      ex.expected.map((x) => Math.round(x * 1e12) / 1e12),
      [1, 1, 0],
    );
  });

  it("3 ordered models, 2 rounds, T = 1: E = (2/3, 1/3, 0) (worked by hand), paper and script", () => {
    for (const mode of ["paper", "script"] as const) {
      const ex = enumerateExact(abc, rules(2, 1, mode));
      assert.ok(close(ex.expected[0], 2 / 3) && close(ex.expected[1], 1 / 3) && close(ex.expected[2], 0), `${mode}: ${ex.expected}`);
    }
  });

  it("a model that loses every comparison scores 0 at T = 0", () => {
    const rs = roundScores([
      [5, 1, 9],
      [4, 8, 2],
      [6, 3, 3],
      [0, 0, 0],
    ]);
    const ex = enumerateExact(rs, rules(3, 0));
    assert.equal(ex.expected[3], 0);
  });

  it("script mode breaks ties at the cut by input order; paper mode at random", () => {
    // Four identical models, one round, T = 1: the two losers tie at 0 and one is cut.
    const same = roundScores([[1], [1], [1], [1]]);
    const script = enumerateExact(same, rules(1, 1, "script"));
    const paper = enumerateExact(same, rules(1, 1, "paper"));
    assert.ok(close(script.pEliminated[0], 1 / 2), `first listed: ${script.pEliminated[0]}`);
    assert.ok(close(script.pEliminated[3], 0), `last listed: ${script.pEliminated[3]}`);
    for (const p of paper.pEliminated) assert.ok(close(p, 1 / 4));
  });

  it("tie tolerance turns near-equal scores into coin flips", () => {
    const rs = roundScores([[1.0], [1.04]]);
    assert.deepEqual(enumerateExact(rs, rules(1, 0)).expected, [0, 1]);
    const tol = enumerateExact(rs, rules(1, 0, "paper", 0.05)).expected;
    assert.ok(close(tol[0], 0.5) && close(tol[1], 0.5));
  });

  it("a model with no score (-Infinity) loses; two such models toss a coin", () => {
    const rs = roundScores([[-Infinity], [-Infinity], [0]]);
    const ex = enumerateExact(rs, rules(1, 0));
    // Bye is uniform: the finite model wins whenever it plays.
    assert.ok(close(ex.expected[2], 2 / 3), String(ex.expected));
    assert.ok(close(ex.expected[0], ex.expected[1]));
  });
});

describe("Monte Carlo agrees with exact enumeration within 4 SE", () => {
  const cases: { name: string; rows: number[][]; T: number[] }[] = [
    {
      name: "4 models x 3 rounds with ties",
      rows: [
        [3, 1, 2],
        [2, 2, 2],
        [1, 3, 1],
        [2, 2, 3],
      ],
      T: [0, 1, 2],
    },
    {
      name: "5 models x 3 rounds",
      rows: [
        [5, 1, 3],
        [4, 5, 1],
        [3, 2, 5],
        [2, 4, 2],
        [1, 3, 4],
      ],
      T: [0, 1, 2],
    },
    {
      name: "3 models x 2 rounds, crossing",
      rows: [
        [1, 3],
        [2, 2],
        [3, 1],
      ],
      T: [0, 1],
    },
  ];
  for (const c of cases) {
    for (const T of c.T) {
      for (const mode of ["paper", "script"] as const) {
        it(`${c.name}, T = ${T}, ${mode}`, () => {
          const rs = roundScores(c.rows);
          const ex = enumerateExact(rs, rules(rs.rounds, T, mode));
          const t = monteCarlo(rs, rules(rs.rounds, T, mode), 40_000, 11 + T);
          const mc = means(t);
          const se = standardErrors(t);
          mc.forEach((x, m) => {
            const tol = 4 * Math.max(se[m], 1e-9);
            assert.ok(Math.abs(x - ex.expected[m]) <= tol, `model ${m}: MC ${x} vs exact ${ex.expected[m]} (4 SE = ${tol})`);
          });
          // P(first) also matches (ties at the top shared by a fair draw).
          ex.pFirst.forEach((p, m) => {
            const sd = Math.sqrt((p * (1 - p)) / t.contests);
            assert.ok(Math.abs(t.firstCount[m] / t.contests - p) <= 4 * sd + 1e-9, `P(first) model ${m}`);
          });
        });
      }
    }
  }
});
