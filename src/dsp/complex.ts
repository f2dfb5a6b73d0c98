/**
 * Minimal complex arithmetic for filter design: poles, zeros and frequency responses.
 * Values are plain `{ re, im }` objects so that they serialise to JSON as they are.
 */

/** A complex number. */
export interface Complex {
  re: number;
  im: number;
}

export const complex = (re: number, im = 0): Complex => ({ re, im });

export const add = (a: Complex, b: Complex): Complex => ({
  re: a.re + b.re,
  im: a.im + b.im,
});

export const sub = (a: Complex, b: Complex): Complex => ({
  re: a.re - b.re,
  im: a.im - b.im,
});

export const mul = (a: Complex, b: Complex): Complex => ({
  re: a.re * b.re - a.im * b.im,
  im: a.re * b.im + a.im * b.re,
});

export const scale = (a: Complex, s: number): Complex => ({ re: a.re * s, im: a.im * s });

export const conj = (a: Complex): Complex => ({ re: a.re, im: -a.im });

export const neg = (a: Complex): Complex => ({ re: -a.re, im: -a.im });

export const abs = (a: Complex): number => Math.hypot(a.re, a.im);

/** Quotient a / b, scaled to avoid overflow (Smith's method). */
export function div(a: Complex, b: Complex): Complex {
  if (Math.abs(b.re) >= Math.abs(b.im)) {
    const r = b.im / b.re;
    const d = b.re + b.im * r;
    return { re: (a.re + a.im * r) / d, im: (a.im - a.re * r) / d };
  }
  const r = b.re / b.im;
  const d = b.re * r + b.im;
  return { re: (a.re * r + a.im) / d, im: (a.im * r - a.re) / d };
}

/** Principal square root (branch cut on the negative real axis, as numpy's `sqrt`). */
export function sqrt(a: Complex): Complex {
  if (a.re === 0 && a.im === 0) return { re: 0, im: a.im };
  const m = abs(a);
  if (a.re >= 0) {
    const t = Math.sqrt(0.5 * (m + a.re));
    return { re: t, im: a.im / (2 * t) };
  }
  const t = Math.sqrt(0.5 * (m - a.re));
  return { re: Math.abs(a.im) / (2 * t), im: a.im >= 0 ? t : -t };
}

/** e^(i theta). */
export const expi = (theta: number): Complex => ({
  re: Math.cos(theta),
  im: Math.sin(theta),
});

/** Product of all values (1 for none). */
export function prod(values: readonly Complex[]): Complex {
  let p: Complex = { re: 1, im: 0 };
  for (const v of values) p = mul(p, v);
  return p;
}

/** True when the imaginary part is exactly zero (numpy's `isreal`). */
export const isReal = (a: Complex): boolean => a.im === 0;
