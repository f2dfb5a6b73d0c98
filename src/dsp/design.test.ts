import { describe, expect, it } from 'vitest';
import { butter } from './butter.js';
import { iirnotch, iirpeak } from './notch.js';
import { firwin, type FirwinOptions } from './firwin.js';
import { tf2zpk, zpk2tf, type Zpk } from './zpk.js';
import { zpk2sos } from './zpk2sos.js';
import { lfilterZi } from './lfilter.js';
import { sosfiltZi } from './sosfilt.js';
import type { BandType } from './butter.js';
import type { WindowSpec } from './windows.js';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import {
  type ComplexPairs,
  expectComplexClose,
  flatRows,
  loadScipyFixture,
  toComplex,
} from './test-helpers/scipy-fixtures.js';

interface DesignFixture {
  meta: { scipy: string };
  butter: Array<{
    order: number;
    wn: number | number[];
    btype: BandType;
    output: 'ba' | 'zpk' | 'sos';
    fs: number | null;
    call: string;
    b?: number[];
    a?: number[];
    z?: ComplexPairs;
    p?: ComplexPairs;
    k?: number;
    sos?: number[][];
  }>;
  notch: Array<{
    kind: string;
    w0: number;
    Q: number;
    fs: number;
    b: number[];
    a: number[];
    call: string;
  }>;
  firwin: Array<{
    numtaps: number;
    cutoff: number | number[];
    window?: string | [string, number];
    passZero?: FirwinOptions['passZero'];
    scale?: boolean;
    fs?: number;
    width?: number;
    call: string;
    h: number[];
  }>;
  zpk2sos: Array<{
    z: ComplexPairs;
    p: ComplexPairs;
    k: number;
    sos: number[][];
    call: string;
  }>;
  tf2zpk: Array<{
    b: number[];
    a: number[];
    z: ComplexPairs;
    p: ComplexPairs;
    k: number;
    call: string;
  }>;
  lfilterZi: Array<{ call: string; zi: number[] }>;
  sosfiltZi: Array<{ call: string; zi: number[][] }>;
}

const fixture = loadScipyFixture<DesignFixture>('design-1000hz-360hz-normalised.json');

// Design coefficients are a few dozen float64 operations: scipy agrees to about 1e-14
// relative; 1e-12 leaves room for a different order of the same arithmetic. The atol
// covers coefficients that are zero in exact arithmetic.
const COEFFICIENTS = { rtol: 1e-12, atol: 1e-15 };

describe('butter', () => {
  it(`matches scipy ${fixture.meta.scipy} for ${fixture.butter.length} designs (orders 1-8, every btype, ba/zpk/sos, with and without fs)`, () => {
    for (const c of fixture.butter) {
      const options = { btype: c.btype, fs: c.fs ?? undefined };
      try {
        if (c.output === 'sos') {
          const sos = butter(c.order, c.wn, { ...options, output: 'sos' });
          expect(sos.length).toBe(c.sos!.length);
          expectAllClose(flatRows(sos), flatRows(c.sos!), COEFFICIENTS);
        } else if (c.output === 'ba') {
          const { b, a } = butter(c.order, c.wn, { ...options, output: 'ba' });
          expectAllClose(b, c.b!, COEFFICIENTS);
          expectAllClose(a, c.a!, COEFFICIENTS);
        } else {
          const { z, p, k } = butter(c.order, c.wn, { ...options, output: 'zpk' });
          expectComplexClose(z, toComplex(c.z!), COEFFICIENTS);
          expectComplexClose(p, toComplex(c.p!), COEFFICIENTS);
          expectAllClose([k], [c.k!], COEFFICIENTS);
        }
      } catch (error) {
        throw new Error(`${c.call}: ${(error as Error).message}`);
      }
    }
  });

  it('matches the study filter exactly as scipy lays out its sections: order 4, 50 Hz low-pass at 1000 Hz', () => {
    const expected = fixture.butter.find(
      (c) =>
        c.order === 4 && c.btype === 'lowpass' && c.fs === 1000 && c.output === 'sos',
    )!;
    const sos = butter(4, 50, { fs: 1000, output: 'sos' });
    expect(sos.map((row) => row[3])).toEqual([1, 1]);
    expectAllClose(flatRows(sos), flatRows(expected.sos!), COEFFICIENTS);
  });

  it('rejects a cutoff at or above Nyquist, echoing the bound', () => {
    expect(() => butter(4, 600, { fs: 1000 })).toThrow(
      'cutoff 600 Hz is at or above Nyquist 500 Hz',
    );
    expect(() => butter(4, 1.2)).toThrow(/at or above Nyquist 1/);
    expect(() => butter(4, [40, 30], { fs: 1000, btype: 'bandpass' })).toThrow(
      /low < high/,
    );
    expect(() => butter(0, 50, { fs: 1000 })).toThrow(
      /order must be an integer >= 1 \(got 0\)/,
    );
    expect(() => butter(4, -5, { fs: 1000 })).toThrow(/must be above 0/);
    expect(() => butter(4, 50, { fs: 1000, btype: 'low' as BandType })).toThrow(/btype/);
  });
});

