/**
 * Dense symmetric positive-definite solves for the Bradley-Terry Newton step. Hand-written over one
 * Float64Array: ml-matrix's CholeskyDecomposition (measured) takes 4x as long at n = 348 through its
 * element accessors, and a bootstrap runs this a thousand times.
 */

/**
 * Factorises the symmetric n x n matrix `a` (row-major; only its lower triangle is read) as L L^T,
 * overwriting the lower triangle with L. Returns false when `a` is not positive definite.
 */
export function choleskyInPlace(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = a[rj + j];
    for (let k = 0; k < j; k++) d -= a[rj + k] * a[rj + k];
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= a[ri + k] * a[rj + k];
      a[ri + j] = s / ljj;
    }
  }
  return true;
}

/** Solves L L^T x = b for the factor left by choleskyInPlace; returns x (b is not changed). */
export function choleskySolve(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    let s = x[i];
    for (let k = 0; k < i; k++) s -= l[ri + k] * x[k];
    x[i] = s / l[ri + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}
