import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import { butterworthBandpassSections, filterZeroPhase } from './zero-phase-bandpass.js';

const fixture = JSON.parse(
  readFileSync(
    resolve(
      fileURLToPath(import.meta.url),
      '../../../test/fixtures/scipy-ecg/bandpass-8-20hz.json',
    ),
    'utf8',
  ),
) as {
  cases: Array<{
    samplingRateHz: number;
    frequenciesHz: number[];
    magnitude: number[];
    upperPolesRe: number[];
    upperPolesIm: number[];
  }>;
};

function magnitude(
  sections: ReturnType<typeof butterworthBandpassSections>,
  omega: number,
) {
  let gain = 1;
  for (const [b0, b1, b2, a1, a2] of sections) {
    const num = Math.hypot(
      b0 + b1 * Math.cos(omega) + b2 * Math.cos(2 * omega),
      b1 * Math.sin(omega) + b2 * Math.sin(2 * omega),
    );
    const den = Math.hypot(
      1 + a1 * Math.cos(omega) + a2 * Math.cos(2 * omega),
      a1 * Math.sin(omega) + a2 * Math.sin(2 * omega),
    );
    gain *= num / den;
  }
  return gain;
}

describe('butterworthBandpassSections (order 3, 8-20 Hz)', () => {
  // Float64 design against scipy 1.17: agreement to about 1e-12 expected; 1e-9 allowed.
  it.each(fixture.cases.map((c) => [c.samplingRateHz, c] as const))(
    'matches scipy butter poles and sosfreqz magnitude at %i Hz',
    (fs, c) => {
      const sections = butterworthBandpassSections(3, 8, 20, fs);
      const poles = sections
        .map(([, , , a1, a2]) => [-a1 / 2, Math.sqrt(a2 - (a1 / 2) ** 2)])
        .sort((p, q) => p[0] - q[0] || p[1] - q[1]);
      expectAllClose(
        poles.map((p) => p[0]),
        c.upperPolesRe,
        { rtol: 1e-9, atol: 1e-12 },
      );
      expectAllClose(
        poles.map((p) => p[1]),
        c.upperPolesIm,
        { rtol: 1e-9, atol: 1e-12 },
      );
      const ours = c.frequenciesHz.map((f) =>
        magnitude(sections, (2 * Math.PI * f) / fs),
      );
      expectAllClose(ours, c.magnitude, { rtol: 1e-9, atol: 1e-12 });
    },
  );
});

describe('filterZeroPhase', () => {
  it('keeps the peak of a pulse in place (zero phase) and leaves the input unchanged', () => {
    const x = new Float64Array(2001);
    x[1000] = 1;
    const copy = x.slice();
    const y = filterZeroPhase(x, butterworthBandpassSections(3, 8, 20, 500), 500);
    let peak = 0;
    for (let i = 0; i < y.length; i++) if (Math.abs(y[i]) > Math.abs(y[peak])) peak = i;
    expect(peak).toBe(1000);
    expect(Array.from(x)).toEqual(Array.from(copy));
  });

  it('puts no transient at the edges of a signal with a large offset', () => {
    // A constant 5 mV offset is outside the band: the output must stay near 0 everywhere.
    const y = filterZeroPhase(
      new Float64Array(3600).fill(5),
      butterworthBandpassSections(3, 8, 20, 360),
      360,
    );
    expect(Math.max(...y.map(Math.abs))).toBeLessThan(1e-9);
  });
});
