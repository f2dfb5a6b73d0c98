import { ParameterError } from '../util/errors.js';

/** Per-class and averaged results of a multi-class classifier. */
export interface MulticlassMetrics {
  classNames: string[];
  /** `confusion[t][p]`: beats of true class `t` predicted as class `p`. */
  confusion: number[][];
  /** Beats of each true class. */
  support: number[];
  /** TP / (TP + FN) per class; NaN for a class with no beats. */
  sensitivity: number[];
  /** TP / (TP + FP) per class (positive predictive value); NaN if never predicted. */
  ppv: number[];
  /** TN / (TN + FP) per class; NaN when every beat is of that class. */
  specificity: number[];
  /** 2 TP / (2 TP + FP + FN) per class; NaN when the class is neither true nor predicted. */
  f1: number[];
  /** Correct predictions over all beats. */
  accuracy: number;
  /** Unweighted means over the classes that have beats (see `computeMulticlassMetrics`). */
  macro: { sensitivity: number; ppv: number; f1: number };
  /** Means weighted by support. */
  weighted: { sensitivity: number; ppv: number; f1: number };
  total: number;
}

/**
 * Computes the confusion matrix, per-class sensitivity, PPV, specificity and F1, overall
 * accuracy, and macro and support-weighted averages.
 * @param trueClass true class index of each sample, 0 to `classNames.length - 1`
 * @param predictedClass predicted class index of each sample
 * @param classNames name of each class, in index order
 * @throws ParameterError when the lengths differ or an index is out of range
 * @remarks Averages run over the classes with at least one true sample; a class that
 * has samples but was never predicted counts with PPV 0 there (its per-class PPV stays
 * NaN), the convention of scikit-learn's `zero_division=0`. Agrees with the numpy
 * computation in `test/fixtures/transfer/make-multiclass-metrics.py`.
 */
export function computeMulticlassMetrics(
  trueClass: ArrayLike<number>,
  predictedClass: ArrayLike<number>,
  classNames: readonly string[],
): MulticlassMetrics {
  const classCount = classNames.length;
  if (trueClass.length !== predictedClass.length) {
    throw new ParameterError(
      'predictedClass.length',
      `equal to trueClass.length ${trueClass.length}`,
      predictedClass.length,
    );
  }

  // Count each (true, predicted) pair.
  const confusion = classNames.map(() => new Array<number>(classCount).fill(0));
  for (let i = 0; i < trueClass.length; i++) {
    const t = trueClass[i];
    const p = predictedClass[i];
    if (!isClassIndex(t, classCount) || !isClassIndex(p, classCount)) {
      throw new ParameterError(
        `class index at sample ${i}`,
        `an integer in [0, ${classCount - 1}]`,
        isClassIndex(t, classCount) ? p : t,
      );
    }
    confusion[t][p] += 1;
  }

  // Per-class ratios from the row (true) and column (predicted) sums.
  const total = trueClass.length;
  const support = confusion.map((row) => sum(row));
  const predicted = classNames.map((_, c) => sum(confusion.map((row) => row[c])));
  const tp = classNames.map((_, c) => confusion[c][c]);
  const sensitivity = tp.map((hits, c) => ratio(hits, support[c]));
  const ppv = tp.map((hits, c) => ratio(hits, predicted[c]));
  const specificity = tp.map((hits, c) =>
    ratio(total - support[c] - predicted[c] + hits, total - support[c]),
  );
  const f1 = tp.map((hits, c) => ratio(2 * hits, support[c] + predicted[c]));

  return {
    classNames: [...classNames],
    confusion,
    support,
    sensitivity,
    ppv,
    specificity,
    f1,
    accuracy: ratio(sum(tp), total),
    macro: {
      sensitivity: average(sensitivity, support, false),
      ppv: average(ppv, support, false),
      f1: average(f1, support, false),
    },
    weighted: {
      sensitivity: average(sensitivity, support, true),
      ppv: average(ppv, support, true),
      f1: average(f1, support, true),
    },
    total,
  };
}

/** Index of the largest of each row of `probabilities` (`rows` x `classCount`). */
export function argmaxRows(probabilities: Float32Array, classCount: number): Int32Array {
  const rows = probabilities.length / classCount;
  const result = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < classCount; c++) {
      if (probabilities[r * classCount + c] > probabilities[r * classCount + best])
        best = c;
    }
    result[r] = best;
  }
  return result;
}

function isClassIndex(value: number, classCount: number): boolean {
  return Number.isInteger(value) && value >= 0 && value < classCount;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? Number.NaN : numerator / denominator;
}

// Mean over classes with support; an undefined ratio of such a class counts as 0.
function average(values: number[], support: number[], weighted: boolean): number {
  let total = 0;
  let weight = 0;
  values.forEach((value, c) => {
    if (support[c] === 0) return;
    const w = weighted ? support[c] : 1;
    total += w * (Number.isNaN(value) ? 0 : value);
    weight += w;
  });
  return ratio(total, weight);
}
