import { describe, expect, it } from 'vitest';
import { ParameterError } from '../util/errors.js';
import { detectRPeaksMultiLead } from './fuse-leads.js';
import { heartRate } from './heart-rate.js';
import { kachueeBeats } from './kachuee-beats.js';
import { segmentBeats } from './segment-beats.js';
import { beatQuality } from './signal-quality.js';
import { syntheticEcg } from './synthetic-ecg.js';

describe('heartRate', () => {
  it('gives RR in s, instantaneous and mean bpm', () => {
    const hr = heartRate([0, 360, 540, 900], 360);
    expect(Array.from(hr.rrSec)).toEqual([1, 0.5, 1]);
    expect(Array.from(hr.instantaneousBpm)).toEqual([60, 120, 60]);
    expect(hr.meanBpm).toBeCloseTo(60 / (2.5 / 3), 12);
  });

  it('has NaN mean with fewer than two beats and rejects unordered peaks', () => {
    expect(Number.isNaN(heartRate([10], 360).meanBpm)).toBe(true);
    expect(() => heartRate([10, 5], 360)).toThrow(ParameterError);
  });
});

describe('segmentBeats', () => {
  it('cuts 0.25 s before to 0.45 s after each R peak and drops beats at the edges', () => {
    const signal = Float64Array.from({ length: 1000 }, (_, i) => i);
    const s = segmentBeats(signal, [10, 100, 500, 990], 100);
    expect(Array.from(s.rPeakIndices)).toEqual([100, 500]);
    expect(s.beforeSamples).toBe(25);
    expect(s.beats[0]).toHaveLength(71);
    expect(s.beats[1][0]).toBe(475);
    expect(s.beats[1][25]).toBe(500);
    expect(s.beats[1][70]).toBe(545);
  });
});

describe('kachueeBeats', () => {
  it('resamples to 125 Hz, spans 1.2 median RR, scales to [0, 1], pads to 187', () => {
    const { millivolts, rPeakIndices } = syntheticEcg({
      samplingRateHz: 360,
      durationSec: 20,
      heartRateBpm: 75,
    });
    const k = kachueeBeats(millivolts, rPeakIndices, 360);
    expect(k.beats.length).toBe(rPeakIndices.length);
    // RR 0.8 s = 100 samples at 125 Hz; span 1.2 x 100 = 120 samples, then zeros.
    // Beats whose 1.2 RR span fits inside their 10 s window (1250 samples at 125 Hz).
    const whole = k.beats.filter((_, b) => {
      const at = Math.round((k.rPeakIndices[b] * 125) / 360);
      return at + 120 <= Math.ceil((at + 1) / 1250) * 1250;
    });
    expect(whole.length).toBeGreaterThan(18);
    for (const beat of whole) {
      expect(beat).toHaveLength(187);
      expect(Math.min(...beat.slice(0, 120))).toBeGreaterThanOrEqual(0);
      expect(Math.max(...beat.slice(0, 120))).toBeLessThanOrEqual(1);
      expect(beat[0]).toBeGreaterThan(0.9); // the beat starts on its R peak
      expect(beat[119]).toBeGreaterThan(0);
      expect(Array.from(beat.slice(120)).every((v) => v === 0)).toBe(true);
    }
  });

  it('gives no beats for an empty signal and rejects a non-integer rate', () => {
    expect(kachueeBeats([], [], 360).beats).toHaveLength(0);
    expect(() => kachueeBeats([0, 1], [0], 360.5)).toThrow(ParameterError);
  });
});

describe('beatQuality', () => {
  it('scores clean beats near 1 and beats buried in noise low', () => {
    const { millivolts, rPeakIndices } = syntheticEcg({
      samplingRateHz: 250,
      durationSec: 20,
    });
    const clean = beatQuality(millivolts, rPeakIndices, 250);
    expect(clean.meanCorrelation).toBeGreaterThan(0.99);
    expect(clean.acceptable).toBe(true);

    // Deterministic pseudo-random noise of about 1 mV.
    let seed = 1;
    const noisy = millivolts.map((v) => {
      seed = (seed * 16807) % 2147483647;
      return v + 3.4 * (seed / 2147483647 - 0.5);
    });
    const bad = beatQuality(noisy, rPeakIndices, 250);
    expect(bad.meanCorrelation).toBeLessThan(0.66);
    expect(bad.acceptable).toBe(false);
  });

  it('gives NaN for beats too close to the edges', () => {
    const { millivolts } = syntheticEcg({ samplingRateHz: 250, durationSec: 5 });
    const q = beatQuality(millivolts, [10, 400, 700, 1240], 250);
    expect(Number.isNaN(q.beatCorrelation[0])).toBe(true);
    expect(Number.isNaN(q.beatCorrelation[3])).toBe(true);
  });
});

describe('detectRPeaksMultiLead', () => {
  it('ignores a flat lead and a spike seen on one lead of three', () => {
    const { millivolts, rPeakIndices } = syntheticEcg({
      samplingRateHz: 500,
      durationSec: 20,
    });
    const spiky = millivolts.slice();
    for (let i = 0; i < 10; i++) spiky[5000 + i] += 3; // a 20 ms artefact between beats
    const flat = new Float64Array(millivolts.length);
    const fused = detectRPeaksMultiLead(
      [millivolts, spiky, millivolts.map((v) => -v), flat],
      500,
    );
    expect(fused.perLead[1].length).toBe(rPeakIndices.length + 1);
    expect(fused.perLead[3].length).toBe(0);
    expect(Array.from(fused.rPeakIndices)).toEqual(rPeakIndices);
  });

  it('rejects leads of different lengths', () => {
    expect(() => detectRPeaksMultiLead([[1, 2], [1]], 360)).toThrow(ParameterError);
  });
});
