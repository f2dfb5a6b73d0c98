import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import { butter, sosfreqz } from '../dsp/index.js';
import { filterResponseFromFreqz, renderFilterResponseSvg } from './filter-response.js';
import { angleRad, magnitudeDb, unwrapPhase } from './phase.js';
import { findAll, hasClass, parseSvg, texts } from './test-helpers/svg-tree.js';

interface FixtureResponse {
  label: string;
  cutoffHz: number[];
  frequenciesHz: number[];
  real: number[];
  imag: number[];
  magnitudeDb: (number | null)[];
  phaseRad: number[];
}

const fixture = JSON.parse(
  readFileSync(
    resolve(__dirname, '../../test/fixtures/report/filter-responses-500hz.json'),
    'utf8',
  ),
) as { responses: FixtureResponse[] };

describe('magnitudeDb and unwrapPhase', () => {
  // float64 arithmetic on the same h as numpy: agreement to rounding, rtol 1e-12.
  for (const response of fixture.responses) {
    it(`match numpy on scipy's ${response.label}`, () => {
      const db = magnitudeDb(response.real, response.imag);
      const finite = response.magnitudeDb.flatMap((v, i) => (v === null ? [] : [i]));
      expectAllClose(
        finite.map((i) => db[i]),
        finite.map((i) => response.magnitudeDb[i] as number),
        { rtol: 1e-12, atol: 1e-9 },
      );
      const phase = unwrapPhase(angleRad(response.real, response.imag));
      expectAllClose(phase, response.phaseRad, { rtol: 1e-12, atol: 1e-12 });
    });
  }

  it('floors exact zeros of h at the floor instead of -Infinity', () => {
    expect(Array.from(magnitudeDb([0, 1], [0, 0], -120))).toEqual([-120, 0]);
  });

  it('unwraps a linear phase ramp that wraps several times', () => {
    const ramp = Array.from({ length: 50 }, (_, i) => -0.9 * i);
    const wrapped = ramp.map((p) => Math.atan2(Math.sin(p), Math.cos(p)));
    expectAllClose(unwrapPhase(wrapped), ramp, { rtol: 0, atol: 1e-12 });
  });
});

describe('renderFilterResponseSvg', () => {
  it('draws magnitude and phase panels with one line per filter and dashed cutoffs', async () => {
    const svg = await renderFilterResponseSvg(fixture.responses);
    const root = parseSvg(svg);

    const lineGroups = findAll(root, (n) => n.name === 'g' && hasClass(n, 'mark-line'));
    // Vega draws each colour series of a line mark in its own group: 2 panels x 3 filters.
    const linePaths = lineGroups.flatMap((g) => findAll(g, (n) => n.name === 'path'));
    expect(linePaths).toHaveLength(2 * fixture.responses.length);
    for (const path of linePaths) expect(path.attributes.d.length).toBeGreaterThan(100);
    const rules = findAll(root, (n) => n.name === 'g' && hasClass(n, 'mark-rule'))
      .filter((g) => hasClass(g, 'role-mark'))
      .flatMap((g) => findAll(g, (n) => n.name === 'line'));
    // 1 + 2 + 1 cutoffs, drawn once in each panel.
    expect(rules).toHaveLength(2 * 4);

    const labels = texts(root);
    expect(labels.filter((t) => t === 'Frequency (Hz)')).toHaveLength(2);
    expect(labels).toContain('Magnitude (dB)');
    expect(labels).toContain('Phase (rad, unwrapped)');
    for (const response of fixture.responses) expect(labels).toContain(response.label);
  });

  it('rejects an empty list and arrays of different lengths', async () => {
    await expect(renderFilterResponseSvg([])).rejects.toThrow(/at least one/);
    await expect(
      renderFilterResponseSvg([
        { label: 'x', frequenciesHz: [0, 1], real: [1], imag: [0, 0] },
      ]),
    ).rejects.toThrow(/same length as frequenciesHz \(2\)/);
  });
});

describe('filterResponseFromFreqz', () => {
  it("draws src/dsp's sosfreqz of butter(4, 40 Hz) as scipy's response", async () => {
    const reference = fixture.responses[0];
    const sos = butter(4, 40, { btype: 'lowpass', fs: 500, output: 'sos' });
    const response = filterResponseFromFreqz(
      'low-pass',
      sosfreqz(sos, { worN: 256, fs: 500 }),
      40,
    );
    // src/dsp agrees with scipy to about 1e-10 relative; compare in dB away from h = 0.
    expectAllClose(response.frequenciesHz, reference.frequenciesHz, { rtol: 1e-12 });
    const db = magnitudeDb(response.real, response.imag);
    const finite = reference.magnitudeDb.flatMap((v, i) =>
      v !== null && v > -200 ? [i] : [],
    );
    expectAllClose(
      finite.map((i) => db[i]),
      finite.map((i) => reference.magnitudeDb[i] as number),
      {
        rtol: 1e-6,
        atol: 1e-6,
      },
    );
    const root = parseSvg(await renderFilterResponseSvg([response]));
    expect(texts(root)).toContain('low-pass');
  });
});
