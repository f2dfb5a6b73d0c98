import { describe, expect, it } from 'vitest';
import { butter, type BandType } from './butter.js';
import { firwin } from './firwin.js';
import { iirnotch } from './notch.js';
import { lfilter, lfilterZi } from './lfilter.js';
import { sosfilt } from './sosfilt.js';
import { filtfilt, sosfiltfilt } from './filtfilt.js';
import { sosfreqz, freqz } from './freqz.js';
import { sosfiltfiltLeads, filtfiltLeads } from './leads.js';
import { abs } from './complex.js';
import {
  SignalLengthError,
  ParameterError,
  NotImplementedError,
} from '../util/errors.js';
import { expectAllClose } from '../util/test-helpers/expect-close.js';

const BTYPES: Array<[BandType, number | number[]]> = [
  ['lowpass', 50],
  ['highpass', 0.5],
  ['bandpass', [5, 15]],
  ['bandstop', [45, 55]],
];

/** A unit pulse in the middle of a zero signal. */
function pulse(length: number, at: number): Float64Array {
  const x = new Float64Array(length);
  x[at] = 1;
  return x;
}

function argmax(x: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
  return best;
}

describe('filter properties', () => {
  it('puts every Butterworth pole inside the unit circle (orders 1-10, every btype, 1000 Hz)', () => {
    for (const [btype, wn] of BTYPES) {
      for (let order = 1; order <= 10; order++) {
        const { p } = butter(order, wn, { btype, fs: 1000, output: 'zpk' });
        expect(p.length).toBe(
          btype === 'lowpass' || btype === 'highpass' ? order : 2 * order,
        );
        for (const pole of p) expect(abs(pole)).toBeLessThan(1);
      }
    }
  });

  it('has unity gain at DC for low-pass designs (Butterworth sections, FIR taps)', () => {
    for (const order of [1, 2, 3, 4, 7]) {
      const { h } = sosfreqz(butter(order, 50, { fs: 1000, output: 'sos' }), {
        worN: [0],
        fs: 1000,
      });
      expectAllClose([h[0].re, h[0].im], [1, 0], { rtol: 0, atol: 1e-13 });
    }
    const { h } = freqz(firwin(255, 50, { fs: 1000 }), [1], { worN: [0], fs: 1000 });
    expectAllClose([h[0].re, h[0].im], [1, 0], { rtol: 0, atol: 1e-13 });
  });

  it('keeps the peak index of a mid-signal pulse with zero-phase filtering', () => {
    const x = pulse(2001, 1000);
    expect(argmax(sosfiltfilt(butter(4, 50, { fs: 1000, output: 'sos' }), x))).toBe(1000);
    expect(argmax(filtfilt(firwin(255, 50, { fs: 1000 }), [1], x))).toBe(1000);
    const { b, a } = butter(2, [5, 15], { btype: 'bandpass', fs: 1000 });
    expect(argmax(filtfilt(b, a, x))).toBe(1000);
    // One forward pass delays it: the FIR by (255 - 1) / 2 samples exactly.
    expect(argmax(lfilter(firwin(255, 50, { fs: 1000 }), [1], x))).toBe(1127);
  });

  it('returns as many samples as it is given', () => {
    const x = new Float64Array(777).map((_, i) => Math.cos(i / 9));
    const sos = butter(3, 30, { fs: 250, output: 'sos' });
    const taps = firwin(51, 30, { fs: 250 });
    for (const y of [
      sosfilt(sos, x),
      sosfiltfilt(sos, x),
      lfilter(taps, [1], x),
      filtfilt(taps, [1], x),
    ]) {
      expect(y.length).toBe(777);
    }
  });

  it('passes a constant signal through unchanged (odd padding, steady-state start)', () => {
    const x = new Float64Array(500).fill(2.5);
    expectAllClose(sosfiltfilt(butter(4, 50, { fs: 1000, output: 'sos' }), x), x, {
      rtol: 1e-12,
      atol: 0,
    });
    expectAllClose(
      filtfilt(firwin(255, 50, { fs: 1000 }), [1], new Float64Array(1000).fill(2.5)),
      new Float64Array(1000).fill(2.5),
      { rtol: 1e-12, atol: 0 },
    );
  });

  it('removes a 50 Hz hum with the notch and keeps 10 Hz', () => {
    const t = (i: number) => i / 1000;
    const x = new Float64Array(4000).map(
      (_, i) => Math.sin(2 * Math.PI * 10 * t(i)) + Math.sin(2 * Math.PI * 50 * t(i)),
    );
    const { b, a } = iirnotch(50, 30, 1000);
    const y = filtfilt(b, a, x);
    const expected = x.map((_, i) => Math.sin(2 * Math.PI * 10 * t(i)));
    expectAllClose(y.subarray(1000, 3000), expected.subarray(1000, 3000), {
      rtol: 0,
      atol: 0.01,
    });
  });
});

