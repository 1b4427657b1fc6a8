/** Near-duplicate rounds: Spearman by unit-length rank vectors equals Pearson of average ranks. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { unitRanks } from "../src/run/twin-rounds.js";
import { averageRanks, pearson } from "../src/stats/stats.js";

describe("unitRanks", () => {
  it("property: the dot product of two is Spearman's rho (ties, negatives, constant columns)", () => {
    const column = (n: number) => fc.array(fc.integer({ min: -5, max: 5 }), { minLength: n, maxLength: n });
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 60 }).chain((n) => fc.tuple(column(n), column(n))),
        ([xs, ys]) => {
          const a = unitRanks(Float64Array.from(xs));
          const b = unitRanks(Float64Array.from(ys));
          const rho = pearson(averageRanks(xs, false), averageRanks(ys, false));
          if (!a || !b) return assert.ok(Number.isNaN(rho));
          let d = 0;
          for (let i = 0; i < xs.length; i++) d += a[i] * b[i];
          assert.ok(Math.abs(d - rho) < 1e-12, `${d} vs ${rho}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
