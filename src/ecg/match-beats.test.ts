import { describe, expect, it } from 'vitest';
import { beatReference, matchBeats, totalBeatMatch } from './match-beats.js';

describe('matchBeats', () => {
  it('counts TP, FP and FN with a 150 ms window at 100 Hz', () => {
    // Reference at 100, 200, 300, 400; detections at 114 (in), 216 (out by 1), 300, 500.
    const m = matchBeats([114, 216, 300, 500], [100, 200, 300, 400], 100);
    expect([m.truePositives, m.falsePositives, m.falseNegatives]).toEqual([2, 2, 2]);
    expect(m.falsePositiveSamples).toEqual([216, 500]);
    expect(m.falseNegativeSamples).toEqual([200, 400]);
    expect(m.sensitivity).toBe(0.5);
    expect(m.positivePredictivity).toBe(0.5);
  });

  it('matches one-to-one, closest pairs first', () => {
    // Two detections near one beat: one TP, one FP; the closer one is the match.
    const m = matchBeats([95, 103], [100], 360);
    expect(m.truePositives).toBe(1);
    expect(m.falsePositiveSamples).toEqual([95]);
  });

  it('leaves excluded ranges out on both sides', () => {
    const m = matchBeats([100, 5000], [100, 4000], 360, {
      excludedRanges: [[3000, 6000]],
    });
    expect([m.truePositives, m.falsePositives, m.falseNegatives]).toEqual([1, 0, 0]);
  });

  it('gives NaN rates when there is nothing to compare', () => {
    const m = matchBeats([], [], 360);
    expect(Number.isNaN(m.sensitivity) && Number.isNaN(m.positivePredictivity)).toBe(
      true,
    );
  });
});

describe('totalBeatMatch', () => {
  it('adds counts over records (gross statistics)', () => {
    const a = matchBeats([100], [100, 500], 360);
    const b = matchBeats([100, 900], [100], 360);
    const t = totalBeatMatch([a, b]);
    expect([t.truePositives, t.falsePositives, t.falseNegatives]).toEqual([2, 1, 1]);
    expect(t.sensitivity).toBeCloseTo(2 / 3, 15);
  });
});

describe('beatReference', () => {
  it('keeps beat symbols only and turns [ ] into excluded ranges', () => {
    const r = beatReference(
      [5, 10, 20, 30, 40, 50, 60],
      ['+', 'N', 'V', '[', '!', ']', 'A'],
    );
    expect(r.beatSamples).toEqual([10, 20, 60]);
    expect(r.excludedRanges).toEqual([[30, 51]]);
  });
});
