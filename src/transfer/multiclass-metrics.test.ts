import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import { argmaxRows, computeMulticlassMetrics } from './multiclass-metrics.js';

interface FixtureCase {
  name: string;
  classNames: string[];
  true: number[];
  predicted: number[];
  confusion: number[][];
  support: number[];
  sensitivity: (number | null)[];
  ppv: (number | null)[];
  specificity: (number | null)[];
  f1: (number | null)[];
  accuracy: number;
  macro: { sensitivity: number; ppv: number; f1: number };
  weighted: { sensitivity: number; ppv: number; f1: number };
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = JSON.parse(
  readFileSync(
    path.join(repoRoot, 'test/fixtures/transfer/multiclass-metrics.json'),
    'utf8',
  ),
) as { cases: FixtureCase[] };

// JSON has no NaN: the generator writes null where a ratio is 0/0.
const withNaN = (values: (number | null)[]) => values.map((v) => (v === null ? NaN : v));

describe('computeMulticlassMetrics', () => {
  // float64 arithmetic on small counts: only rounding separates us from numpy.
  const tolerance = { rtol: 1e-12, atol: 0 };

  for (const reference of fixture.cases) {
    it(`matches numpy for ${reference.name}`, () => {
      const result = computeMulticlassMetrics(
        reference.true,
        reference.predicted,
        reference.classNames,
      );
      expect(result.confusion).toEqual(reference.confusion);
      expect(result.support).toEqual(reference.support);
      expectAllClose(result.sensitivity, withNaN(reference.sensitivity), tolerance);
      expectAllClose(result.ppv, withNaN(reference.ppv), tolerance);
      expectAllClose(result.specificity, withNaN(reference.specificity), tolerance);
      expectAllClose(result.f1, withNaN(reference.f1), tolerance);
      const averages = (m: typeof reference.macro) => [m.sensitivity, m.ppv, m.f1];
      expectAllClose([result.accuracy], [reference.accuracy], tolerance);
      expectAllClose(averages(result.macro), averages(reference.macro), tolerance);
      expectAllClose(averages(result.weighted), averages(reference.weighted), tolerance);
    });
  }

  it('agrees with a confusion matrix worked by hand', () => {
    // true N N N S S V, predicted N N S S N V: N 2/3 sens, 2/3 PPV; S 1/2, 1/2; V 1, 1.
    const result = computeMulticlassMetrics(
      [0, 0, 0, 1, 1, 2],
      [0, 0, 1, 1, 0, 2],
      ['N', 'S', 'V'],
    );
    expect(result.confusion).toEqual([
      [2, 1, 0],
      [1, 1, 0],
      [0, 0, 1],
    ]);
    expectAllClose(result.sensitivity, [2 / 3, 1 / 2, 1], { rtol: 1e-15 });
    expectAllClose(result.ppv, [2 / 3, 1 / 2, 1], { rtol: 1e-15 });
    expectAllClose([result.accuracy], [4 / 6], { rtol: 1e-15 });
    expectAllClose([result.macro.sensitivity], [(2 / 3 + 1 / 2 + 1) / 3], {
      rtol: 1e-15,
    });
  });

  it('rejects a class index out of range, naming the sample', () => {
    expect(() => computeMulticlassMetrics([0, 5], [0, 0], ['N', 'S'])).toThrow(
      /sample 1/,
    );
  });
});

describe('argmaxRows', () => {
  it('returns the class of the largest probability in each row', () => {
    const probabilities = Float32Array.from([0.1, 0.7, 0.2, 0.5, 0.2, 0.3]);
    expect([...argmaxRows(probabilities, 3)]).toEqual([1, 0]);
  });
});
