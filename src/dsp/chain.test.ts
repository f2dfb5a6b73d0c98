import { describe, expect, it } from 'vitest';
import { applyFilterChain, designFilterChain, filterChainResponse } from './chain.js';
import { butter } from './butter.js';
import { firwin } from './firwin.js';
import { iirnotch } from './notch.js';
import { filtfilt, sosfiltfilt } from './filtfilt.js';
import { abs } from './complex.js';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import { createMemoryLogger } from '../util/logger.js';

describe('designFilterChain', () => {
  it('builds high-pass, low-pass and notch stages from the scipy designs', () => {
    const stages = designFilterChain(
      { highpassHz: 0.5, lowpassHz: 40, notchHz: 50 },
      500,
    );
    expect(stages.map((s) => s.label)).toEqual([
      'Butterworth order 4, high-pass 0.5 Hz',
      'Butterworth order 4, low-pass 40 Hz',
      'notch 50 Hz, Q 30',
    ]);
    expect(stages[0]).toEqual(
      expect.objectContaining({
        sos: butter(4, 0.5, { btype: 'highpass', fs: 500, output: 'sos' }),
      }),
    );
    expect(stages[2]).toEqual(expect.objectContaining(iirnotch(50, 30, 500)));
  });

  it('makes one band-pass FIR stage when both cutoffs are given with design fir', () => {
    const [stage, ...rest] = designFilterChain(
      { highpassHz: 5, lowpassHz: 15, design: 'fir', taps: 101 },
      360,
    );
    expect(rest).toEqual([]);
    expect(stage).toEqual(
      expect.objectContaining({
        b: firwin(101, [5, 15], { fs: 360, passZero: 'bandpass' }),
        a: [1],
      }),
    );
  });

  it('warns when 255 FIR taps at 1000 Hz cannot make a 0.5 Hz high-pass edge', () => {
    const logger = createMemoryLogger();
    designFilterChain(
      { highpassHz: 0.5, lowpassHz: 40, design: 'fir', taps: 255, logger },
      1000,
    );
    // 3.3 * 1000 / 255 = 12.9 Hz > 0.5 Hz; 3.3 * 1000 / 0.5 = 6600, next odd 6601.
    // DC gain -1.3 dB per pass: sum of scipy.signal.firwin(255, [0.5, 40], fs=1000,
    // pass_zero=False), as the report of this defect measured it in scipy.
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(/^warn: FIR 255 taps at 1000 Hz/);
    expect(logger.lines[0]).toContain('about 12.9 Hz');
    expect(logger.lines[0]).toContain('0.5 Hz high-pass cutoff');
    expect(logger.lines[0]).toContain('gain at 0 Hz -1.3 dB');
    expect(logger.lines[0]).toContain('at least 6601 taps or the Butterworth design');
  });

  it('stays quiet for a Butterworth high-pass and an FIR whose band fits', () => {
    const logger = createMemoryLogger();
    designFilterChain({ highpassHz: 0.5, lowpassHz: 40, logger }, 1000);
    designFilterChain({ lowpassHz: 40, design: 'fir', taps: 255, logger }, 1000);
    designFilterChain({ highpassHz: 15, design: 'fir', taps: 255, logger }, 1000);
    expect(logger.lines).toEqual([]);
  });

  it('applies the stages in order with zero phase', () => {
    const x = new Float64Array(3000).map((_, i) => Math.sin(i / 10) + Math.sin(i / 2));
    const stages = designFilterChain({ lowpassHz: 20, notchHz: 50 }, 1000);
    const { b, a } = iirnotch(50, 30, 1000);
    const expected = filtfilt(
      b,
      a,
      sosfiltfilt(butter(4, 20, { fs: 1000, output: 'sos' }), x),
    );
    expectAllClose(applyFilterChain(stages, x), expected, { rtol: 0, atol: 0 });
  });

  it('gives the product of the stage responses', () => {
    const stages = designFilterChain({ lowpassHz: 50, notchHz: 50 }, 1000);
    const { stages: each, combined } = filterChainResponse(stages, 1000, 64);
    combined.h.forEach((h, i) =>
      expect(abs(h)).toBeCloseTo(abs(each[0].h[i]) * abs(each[1].h[i]), 12),
    );
  });

  it('rejects an empty chain and a high-pass above the low-pass', () => {
    expect(() => designFilterChain({}, 1000)).toThrow(
      /at least one of low-pass, high-pass or notch/,
    );
    expect(() => designFilterChain({ highpassHz: 60, lowpassHz: 40 }, 1000)).toThrow(
      /below the low-pass cutoff 40 Hz/,
    );
    expect(() => designFilterChain({ lowpassHz: 200 }, 360)).toThrow(
      'cutoff 200 Hz is at or above Nyquist 180 Hz',
    );
  });
});
