import { describe, expect, it } from 'vitest';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import { computeRrFeatures } from './rr-features.js';

describe('computeRrFeatures', () => {
  it('gives pre, post, local mean and ratio worked by hand at 100 Hz', () => {
    // Intervals 1.0 s, 0.5 s, 1.5 s between four beats.
    const features = computeRrFeatures([0, 100, 150, 300], 100);
    // Float32 storage: 1e-6 relative.
    const tolerance = { rtol: 1e-6 };
    // Beat 0 has no previous interval: it takes its next one.
    expectAllClose(features.subarray(0, 4), [1, 1, 1, 1], tolerance);
    expectAllClose(features.subarray(4, 8), [1, 0.5, 1, 1], tolerance);
    expectAllClose(features.subarray(8, 12), [0.5, 1.5, 1, 0.5], tolerance);
    expectAllClose(features.subarray(12, 16), [1.5, 1.5, 1, 1.5], tolerance);
  });

  it('averages at most ten intervals around the beat', () => {
    // 20 intervals of 1 s, then one of 3 s; beat 10 sees intervals 5 to 14 (all 1 s).
    const peaks = Array.from({ length: 21 }, (_, i) => i * 250).concat([20 * 250 + 750]);
    const features = computeRrFeatures(peaks, 250);
    expectAllClose([features[10 * 4 + 2]], [1], { rtol: 1e-6 });
    // Beat 21 (the last) sees intervals 16 to 20: (4 x 1 + 3) / 5.
    expectAllClose([features[21 * 4 + 2]], [7 / 5], { rtol: 1e-6 });
  });

  it('returns NaN for a record with a single beat', () => {
    expect([...computeRrFeatures([10], 360)].every(Number.isNaN)).toBe(true);
  });
});
