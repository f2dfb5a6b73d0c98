import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../util/logger.js';
import { ParameterError } from '../util/errors.js';
import { detectRPeaks } from './detect-r-peaks.js';
import { matchBeats } from './match-beats.js';
import { syntheticEcg } from './synthetic-ecg.js';
import { R_PEAK_METHODS } from './types.js';

/** Every true beat found and nothing else, within the EC57 window of 150 ms. */
function expectAllBeats(peaks: Int32Array, truth: number[], fs: number) {
  const m = matchBeats(peaks, truth, fs);
  expect({ fp: m.falsePositiveSamples, fn: m.falseNegativeSamples }).toEqual({
    fp: [],
    fn: [],
  });
}

describe.each(R_PEAK_METHODS)('detectRPeaks %s', (method) => {
  it.each([100, 128, 250, 360, 500, 1000, 2000])('finds every beat at %i Hz', (fs) => {
    const { millivolts, rPeakIndices } = syntheticEcg({
      samplingRateHz: fs,
      durationSec: 20,
    });
    const peaks = detectRPeaks(millivolts, fs, { method });
    expectAllBeats(peaks, rPeakIndices, fs);
    // On a clean signal the peak is the R wave itself, within one sample.
    peaks.forEach((p, i) => expect(Math.abs(p - rPeakIndices[i])).toBeLessThanOrEqual(1));
  });

  it('gives the same beats on an inverted lead', () => {
    const { millivolts } = syntheticEcg({
      samplingRateHz: 500,
      durationSec: 20,
      wanderMv: 1,
    });
    const inverted = millivolts.map((v) => -v);
    expect(Array.from(detectRPeaks(inverted, 500, { method }))).toEqual(
      Array.from(detectRPeaks(millivolts, 500, { method })),
    );
  });

  it('ignores 1 mV baseline wander and 0.3 mV mains hum at 50 and 60 Hz', () => {
    for (const mainsHz of [50, 60]) {
      const signal = syntheticEcg({
        samplingRateHz: 360,
        durationSec: 30,
        heartRateBpm: 95,
        wanderMv: 1,
        mainsMv: 0.3,
        mainsHz,
      });
      expectAllBeats(
        detectRPeaks(signal.millivolts, 360, { method }),
        signal.rPeakIndices,
        360,
      );
    }
  });

  it('finds no spurious beat at the edges of a record that starts and ends mid-beat', () => {
    const { millivolts, rPeakIndices } = syntheticEcg({
      samplingRateHz: 250,
      durationSec: 20,
    });
    // Cut 10 ms after the first R peak and 10 ms before the last one.
    const from = rPeakIndices[0] + 3;
    const to = rPeakIndices[rPeakIndices.length - 1] - 2;
    const cut = millivolts.slice(from, to);
    const inside = rPeakIndices.filter((r) => r > from && r < to).map((r) => r - from);
    const peaks = detectRPeaks(cut, 250, { method });
    expectAllBeats(peaks, inside, 250);
  });

  it('returns no beats for empty, flat, all-NaN and very short input', () => {
    expect(detectRPeaks(new Float64Array(0), 360, { method })).toHaveLength(0);
    expect(detectRPeaks(new Float64Array(3600).fill(0.4), 360, { method })).toHaveLength(
      0,
    );
    expect(detectRPeaks(new Float64Array(3600).fill(NaN), 360, { method })).toHaveLength(
      0,
    );
    expect(detectRPeaks([1, -1, 2], 360, { method })).toHaveLength(0);
  });

  it('interpolates NaN samples, warns, and still finds every beat', () => {
    const { millivolts, rPeakIndices } = syntheticEcg({
      samplingRateHz: 360,
      durationSec: 20,
    });
    const gappy = millivolts.slice();
    gappy.fill(NaN, 1000, 1010);
    gappy.fill(NaN, 0, 5);
    const logger = createMemoryLogger();
    expectAllBeats(detectRPeaks(gappy, 360, { method, logger }), rPeakIndices, 360);
    expect(logger.lines).toContain(
      'warn: 15 non-finite samples replaced by linear interpolation',
    );
    expect(Number.isNaN(gappy[1000])).toBe(true);
  });

  it('rejects rates outside 100-2000 Hz', () => {
    const { millivolts } = syntheticEcg({ samplingRateHz: 360, durationSec: 5 });
    expect(() => detectRPeaks(millivolts, 50, { method })).toThrow(ParameterError);
    expect(() => detectRPeaks(millivolts, 4000, { method })).toThrow(
      /between 100 and 2000 Hz/,
    );
  });
});

describe('detectRPeaks', () => {
  it('rejects an unknown method by name', () => {
    expect(() => detectRPeaks([0, 1], 360, { method: 'hamilton-2002' as never })).toThrow(
      /method must be one of elgendi-2010, pan-tompkins-1985/,
    );
  });
});

describe('detectRPeaks options', () => {
  const { millivolts } = syntheticEcg({
    samplingRateHz: 360,
    durationSec: 10,
    heartRateBpm: 120,
  });

  it('passes parameters to the chosen method only', () => {
    // A 0.6 s refractory period at 120 bpm (RR 0.5 s) keeps every other beat at most.
    const fewer = detectRPeaks(millivolts, 360, { elgendi: { refractorySec: 0.6 } });
    expect(fewer.length).toBeLessThan(detectRPeaks(millivolts, 360).length * 0.6);
    const ptFewer = detectRPeaks(millivolts, 360, {
      method: 'pan-tompkins-1985',
      panTompkins: { refractorySec: 0.6 },
    });
    expect(ptFewer.length).toBeLessThan(20 * 0.6);
  });

  it('refuses parameters for a method that is not the one chosen', () => {
    expect(() =>
      detectRPeaks(millivolts, 360, { panTompkins: { refractorySec: 0.3 } }),
    ).toThrow(/panTompkins must be absent unless method is pan-tompkins-1985/);
  });
});
