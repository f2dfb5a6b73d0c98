import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import { calibrationBins } from './calibration.js';

interface Case {
  bins: number;
  labels: number[];
  probabilities: number[];
  binIndex: number[];
  meanPredicted: number[];
  observedFraction: number[];
  count: number[];
}

const fixture = JSON.parse(
  readFileSync(
    resolve(__dirname, '../../test/fixtures/report/calibration-bins.json'),
    'utf8',
  ),
) as { cases: Case[] };

describe('calibrationBins', () => {
  for (const c of fixture.cases) {
    it(`matches numpy's uniform binning for ${c.labels.length} items in ${c.bins} bins`, () => {
      const bins = calibrationBins(c.labels, c.probabilities, c.bins);
      expect(bins.map((b) => Math.round(b.fromProbability * c.bins))).toEqual(c.binIndex);
      expect(bins.map((b) => b.count)).toEqual(c.count);
      // Sums of the same float64 values, perhaps in another order: rtol 1e-12.
      expectAllClose(
        bins.map((b) => b.meanPredicted),
        c.meanPredicted,
        { rtol: 1e-12 },
      );
      expectAllClose(
        bins.map((b) => b.observedFraction),
        c.observedFraction,
        { rtol: 1e-12 },
      );
    });
  }

  it('puts probability 1 in the last bin and an inner edge in the bin above it', () => {
    const bins = calibrationBins([1, 0, 1], [1, 0.5, 0.0], 4);
    expect(bins.map((b) => [b.fromProbability, b.count])).toEqual([
      [0, 1],
      [0.5, 1],
      [0.75, 1],
    ]);
  });

  it('rejects probabilities outside [0, 1], bad labels and unequal lengths', () => {
    expect(() => calibrationBins([1], [1.5])).toThrow(
      /probabilities\[0\] must be in \[0, 1\]/,
    );
    expect(() => calibrationBins([2], [0.5])).toThrow(/labels\[0\] must be 0 or 1/);
    expect(() => calibrationBins([1, 0], [0.5])).toThrow(/one per label \(2\)/);
  });
});