describe('iirnotch and iirpeak', () => {
  it('match scipy for 50 Hz at 1000 Hz, 60 Hz at 360 Hz and normalised w0', () => {
    for (const c of fixture.notch) {
      const { b, a } =
        c.kind === 'iirnotch' ? iirnotch(c.w0, c.Q, c.fs) : iirpeak(c.w0, c.Q, c.fs);
      expectAllClose(b, c.b, COEFFICIENTS);
      expectAllClose(a, c.a, COEFFICIENTS);
    }
  });

  it('take the sampling rate as { fs } like butter and firwin, or as a number', () => {
    // Same design either way: the options object is only another spelling of fs.
    expect(iirnotch(50, 30, { fs: 1000 })).toEqual(iirnotch(50, 30, 1000));
    expect(iirpeak(10, 5, { fs: 250 })).toEqual(iirpeak(10, 5, 250));
    expect(iirnotch(0.1, 30, {})).toEqual(iirnotch(0.1, 30));
    expect(() => iirnotch(50, 30, { fs: -1 })).toThrow(
      'fs must be a sampling rate > 0 Hz (got -1)',
    );
  });

  it('rejects a centre frequency at Nyquist', () => {
    expect(() => iirnotch(500, 30, 1000)).toThrow(
      'w0 500 Hz is at or above Nyquist 500 Hz',
    );
  });
});

describe('firwin', () => {
  it(`matches scipy for ${fixture.firwin.length} designs: every window, low/high/band-pass, band-stop, multi-band, scale, width`, () => {
    for (const c of fixture.firwin) {
      const options: FirwinOptions = {
        window: c.window as WindowSpec | undefined,
        passZero: c.passZero,
        scale: c.scale,
        fs: c.fs,
        width: c.width,
      };
      try {
        expectAllClose(firwin(c.numtaps, c.cutoff, options), c.h, {
          rtol: 1e-12,
          atol: 1e-16,
        });
      } catch (error) {
        throw new Error(`${c.call}: ${(error as Error).message}`);
      }
    }
  });

  it('rejects an even length with a pass band at Nyquist, and a cutoff above Nyquist', () => {
    expect(() => firwin(100, 50, { fs: 1000, passZero: false })).toThrow(
      /numtaps must be odd/,
    );
    expect(() => firwin(255, 600, { fs: 1000 })).toThrow(
      'cutoff 600 Hz is at or above Nyquist 500 Hz',
    );
    expect(() => firwin(255, [30, 20], { fs: 1000 })).toThrow(/strictly increasing/);
  });
});

