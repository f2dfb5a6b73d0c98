/**
 * Polynomials with coefficients in descending powers, as numpy orders them:
 * `[c0, c1, ..., cn]` is c0 x^n + c1 x^(n-1) + ... + cn.
 */
import { type Complex, mul, sub, complex } from './complex.js';

/**
 * Coefficients of the monic polynomial with the given roots (numpy's `poly`), multiplied
 * out one root at a time in the order given.
 */
export function polyFromRoots(roots: readonly Complex[]): Complex[] {
  let c: Complex[] = [complex(1)];
  for (const r of roots) {
    const next: Complex[] = new Array(c.length + 1);
    next[0] = c[0];
    for (let i = 1; i < c.length; i++) next[i] = sub(c[i], mul(c[i - 1], r));
    next[c.length] = sub(complex(0), mul(c[c.length - 1], r));
    c = next;
  }
  return c;
}

/**
 * The real parts of complex coefficients when the roots come in exact conjugate pairs
 * (so the polynomial is real); otherwise undefined.
 */
export function realIfConjugate(
  coefficients: Complex[],
  roots: readonly Complex[],
): number[] | undefined {
  const positive = roots.filter((r) => r.im > 0).map((r) => [r.re, r.im]);
  const negative = roots.filter((r) => r.im < 0).map((r) => [r.re, -r.im]);
  if (positive.length !== negative.length) return undefined;
  const order = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1];
  positive.sort(order);
  negative.sort(order);
  for (let i = 0; i < positive.length; i++) {
    if (positive[i][0] !== negative[i][0] || positive[i][1] !== negative[i][1]) {
      return undefined;
    }
  }
  return coefficients.map((c) => c.re);
}

/** Evaluates a real polynomial (descending powers) at a complex point by Horner's rule. */
export function polyvalComplex(coefficients: ArrayLike<number>, z: Complex): Complex {
  let re = 0;
  let im = 0;
  for (let i = 0; i < coefficients.length; i++) {
    const nextRe = re * z.re - im * z.im + coefficients[i];
    im = re * z.im + im * z.re;
    re = nextRe;
  }
  return { re, im };
}
