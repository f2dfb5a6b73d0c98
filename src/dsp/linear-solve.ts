/**
 * Solves a small dense linear system A x = b by Gaussian elimination with partial
 * pivoting (the method of LAPACK's gesv, which numpy's `linalg.solve` calls).
 * @param matrix n x n, row-major; not modified
 * @param rhs length n; not modified
 * @returns x, or undefined when A is singular to working precision
 */
export function solveLinear(
  matrix: Float64Array,
  rhs: Float64Array,
): Float64Array | undefined {
  const n = rhs.length;
  const m = Float64Array.from(matrix);
  const x = Float64Array.from(rhs);

  // Forward elimination with the largest pivot in each column.
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs(m[row * n + col]) > Math.abs(m[pivot * n + col])) pivot = row;
    }
    if (m[pivot * n + col] === 0) return undefined;
    if (pivot !== col) {
      for (let j = 0; j < n; j++) {
        const t = m[col * n + j];
        m[col * n + j] = m[pivot * n + j];
        m[pivot * n + j] = t;
      }
      const t = x[col];
      x[col] = x[pivot];
      x[pivot] = t;
    }
    const diagonal = m[col * n + col];
    for (let row = col + 1; row < n; row++) {
      const factor = m[row * n + col] / diagonal;
      if (factor === 0) continue;
      for (let j = col; j < n; j++) m[row * n + j] -= factor * m[col * n + j];
      x[row] -= factor * x[col];
    }
  }

  // Back substitution.
  for (let row = n - 1; row >= 0; row--) {
    let sum = x[row];
    for (let j = row + 1; j < n; j++) sum -= m[row * n + j] * x[j];
    x[row] = sum / m[row * n + row];
  }
  return x;
}