describe('zpk2sos and zpk2tf', () => {
  it('pair poles and zeros as scipy does (odd counts, fewer zeros, complex zeros)', () => {
    for (const c of fixture.zpk2sos) {
      const sos = zpk2sos({ z: toComplex(c.z), p: toComplex(c.p), k: c.k });
      try {
        expectAllClose(flatRows(sos), flatRows(c.sos), COEFFICIENTS);
      } catch (error) {
        throw new Error(`${c.call}: ${(error as Error).message}`);
      }
    }
  });

  it('multiplies the sections back into the transfer function', () => {
    const zpk = butter(5, 40, { fs: 250, output: 'zpk' }) as Zpk;
    const { b, a } = zpk2tf(zpk);
    const expected = butter(5, 40, { fs: 250 });
    expectAllClose(b, expected.b, COEFFICIENTS);
    expectAllClose(a, expected.a, COEFFICIENTS);
  });
});

describe('tf2zpk', () => {
  it('finds the roots numpy finds (compared as sorted sets)', () => {
    for (const c of fixture.tf2zpk) {
      const { z, p, k } = tf2zpk(c.b, c.a);
      // Simple roots are well conditioned: 1e-10. A root of multiplicity m (Butterworth
      // zeros at -1 or +1) is found to about eps^(1/m) by any method, numpy's too.
      const expectedZ = toComplex(c.z);
      const multiple = expectedZ.some((u, i) =>
        expectedZ.some((v, j) => i !== j && Math.hypot(u.re - v.re, u.im - v.im) < 1e-3),
      );
      const zTolerance = multiple
        ? { rtol: 0, atol: 2e-3 }
        : { rtol: 1e-10, atol: 1e-12 };
      try {
        expectComplexClose(z, expectedZ, zTolerance);
        expectComplexClose(p, toComplex(c.p), { rtol: 1e-10, atol: 1e-12 });
        expectAllClose([k], [c.k], COEFFICIENTS);
      } catch (error) {
        throw new Error(`${c.call}: ${(error as Error).message}`);
      }
    }
  });

  it('round-trips through zpk2tf to the normalised coefficients', () => {
    const b = [1, 2, 3, 4, 5];
    const a = [2, -1, 0.5, 0.1, 0.02];
    const back = zpk2tf(tf2zpk(b, a));
    expectAllClose(
      back.b,
      b.map((v) => v / 2),
      { rtol: 1e-12, atol: 1e-14 },
    );
    expectAllClose(
      back.a,
      a.map((v) => v / 2),
      { rtol: 1e-12, atol: 1e-14 },
    );
  });
});

describe('lfilterZi and sosfiltZi', () => {
  it('match scipy steady states for IIR, FIR (255 taps) and sections', () => {
    const [butterZi, handZi, firZi] = fixture.lfilterZi;
    const { b, a } = butter(4, 50, { fs: 1000 });
    expectAllClose(lfilterZi(b, a), butterZi.zi, { rtol: 1e-11, atol: 1e-15 });
    expectAllClose(lfilterZi([0.2, 0.3, 0.1], [2, -0.4, 0.1, 0.05]), handZi.zi, {
      rtol: 1e-12,
      atol: 1e-15,
    });
    expectAllClose(lfilterZi(firwin(255, 50, { fs: 1000 }), [1]), firZi.zi, {
      rtol: 1e-11,
      atol: 1e-15,
    });

    const [low, band] = fixture.sosfiltZi;
    expectAllClose(
      flatRows(sosfiltZi(butter(4, 50, { fs: 1000, output: 'sos' }))),
      flatRows(low.zi),
      { rtol: 1e-11, atol: 1e-15 },
    );
    const bandSos = butter(5, [0.5, 40], { btype: 'bandpass', fs: 1000, output: 'sos' });
    expectAllClose(flatRows(sosfiltZi(bandSos)), flatRows(band.zi), {
      rtol: 1e-10,
      atol: 1e-13,
    });
  });
});
