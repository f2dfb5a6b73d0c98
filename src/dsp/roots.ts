/**
 * Roots of a polynomial with real coefficients by the Aberth-Ehrlich simultaneous
 * iteration, each root then polished by Newton's method; conjugate pairs are made exact.
 * @see O. Aberth, Iteration methods for finding all zeros of a polynomial simultaneously,
 * Mathematics of Computation 27 (1973) 339-344.
 * @see L. W. Ehrlich, A modified Newton method for polynomials, Communications of the ACM
 * 10 (1967) 107-108.
 */
import { type Complex, abs, add, complex, conj, div, mul, sub } from './complex.js';

/** p(z) and p'(z) for coefficients in descending powers (Horner). */
function evaluate(c: Float64Array, z: Complex): { value: Complex; derivative: Complex } {
  let value = complex(c[0]);
  let derivative = complex(0);
  for (let i = 1; i < c.length; i++) {
    derivative = add(mul(derivative, z), value);
    value = add(mul(value, z), complex(c[i]));
  }
  return { value, derivative };
}

/** Initial guesses on a circle whose radius is the geometric mean of the root moduli. */
function initialGuesses(c: Float64Array): Complex[] {
  const n = c.length - 1;
  const radius = Math.abs(c[n] / c[0]) ** (1 / n) || 1;
  const guesses: Complex[] = [];
  for (let k = 0; k < n; k++) {
    // The offset angle keeps guesses off the real axis and off any symmetry of the roots.
    const angle = (2 * Math.PI * k) / n + 0.4;
    guesses.push(complex(radius * Math.cos(angle), radius * Math.sin(angle)));
  }
  return guesses;
}

/**
 * All roots of sum c[i] z^(n-i), as numpy's `roots` (which takes companion-matrix
 * eigenvalues): leading zeros are dropped, trailing zeros give roots at 0.
 * @param coefficients real, descending powers
 * @returns n roots in no particular order; complex roots come in exact conjugate pairs
 * @remarks A root of multiplicity m is found to about eps^(1/m) relative, as with any
 * method in floating point (numpy's included).
 */
export function polyRoots(coefficients: ArrayLike<number>): Complex[] {
  let first = 0;
  let last = coefficients.length - 1;
  while (first <= last && coefficients[first] === 0) first++;
  while (last >= first && coefficients[last] === 0) last--;
  if (first > last) return [];
  const atZero = coefficients.length - 1 - last;
  const c = Float64Array.from(
    Array.prototype.slice.call(coefficients, first, last + 1) as number[],
  );
  const zeros = Array.from({ length: atZero }, () => complex(0));
  const n = c.length - 1;
  if (n === 0) return zeros;
  if (n === 1) return [complex(-c[1] / c[0]), ...zeros];

  // Aberth-Ehrlich: z_k -= w_k / (1 - w_k sum_{j != k} 1 / (z_k - z_j)), w_k = p / p'.
  const z = initialGuesses(c);
  for (let iteration = 0; iteration < 500; iteration++) {
    let largestStep = 0;
    for (let k = 0; k < n; k++) {
      const { value, derivative } = evaluate(c, z[k]);
      if (value.re === 0 && value.im === 0) continue;
      const newton = div(value, derivative);
      let repulsion = complex(0);
      for (let j = 0; j < n; j++)
        if (j !== k) repulsion = add(repulsion, div(complex(1), sub(z[k], z[j])));
      const step = div(newton, sub(complex(1), mul(newton, repulsion)));
      z[k] = sub(z[k], step);
      largestStep = Math.max(largestStep, abs(step) / Math.max(abs(z[k]), 1e-300));
    }
    if (largestStep < 1e-16) break;
  }

  // Newton polish of each root (stops when a step no longer reduces |p|).
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < 3; i++) {
      const { value, derivative } = evaluate(c, z[k]);
      if (abs(derivative) === 0) break;
      const candidate = sub(z[k], div(value, derivative));
      if (abs(evaluate(c, candidate).value) < abs(value)) z[k] = candidate;
      else break;
    }
  }
  return [...pairConjugates(z), ...zeros];
}

/**
 * Real coefficients give real roots and conjugate pairs: a root within a few eps of the
 * real axis is made real, and each upper root is paired with its nearest lower root and
 * both set to their average.
 */
function pairConjugates(z: Complex[]): Complex[] {
  const tol = 1e-14;
  const out: Complex[] = [];
  const upper: Complex[] = [];
  const lower: Complex[] = [];
  for (const v of z) {
    if (Math.abs(v.im) <= tol * Math.max(abs(v), 1e-300)) out.push(complex(v.re));
    else (v.im > 0 ? upper : lower).push(v);
  }
  if (upper.length !== lower.length) return z;
  for (const u of upper) {
    let best = 0;
    for (let j = 1; j < lower.length; j++) {
      if (abs(sub(conj(lower[j]), u)) < abs(sub(conj(lower[best]), u))) best = j;
    }
    const partner = conj(lower.splice(best, 1)[0]);
    const mean = complex((u.re + partner.re) / 2, (u.im + partner.im) / 2);
    out.push(mean, conj(mean));
  }
  return out;
}
