import { createRandom, randomInt } from '../data/random.js';
import { quantile, type Estimate } from '../train/bootstrap.js';
import { rocAuc } from '../train/metrics.js';
import { ParameterError } from '../util/errors.js';

/**
 * The difference of two classifiers' AUCs on the same items, with a paired percentile
 * bootstrap interval: each resample draws whole groups (patients) with replacement and
 * scores both classifiers on the same draw.
 * @param labels 0/1 per item
 * @param scoresA scores of classifier A per item
 * @param scoresB scores of classifier B per item, same order
 * @param options groups (patient per item; each item its own group by default),
 * resamples, seed and coverage
 * @returns AUC(A) - AUC(B) and its interval; an interval that excludes 0 says the two
 * differ on this test set (it does not cover the variation between training seeds)
 * @throws ParameterError when the lengths differ
 * @remarks Pairing removes the variation of the test set that both classifiers share,
 * so the interval of the difference is narrower than the two AUC intervals suggest.
 * Resamples with one class only are skipped.
 */
export function pairedAucDifference(
  labels: ArrayLike<number>,
  scoresA: ArrayLike<number>,
  scoresB: ArrayLike<number>,
  options: {
    groups?: readonly string[];
    iterations?: number;
    seed?: number;
    confidence?: number;
  } = {},
): Estimate {
  const { iterations = 1000, seed = 0, confidence = 0.95 } = options;
  for (const [name, values] of [
    ['scoresA', scoresA],
    ['scoresB', scoresB],
    ['groups', options.groups ?? labels],
  ] as const) {
    if (values.length !== labels.length) {
      throw new ParameterError(
        `${name}.length`,
        `labels.length ${labels.length}`,
        values.length,
      );
    }
  }

  // Items of each group, in first-seen order.
  const byGroup = new Map<string, number[]>();
  for (let item = 0; item < labels.length; item++) {
    const group = options.groups?.[item] ?? String(item);
    byGroup.set(group, [...(byGroup.get(group) ?? []), item]);
  }
  const groups = [...byGroup.values()];

  const random = createRandom(seed);
  const differences: number[] = [];
  for (let iteration = 0; iteration < iterations; iteration++) {
    const y: number[] = [];
    const a: number[] = [];
    const b: number[] = [];
    for (let draw = 0; draw < groups.length; draw++) {
      for (const item of groups[randomInt(random, groups.length)]) {
        y.push(labels[item]);
        a.push(scoresA[item]);
        b.push(scoresB[item]);
      }
    }
    const difference = rocAuc(y, a) - rocAuc(y, b);
    if (!Number.isNaN(difference)) differences.push(difference);
  }
  differences.sort((x, z) => x - z);
  const tail = (1 - confidence) / 2;
  return {
    value: rocAuc(labels, scoresA) - rocAuc(labels, scoresB),
    ciLow: quantile(differences, tail),
    ciHigh: quantile(differences, 1 - tail),
  };
}
