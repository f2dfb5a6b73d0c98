import { describe, expect, it } from 'vitest';
import { decimateMinMax } from './decimate.js';

describe('decimateMinMax', () => {
  it('keeps every sample when a column holds two samples or fewer', () => {
    const points = decimateMinMax([5, 6, 7, 8], 1, 4, 2);
    expect(Array.from(points.sampleIndices)).toEqual([1, 2, 3]);
    expect(Array.from(points.values)).toEqual([6, 7, 8]);
  });

  it('keeps the minimum and maximum of each column in time order', () => {
    // Column 0: samples 0..9 with a spike of 3 at index 4 and a dip of -2 at index 7.
    const values = new Float64Array(30);
    values[4] = 3;
    values[7] = -2;
    values[25] = -1;
    const points = decimateMinMax(values, 0, 30, 10);
    expect(Array.from(points.sampleIndices)).toEqual([4, 7, 10, 20, 25]);
    expect(Array.from(points.values)).toEqual([3, -2, 0, 0, -1]);
  });

  it('never returns more than two points per column, plus one NaN break', () => {
    const values = Float64Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 7));
    values[5_003] = NaN;
    const points = decimateMinMax(values, 0, values.length, 37.5);
    const columns = Math.ceil(10_000 / 37.5);
    expect(points.values.length).toBeLessThanOrEqual(2 * columns + 1);
    expect(points.values.filter(Number.isNaN)).toHaveLength(1);
    expect(Math.max(...points.values.filter((v) => !Number.isNaN(v)))).toBe(
      Math.max(...values.filter((v) => !Number.isNaN(v))),
    );
  });
});
