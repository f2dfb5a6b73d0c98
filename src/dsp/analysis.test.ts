import { describe, expect, it } from 'vitest';
import { butter } from './butter.js';
import { firwin } from './firwin.js';
import { iirnotch } from './notch.js';
import { freqz, sosfreqz, groupDelay, type FreqzOptions } from './freqz.js';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import { type ComplexPairs, loadScipyFixture } from './test-helpers/scipy-fixtures.js';
import { createMemoryLogger } from '../util/logger.js';

interface AnalysisFixture {
  meta: { scipy: string };
  designs: { sos: number[][]; h: number[] };
  freqz: Array<{ call: string; w: number[]; h: ComplexPairs }>;
  groupDelay: Array<{ call: string; w: number[]; gd: number[] }>;
}

const fixture = loadScipyFixture<AnalysisFixture>('freqz-1000hz.json');
const sos = butter(4, 50, { fs: 1000, output: 'sos' });
const taps = firwin(255, 50, { fs: 1000 });

// The fixture's calls, in order, as cardiokit calls.
const FREQZ_CALLS: Array<() => ReturnType<typeof freqz>> = [
  () => freqz(taps, [1], { worN: 512 }),
  () => freqz(taps, [1], { worN: 64, whole: true, fs: 1000 }),
  () => {
    const { b, a } = butter(4, 50, { fs: 1000 });
    return freqz(b, a, { worN: [0, 10, 50, 120, 499], fs: 1000 });
  },
  () => {
    const { b, a } = iirnotch(50, 30, 1000);
    return freqz(b, a, { worN: 256, fs: 1000 });
  },
  () => freqz([1, 2, 1], [1, -0.5], { worN: 7, whole: true }),
  () => sosfreqz(sos, { worN: 512, fs: 1000 }),
  () => sosfreqz(sos, { worN: 100, whole: true }),
  () => sosfreqz(sos, { worN: [1, 25, 50, 75], fs: 1000 } as FreqzOptions),
  () => freqz(taps, [1], { worN: 9, includeNyquist: true, fs: 1000 }),
];

describe('freqz and sosfreqz', () => {
  it(`match scipy ${fixture.meta.scipy}: worN as a count or frequencies, whole, fs, includeNyquist`, () => {
    expect(FREQZ_CALLS.length).toBe(fixture.freqz.length);
    fixture.freqz.forEach((c, i) => {
      const { w, h } = FREQZ_CALLS[i]();
      try {
        // Frequencies: one multiply and divide apart at most.
        expectAllClose(w, c.w, { rtol: 1e-14, atol: 1e-14 });
        // Responses: scipy uses an FFT for FIR counts, Horner here; in the stop band |h|
        // is ~1e-6 and both are accurate to ~1e-15 absolute.
        expectAllClose(
          h.map((v) => v.re),
          c.h.map((v) => v[0]),
          { rtol: 1e-10, atol: 1e-14 },
        );
        expectAllClose(
          h.map((v) => v.im),
          c.h.map((v) => v[1]),
          { rtol: 1e-10, atol: 1e-14 },
        );
      } catch (error) {
        throw new Error(`${c.call}: ${(error as Error).message}`);
      }
    });
  });
});

describe('groupDelay', () => {
  it('matches scipy for FIR filters and a Butterworth low-pass', () => {
    const calls = [
      () => groupDelay(taps, [1], { w: 256, fs: 1000 }),
      () => groupDelay([1, 2, 3, 2, 0.5], [1], { w: 64 }),
      () => {
        const { b, a } = butter(3, 0.2);
        return groupDelay(b, a, { w: [0.01, 0.1, 0.5, 1.0] });
      },
    ];
    fixture.groupDelay.forEach((c, i) => {
      const { w, gd } = calls[i]();
      expectAllClose(w, c.w, { rtol: 1e-14, atol: 1e-14 });
      // Stop-band frequencies of the 255-tap filter divide tiny numbers: 1e-7 absolute.
      expectAllClose(gd, c.gd, { rtol: 1e-9, atol: 1e-7 });
    });
  });

  it('gives (N - 1) / 2 samples in the pass band of a symmetric FIR filter', () => {
    const { w, gd } = groupDelay(taps, [1], { w: 100, fs: 1000 });
    const passBand = Array.from(gd).filter((_, i) => w[i] < 40);
    expectAllClose(
      passBand,
      passBand.map(() => 127),
      { rtol: 0, atol: 1e-9 },
    );
  });

  it('sets the delay to 0 where the response is zero, and warns', () => {
    const logger = createMemoryLogger();
    const { gd } = groupDelay([0, 0], [1], { w: [0.5], logger });
    expect(gd[0]).toBe(0);
    expect(logger.lines[0]).toMatch(/undefined where the response is zero \(0.5\)/);
  });

  it('warns where the response is nearly zero (a zero at Nyquist)', () => {
    const logger = createMemoryLogger();
    groupDelay([1, 1], [1], { w: [Math.PI], logger });
    expect(logger.lines[0]).toMatch(/inaccurate where the response is nearly zero/);
  });
});
