/**
 * From window probabilities to record and patient probabilities.
 */

/** How the windows of a record (or the records of a patient) are combined. */
export type Aggregation = 'mean' | 'max';

/**
 * Combines item-level probabilities into group-level ones.
 * @param groups group key of each value (record id of each window, patient id of each
 * record)
 * @param probabilities one per value
 * @param aggregation `'mean'` (default; averages out noisy windows, what cardiokit
 * reports) or `'max'` (a record is as suspicious as its worst window: more sensitive,
 * less specific)
 * @returns one probability per group, groups in first-seen order
 */
export function aggregateProbabilities(
  groups: readonly string[],
  probabilities: ArrayLike<number>,
  aggregation: Aggregation = 'mean',
): Map<string, number> {
  const sums = new Map<string, { total: number; count: number; max: number }>();
  groups.forEach((group, index) => {
    const value = probabilities[index];
    const entry = sums.get(group) ?? { total: 0, count: 0, max: -Infinity };
    entry.total += value;
    entry.count += 1;
    entry.max = Math.max(entry.max, value);
    sums.set(group, entry);
  });
  const result = new Map<string, number>();
  for (const [group, { total, count, max }] of sums) {
    result.set(group, aggregation === 'max' ? max : total / count);
  }
  return result;
}
