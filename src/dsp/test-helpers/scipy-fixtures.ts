/**
 * Loads the scipy.signal reference fixtures (test/fixtures/scipy, made by generate.py) and
 * turns the Python design expressions they record into cardiokit calls.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Complex } from '../complex.js';
import { expectAllClose } from '../../util/test-helpers/expect-close.js';

export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Parses one fixture file of test/fixtures/scipy. */
export function loadScipyFixture<T>(name: string): T {
  return JSON.parse(
    readFileSync(path.resolve(repoRoot, 'test/fixtures/scipy', name), 'utf8'),
  ) as T;
}

/** Complex values as the fixtures store them, [re, im] pairs. */
export type ComplexPairs = Array<[number, number]>;

export const toComplex = (pairs: ComplexPairs): Complex[] =>
  pairs.map(([re, im]) => ({ re, im }));

/** Sorts complex values by real part, then imaginary part, for order-free comparison. */
export function sortComplex(values: Complex[]): Complex[] {
  return [...values].sort((a, b) => a.re - b.re || a.im - b.im);
}

/** Compares two sets of complex values element by element after sorting both. */
export function expectComplexClose(
  actual: Complex[],
  expected: Complex[],
  tolerance: { rtol: number; atol: number },
): void {
  const a = sortComplex(actual);
  const e = sortComplex(expected);
  expectAllClose(
    a.map((v) => v.re),
    e.map((v) => v.re),
    tolerance,
  );
  expectAllClose(
    a.map((v) => v.im),
    e.map((v) => v.im),
    tolerance,
  );
}

/** Flattens rows of second-order sections for element-by-element comparison. */
export const flatRows = (rows: ArrayLike<ArrayLike<number>>): number[] =>
  Array.from(rows).flatMap((row) => Array.from(row));