describe('inputs', () => {
  it('never modifies the input and accepts Float32Array and number arrays', () => {
    const values = Array.from({ length: 300 }, (_, i) => Math.sin(i / 5));
    const x64 = Float64Array.from(values);
    const x32 = Float32Array.from(values);
    const copy = x64.slice();
    const sos = butter(4, 50, { fs: 1000, output: 'sos' });
    sosfiltfilt(sos, x64);
    filtfilt([0.25, 0.5, 0.25], [1], x64);
    expect(Array.from(x64)).toEqual(Array.from(copy));
    const from32 = sosfiltfilt(sos, x32);
    expect(from32).toBeInstanceOf(Float64Array);
    expectAllClose(from32, sosfiltfilt(sos, Float64Array.from(x32)), {
      rtol: 0,
      atol: 0,
    });
    expectAllClose(sosfiltfilt(sos, values), sosfiltfilt(sos, x64), { rtol: 0, atol: 0 });
  });

  it("throws scipy's error when the signal is not longer than the default pad", () => {
    const sos = butter(4, 50, { fs: 1000, output: 'sos' });
    // 2 sections: 3 x (2 x 2 + 1) = 15 samples of padding.
    expect(() => sosfiltfilt(sos, new Float64Array(15))).toThrow(SignalLengthError);
    expect(() => sosfiltfilt(sos, new Float64Array(15))).toThrow(
      /padlen 15 needs more than 15 samples \(got 15\)/,
    );
    expect(sosfiltfilt(sos, new Float64Array(16)).length).toBe(16);
    // 255 taps: 3 x 255 = 765 samples.
    expect(() =>
      filtfilt(firwin(255, 50, { fs: 1000 }), [1], new Float64Array(700)),
    ).toThrow(/padlen 765/);
    expect(
      filtfilt(firwin(255, 50, { fs: 1000 }), [1], new Float64Array(700), { padlen: 100 })
        .length,
    ).toBe(700);
    expect(filtfilt([1], [1], [1, 2], { padtype: 'none' })).toEqual(
      new Float64Array([1, 2]),
    );
  });

  it('rejects bad coefficients, sections and options by name', () => {
    expect(() => lfilter([1, NaN], [1], [1, 2])).toThrow(
      /b\[1\] must be a finite number/,
    );
    expect(() => lfilter([1], [0, 1], [1, 2])).toThrow(/a\[0\] must be non-zero/);
    expect(() => sosfilt([[1, 0, 0, 2, 0, 0]], [1, 2])).toThrow(
      /sos\[0\]\[3\] must be 1/,
    );
    expect(() => sosfilt([[1, 0, 0, 1, 0]], [1, 2])).toThrow(ParameterError);
    expect(() => filtfilt([1], [1], new Float64Array(10), { method: 'gust' })).toThrow(
      NotImplementedError,
    );
    expect(() => filtfilt([1], [1], new Float64Array(10), { padlen: -1 })).toThrow(
      /padlen must be an integer >= 0/,
    );
    expect(() => lfilterZi([1], [1, -1])).toThrow(/without a pole at z = 1/);
    expect(() =>
      filtfilt([1], [1], new Float64Array(10), { padtype: 'mirror' as 'odd' }),
    ).toThrow(/padtype/);
  });
});

describe('multi-lead helpers', () => {
  it('filter each lead as the one-lead function does, and name the lead that fails', () => {
    const leads = [0, 1, 2].map((k) =>
      new Float64Array(400).map((_, i) => Math.sin((i * (k + 1)) / 13)),
    );
    const sos = butter(2, 20, { fs: 250, output: 'sos' });
    const out = sosfiltfiltLeads(sos, leads);
    out.forEach((y, k) =>
      expectAllClose(y, sosfiltfilt(sos, leads[k]), { rtol: 0, atol: 0 }),
    );
    const taps = firwin(31, 20, { fs: 250 });
    filtfiltLeads(taps, [1], leads).forEach((y, k) =>
      expectAllClose(y, filtfilt(taps, [1], leads[k]), { rtol: 0, atol: 0 }),
    );
    expect(() => sosfiltfiltLeads(sos, [leads[0], new Float64Array(5)])).toThrow(
      /^lead 1: /,
    );
  });
});
