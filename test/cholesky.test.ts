import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { choleskyInPlace, choleskySolve } from "../src/rank/cholesky.js";

test("Cholesky solves symmetric positive-definite systems (A = B B^T + I, random B and b)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 12 }),
      fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 160, maxLength: 160 }),
      (n, xs) => {
        const a = new Float64Array(n * n);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            let s = i === j ? 1 : 0;
            for (let k = 0; k < n; k++) s += xs[i * n + k] * xs[j * n + k];
            a[i * n + j] = s;
          }
        }
        const b = Array.from({ length: n }, (_, i) => xs[150 + (i % 10)]);
        const l = Float64Array.from(a);
        assert.ok(choleskyInPlace(l, n));
        const x = choleskySolve(l, n, b);
        for (let i = 0; i < n; i++) {
          let ax = 0;
          for (let j = 0; j < n; j++) ax += a[i * n + j] * x[j];
          assert.ok(Math.abs(ax - b[i]) < 1e-8 * (1 + Math.abs(b[i])), `row ${i}: ${ax} vs ${b[i]}`);
        }
      },
    ),
  );
});

test("Cholesky refuses a matrix that is not positive definite", () => {
  assert.equal(choleskyInPlace(Float64Array.from([1, 2, 2, 1]), 2), false); // eigenvalues 3 and -1
  assert.equal(choleskyInPlace(Float64Array.from([0]), 1), false);
  assert.equal(choleskyInPlace(Float64Array.from([4, 2, 2, 3]), 2), true);
});
