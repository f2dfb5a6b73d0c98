import { describe, expect, it } from 'vitest';
import { chooseConvolveMethod, convolve } from './convolve.js';
import { firwin } from './firwin.js';
import { expectAllClose } from '../util/test-helpers/expect-close.js';

describe('convolve', () => {
  it('gives full, same and valid convolutions (numpy.convolve values, worked by hand)', () => {
    // np.convolve([1, 2, 3], [0, 1, 0.5]) = [0, 1, 2.5, 4, 1.5]
    expectAllClose(convolve([1, 2, 3], [0, 1, 0.5]), [0, 1, 2.5, 4, 1.5], {
      rtol: 0,
      atol: 0,
    });
    expectAllClose(convolve([1, 2, 3], [0, 1, 0.5], { mode: 'same' }), [1, 2.5, 4], {
      rtol: 0,
      atol: 0,
    });
    expectAllClose(convolve([1, 2, 3], [0, 1, 0.5], { mode: 'valid' }), [2.5], {
      rtol: 0,
      atol: 0,
    });
  });

  it('agrees between the FFT and the direct sum to 1e-13 of the signal scale (255 taps, odd lengths)', () => {
    const taps = firwin(255, 50, { fs: 1000 });
    for (const n of [1, 254, 255, 2049, 10001]) {
      const x = new Float64Array(n).map(
        (_, i) => Math.sin(i / 3) + ((i * 7919) % 101) / 100,
      );
      const fft = convolve(x, taps, { method: 'fft' });
      const direct = convolve(x, taps, { method: 'direct' });
      expect(fft.length).toBe(n + 254);
      expectAllClose(fft, direct, { rtol: 0, atol: 1e-13 });
    }
  });

  it('chooses the FFT for long kernels on long signals, the direct sum otherwise', () => {
    expect(chooseConvolveMethod(38400, 255)).toBe('fft');
    expect(chooseConvolveMethod(38400, 32)).toBe('fft');
    expect(chooseConvolveMethod(38400, 8)).toBe('direct');
    expect(chooseConvolveMethod(300, 255)).toBe('direct');
  });

  it('rejects empty input and unknown methods', () => {
    expect(() => convolve([], [1])).toThrow(/non-empty/);
    expect(() => convolve([1], [1], { method: 'overlap' as 'fft' })).toThrow(/method/);
  });
});
