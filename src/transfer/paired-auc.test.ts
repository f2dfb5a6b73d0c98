import { describe, expect, it } from 'vitest';
import { summariseMetrics } from '../train/bootstrap.js';
import { rocAuc } from '../train/metrics.js';
import { pairedAucDifference } from './paired-auc.js';

// 12 items: 5 positives; B ranks them worse than A.
const labels = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const scoresA = [0.9, 0.8, 0.7, 0.65, 0.3, 0.6, 0.2, 0.1, 0.35, 0.4, 0.05, 0.15];
const scoresB = [0.5, 0.8, 0.2, 0.65, 0.3, 0.6, 0.7, 0.1, 0.35, 0.4, 0.05, 0.55];

describe('pairedAucDifference', () => {
  it('gives the difference of the two AUCs inside its interval', () => {
    const result = pairedAucDifference(labels, scoresA, scoresB, { seed: 2 });
    expect(result.value).toBeCloseTo(
      rocAuc(labels, scoresA) - rocAuc(labels, scoresB),
      12,
    );
    expect(result.value).toBeGreaterThan(0);
    expect(result.ciLow).toBeLessThan(result.value);
    expect(result.ciHigh).toBeGreaterThan(result.value);
  });

  it('is exactly 0 with a zero-width interval for identical scores', () => {
    const result = pairedAucDifference(labels, scoresA, scoresA, { seed: 2 });
    expect(result).toEqual({ value: 0, ciLow: 0, ciHigh: 0 });
  });

  it('is narrower than either AUC interval when B differs from A by one rank', () => {
    // Positive 4 moves above one negative (0.35): the AUCs differ by 1/35.
    const nearlyA = scoresA.slice();
    nearlyA[4] = 0.36;
    const paired = pairedAucDifference(labels, nearlyA, scoresA, { seed: 2 });
    const alone = summariseMetrics(labels, scoresA, { threshold: 0.5, seed: 2 }).auc;
    expect(paired.value).toBeCloseTo(1 / 35, 12);
    expect(paired.ciHigh - paired.ciLow).toBeLessThan((alone.ciHigh - alone.ciLow) / 2);
  });

  it('resamples whole groups and refuses mismatched lengths', () => {
    const groups = labels.map((_, i) => `p${Math.floor(i / 2)}`);
    const grouped = pairedAucDifference(labels, scoresA, scoresB, { groups, seed: 2 });
    const single = pairedAucDifference(labels, scoresA, scoresB, { seed: 2 });
    expect(grouped.value).toBe(single.value);
    expect([grouped.ciLow, grouped.ciHigh]).not.toEqual([single.ciLow, single.ciHigh]);
    expect(() => pairedAucDifference(labels, scoresA, scoresB.slice(1))).toThrow(
      /scoresB/,
    );
  });
});
