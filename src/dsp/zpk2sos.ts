/**
 * Second-order sections from zeros, poles and gain, paired as scipy.signal's `zpk2sos`
 * pairs them for a digital filter ('nearest').
 */
import { type Complex, abs, add, complex, conj, isReal, scale, sub } from './complex.js';
import { type Zpk, zpk2tf } from './zpk.js';
import { ParameterError } from '../util/errors.js';

/**
 * Splits roots into complex ones (one of each conjugate pair, positive imaginary part,
 * the pair averaged) and real ones, as scipy's `_cplxreal` with tolerance 100 eps.
 */
export function splitConjugates(values: readonly Complex[]): {
  complexes: Complex[];
  reals: Complex[];
} {
  const tol = 100 * Number.EPSILON;
  const sorted = [...values].sort(
    (x, y) => x.re - y.re || Math.abs(x.im) - Math.abs(y.im),
  );
  const reals = sorted
    .filter((v) => Math.abs(v.im) <= tol * abs(v))
    .map((v) => complex(v.re));
  const rest = sorted.filter((v) => Math.abs(v.im) > tol * abs(v));
  const positive = rest.filter((v) => v.im > 0);
  const negative = rest.filter((v) => v.im < 0);
  if (positive.length !== negative.length) {
    throw new ParameterError(
      'roots',
      'in complex-conjugate pairs',
      'an unpaired complex root',
    );
  }
  sortRunsByImag(positive, tol);
  sortRunsByImag(negative, tol);
  const complexes = positive.map((v, i) => {
    const partner = conj(negative[i]);
    if (abs(sub(v, partner)) > tol * abs(negative[i])) {
      throw new ParameterError(
        'roots',
        'in complex-conjugate pairs',
        'an unpaired complex root',
      );
    }
    return scale(add(v, partner), 0.5);
  });
  return { complexes, reals };
}

/** Within runs of (nearly) equal real part, orders by |imaginary part|. */
function sortRunsByImag(values: Complex[], tol: number): void {
  let start = 0;
  while (start < values.length) {
    let stop = start + 1;
    while (
      stop < values.length &&
      values[stop].re - values[stop - 1].re <= tol * abs(values[stop - 1])
    ) {
      stop++;
    }
    const run = values.slice(start, stop).sort((x, y) => Math.abs(x.im) - Math.abs(y.im));
    for (let i = 0; i < run.length; i++) values[start + i] = run[i];
    start = stop;
  }
}

/** One section [b0 b1 b2 a0 a1 a2] from up to two zeros and two poles (unit gain). */
function section(zeros: Complex[], poles: Complex[]): number[] {
  const { b, a } = zpk2tf({ z: zeros, p: poles, k: 1 });
  const row = [0, 0, 0, 0, 0, 0];
  b.forEach((v, i) => (row[3 - b.length + i] = v));
  a.forEach((v, i) => (row[6 - a.length + i] = v));
  return row;
}

/** Index of the element of `from` nearest to `to`, restricted to real, complex or any. */
function nearestIndex(
  from: Complex[],
  to: Complex,
  which: 'real' | 'complex' | 'any',
): number {
  const order = from
    .map((_, i) => i)
    .sort((i, j) => abs(sub(from[i], to)) - abs(sub(from[j], to)));
  if (which === 'any') return order[0];
  const found = order.find((i) => isReal(from[i]) === (which === 'real'));
  if (found === undefined) {
    throw new ParameterError(
      'zeros',
      `a ${which} zero to pair with pole ${to.re}+${to.im}j`,
      'none left',
    );
  }
  return found;
}

/** Index of the pole nearest the unit circle (first one on ties). */
function worstIndex(values: Complex[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) {
    if (Math.abs(1 - abs(values[i])) < Math.abs(1 - abs(values[best]))) best = i;
  }
  return best;
}

const take = (values: Complex[], index: number): Complex => values.splice(index, 1)[0];

/**
 * Second-order sections from zeros, poles and gain, as scipy's `zpk2sos` with
 * `pairing='nearest'` for a digital filter: the pole nearest the unit circle goes last,
 * each pole pair takes its nearest zeros, the gain goes into the first section.
 * @returns one row per section, `[b0, b1, b2, 1, a1, a2]`
 * @throws ParameterError when roots are complex without a conjugate partner
 * @remarks Limitations: only the 'nearest' pairing of digital filters; analog sections and
 * the 'keep_odd' and 'minimal' pairings are not implemented.
 */
export function zpk2sos(zpk: Zpk): number[][] {
  const zIn = [...zpk.z];
  const pIn = [...zpk.p];
  if (zIn.length === 0 && pIn.length === 0) return [[zpk.k, 0, 0, 1, 0, 0]];

  // Equal numbers of poles and zeros, padded with roots at the origin; even count.
  while (pIn.length < zIn.length) pIn.push(complex(0));
  while (zIn.length < pIn.length) zIn.push(complex(0));
  const sections = Math.floor((pIn.length + 1) / 2);
  if (pIn.length % 2 === 1) {
    pIn.push(complex(0));
    zIn.push(complex(0));
  }

  // One of each conjugate pair, complex first, then reals (exactly real).
  const zs = splitConjugates(zIn);
  const ps = splitConjugates(pIn);
  const z = [...zs.complexes, ...zs.reals];
  const p = [...ps.complexes, ...ps.reals];

  const sos: number[][] = new Array(sections);
  for (let si = sections - 1; si >= 0; si--) {
    const p1 = take(p, worstIndex(p));
    const realPolesLeft = p.filter(isReal).length;
    if (isReal(p1) && realPolesLeft === 0) {
      // The last real pole: pair it with the nearest real zero.
      const z1 = take(z, nearestIndex(z, p1, 'real'));
      sos[si] = section([z1, complex(0)], [p1, complex(0)]);
    } else if (
      p.length + 1 === z.length &&
      !isReal(p1) &&
      realPolesLeft === 1 &&
      z.filter(isReal).length === 1
    ) {
      // One real pole and one real zero remain: this complex pole needs a complex zero.
      const z1 = take(z, nearestIndex(z, p1, 'complex'));
      sos[si] = section([z1, conj(z1)], [p1, conj(p1)]);
    } else {
      let p2: Complex;
      if (isReal(p1)) {
        const realIndices = p.map((v, i) => (isReal(v) ? i : -1)).filter((i) => i >= 0);
        const worstReal = realIndices[worstIndex(realIndices.map((i) => p[i]))];
        p2 = take(p, worstReal);
      } else {
        p2 = conj(p1);
      }
      if (z.length > 0) {
        const z1 = take(z, nearestIndex(z, p1, 'any'));
        if (!isReal(z1)) {
          sos[si] = section([z1, conj(z1)], [p1, p2]);
        } else if (z.length > 0) {
          const z2 = take(z, nearestIndex(z, p1, 'real'));
          sos[si] = section([z1, z2], [p1, p2]);
        } else {
          sos[si] = section([z1], [p1, p2]);
        }
      } else {
        sos[si] = section([], [p1, p2]);
      }
    }
  }

  for (let j = 0; j < 3; j++) sos[0][j] *= zpk.k;
  return sos;
}
