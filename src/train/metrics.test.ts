import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import {
  averagePrecision,
  confusionAt,
  rocAuc,
  rocCurve,
  thresholdMetrics,
  youdenThreshold,
} from './metrics.js';
import { summariseMetrics } from './bootstrap.js';

interface AtThreshold {
  confusion: { tp: number; fp: number; tn: number; fn: number };
  accuracy: number;
  sensitivity: number;
  specificity: number;
  f1: number;
}
interface Case {
  name: string;
  labels: number[];
  scores: number[];
  auc: number;
  averagePrecision: number;
  rocFpr: number[];
  rocTpr: number[];
  youdenThreshold: number;
  atHalf: AtThreshold;
  atYouden: AtThreshold;
}

// Reference values from numpy/scipy (see the fixture's manifest and generate.py).
const fixture = JSON.parse(
  readFileSync(
    resolve(__dirname, '../../test/fixtures/numpy-metrics/metrics.json'),
    'utf8',
  ),
) as { cases: Case[] };

// Sums of a few hundred float64 terms: 1e-12 relative leaves room for summation order.
const tolerance = { rtol: 1e-12, atol: 1e-14 };

describe('binary metrics against numpy references (sklearn formulas)', () => {
  for (const c of fixture.cases) {
    it(`matches AUC, AP, ROC points and threshold metrics for ${c.name}`, () => {
      expectAllClose([rocAuc(c.labels, c.scores)], [c.auc], tolerance);
      expectAllClose(
        [averagePrecision(c.labels, c.scores)],
        [c.averagePrecision],
        tolerance,
      );
      const roc = rocCurve(c.labels, c.scores);
      expectAllClose(
        roc.map((p) => p.falsePositiveRate),
        c.rocFpr,
        tolerance,
      );
      expectAllClose(
        roc.map((p) => p.truePositiveRate),
        c.rocTpr,
        tolerance,
      );
      expect(youdenThreshold(c.labels, c.scores)).toBe(c.youdenThreshold);
      for (const [threshold, reference] of [
        [0.5, c.atHalf],
        [c.youdenThreshold, c.atYouden],
      ] as const) {
        const confusion = confusionAt(c.labels, c.scores, threshold);
        expect(confusion).toEqual(reference.confusion);
        const m = thresholdMetrics(confusion);
        expectAllClose(
          [m.accuracy, m.sensitivity, m.specificity, m.f1],
          [
            reference.accuracy,
            reference.sensitivity,
            reference.specificity,
            reference.f1,
          ],
          tolerance,
        );
      }
    });
  }

  it('gives NaN AUC and AP when a class is absent, and rejects bad labels', () => {
    expect(rocAuc([0, 0], [0.1, 0.2])).toBeNaN();
    expect(averagePrecision([0, 0], [0.1, 0.2])).toBeNaN();
    expect(() => rocAuc([0, 2], [0.1, 0.2])).toThrow(/labels\[1\] must be 0 or 1/);
    expect(() => rocAuc([0, 1], [0.1])).toThrow(/as many values as labels/);
  });
});

describe('summariseMetrics', () => {
  const c = fixture.cases[2];

  it('brackets the point estimate with a seeded 95% bootstrap interval', () => {
    const summary = summariseMetrics(c.labels, c.scores, { threshold: 0.5, seed: 7 });
    expect(summary.auc.value).toBeCloseTo(c.auc, 12);
    expect(summary.auc.ciLow).toBeLessThan(summary.auc.value);
    expect(summary.auc.ciHigh).toBeGreaterThan(summary.auc.value);
    expect(summary.auc.ciHigh - summary.auc.ciLow).toBeLessThan(0.4);
    expect(summary.n).toBe(c.labels.length);
    expect(summary.confusion).toEqual(c.atHalf.confusion);
    const again = summariseMetrics(c.labels, c.scores, { threshold: 0.5, seed: 7 });
    expect(again).toEqual(summary);
    const other = summariseMetrics(c.labels, c.scores, { threshold: 0.5, seed: 8 });
    expect(other.auc.ciLow).not.toBe(summary.auc.ciLow);
  });

  it('resamples whole groups: one group holding everything gives a zero-width interval', () => {
    const groups = c.labels.map(() => 'patient-1');
    const summary = summariseMetrics(c.labels, c.scores, { threshold: 0.5, groups });
    expect(summary.auc.ciLow).toBeCloseTo(c.auc, 12);
    expect(summary.auc.ciHigh).toBeCloseTo(c.auc, 12);
  });
});
