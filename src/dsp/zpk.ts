/**
 * Zeros, poles and gain: analog prototype transforms, the bilinear transform, and the
 * conversions between zeros/poles/gain and transfer-function form, with scipy.signal's
 * conventions. Second-order sections are in `zpk2sos.ts`.
 */
import {
  type Complex,
  add,
  complex,
  div,
  mul,
  neg,
  prod,
  scale,
  sqrt,
  sub,
} from './complex.js';
import { polyFromRoots, realIfConjugate } from './polynomial.js';
import { ParameterError } from '../util/errors.js';
import { polyRoots } from './roots.js';

/** A filter as zeros, poles and a real gain. */
export interface Zpk {
  z: Complex[];
  p: Complex[];
  k: number;
}

/** A filter as numerator `b` and denominator `a`, descending powers of z^-1... as scipy. */
export interface Ba {
  b: number[];
  a: number[];
}

const degreeOf = (zpk: Zpk): number => zpk.p.length - zpk.z.length;

const ratioGain = (z: Complex[], p: Complex[]): number =>
  div(prod(z.map(neg)), prod(p.map(neg))).re;

/** Low-pass prototype to low-pass at angular frequency `wo`. */
export function lp2lpZpk({ z, p, k }: Zpk, wo: number): Zpk {
  const degree = p.length - z.length;
  return {
    z: z.map((v) => scale(v, wo)),
    p: p.map((v) => scale(v, wo)),
    k: k * wo ** degree,
  };
}

/** Low-pass prototype to high-pass at angular frequency `wo`. */
export function lp2hpZpk(zpk: Zpk, wo: number): Zpk {
  const { z, p, k } = zpk;
  const w = complex(wo);
  const zeros = z.map((v) => div(w, v));
  for (let i = 0; i < degreeOf(zpk); i++) zeros.push(complex(0));
  return { z: zeros, p: p.map((v) => div(w, v)), k: k * ratioGain(z, p) };
}

/** The two band roots v +- sqrt(v^2 - wo^2) of each prototype root, firsts then seconds. */
function bandRoots(values: Complex[], wo: number): Complex[] {
  const w2 = complex(wo * wo);
  const roots = values.map((v) => sqrt(sub(mul(v, v), w2)));
  return [
    ...values.map((v, i) => add(v, roots[i])),
    ...values.map((v, i) => sub(v, roots[i])),
  ];
}

/** Low-pass prototype to band-pass centred at `wo` with bandwidth `bw` (rad/s). */
export function lp2bpZpk(zpk: Zpk, wo: number, bw: number): Zpk {
  const { z, p, k } = zpk;
  const degree = degreeOf(zpk);
  const zeros = bandRoots(
    z.map((v) => scale(v, bw / 2)),
    wo,
  );
  const poles = bandRoots(
    p.map((v) => scale(v, bw / 2)),
    wo,
  );
  for (let i = 0; i < degree; i++) zeros.push(complex(0));
  return { z: zeros, p: poles, k: k * bw ** degree };
}

/** Low-pass prototype to band-stop centred at `wo` with bandwidth `bw` (rad/s). */
export function lp2bsZpk(zpk: Zpk, wo: number, bw: number): Zpk {
  const { z, p, k } = zpk;
  const degree = degreeOf(zpk);
  const half = complex(bw / 2);
  const zeros = bandRoots(
    z.map((v) => div(half, v)),
    wo,
  );
  const poles = bandRoots(
    p.map((v) => div(half, v)),
    wo,
  );
  for (let i = 0; i < degree; i++) zeros.push(complex(0, wo));
  for (let i = 0; i < degree; i++) zeros.push(complex(0, -wo));
  return { z: zeros, p: poles, k: k * ratioGain(z, p) };
}

/** Bilinear transform s = 2 fs (z - 1) / (z + 1); zeros at infinity move to z = -1. */
export function bilinearZpk(zpk: Zpk, fs: number): Zpk {
  const { z, p, k } = zpk;
  const fs2 = complex(2 * fs);
  const map = (v: Complex) => div(add(fs2, v), sub(fs2, v));
  const zeros = z.map(map);
  for (let i = 0; i < degreeOf(zpk); i++) zeros.push(complex(-1));
  const gain = div(prod(z.map((v) => sub(fs2, v))), prod(p.map((v) => sub(fs2, v))));
  return { z: zeros, p: p.map(map), k: k * gain.re };
}

/**
 * Transfer function (numerator, denominator) from zeros, poles and gain, as scipy's
 * `zpk2tf`: b = k * poly(z), a = poly(p), real when the roots pair up exactly.
 * @throws ParameterError when the roots do not come in conjugate pairs (complex filter)
 */
export function zpk2tf({ z, p, k }: Zpk): Ba {
  const b = realIfConjugate(polyFromRoots(z), z);
  const a = realIfConjugate(polyFromRoots(p), p);
  if (b === undefined || a === undefined) {
    throw new ParameterError(
      b === undefined ? 'z' : 'p',
      'real or in exact complex-conjugate pairs',
      'an unpaired complex root',
      'complex-coefficient filters are not supported',
    );
  }
  return { b: b.map((v) => v * k), a };
}

/**
 * Zeros, poles and gain of a transfer function, as `scipy.signal.tf2zpk(b, a)`: b and a
 * are divided by a[0], k = b[0], and the roots of b / b[0] and of a are returned.
 * @throws ParameterError when a is all zeros or b is all zeros
 * @remarks Leading zeros of a are dropped; leading (near-)zeros of b, |b_i| <= 1e-14 after
 * normalisation, are dropped too, as scipy's `normalize` does. Roots come from an
 * Aberth-Ehrlich iteration rather than companion-matrix eigenvalues; they agree with
 * numpy's `roots` to about 1e-12 for simple roots (compare sets, not order).
 * @example
 * const { z, p, k } = tf2zpk([0.2, 0.4, 0.2], [1, -0.37, 0.19]);
 */
export function tf2zpk(b: ArrayLike<number>, a: ArrayLike<number>): Zpk {
  const bIn = Array.from(b);
  let aIn = Array.from(a);
  if (bIn.length === 0 || aIn.every((v) => v === 0)) {
    throw new ParameterError(
      'a',
      'at least one non-zero coefficient',
      `[${aIn.join(', ')}]`,
    );
  }
  for (const [name, values] of [
    ['b', bIn],
    ['a', aIn],
  ] as const) {
    values.forEach((v, i) => {
      if (!Number.isFinite(v))
        throw new ParameterError(`${name}[${i}]`, 'a finite number', v);
    });
  }
  while (aIn[0] === 0) aIn = aIn.slice(1);
  let bn = bIn.map((v) => v / aIn[0]);
  const an = aIn.map((v) => v / aIn[0]);
  let leading = 0;
  while (leading < bn.length - 1 && Math.abs(bn[leading]) <= 1e-14) leading++;
  bn = bn.slice(leading);
  if (bn[0] === 0)
    throw new ParameterError(
      'b',
      'at least one non-zero coefficient',
      `[${bIn.join(', ')}]`,
    );
  const k = bn[0];
  return { z: polyRoots(bn.map((v) => v / k)), p: polyRoots(an), k };
}
