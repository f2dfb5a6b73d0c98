import { describe, expect, it } from 'vitest';
import { resamplePoly, type ResamplePolyOptions } from './resample.js';
import { resamplePolyLeads } from './leads.js';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import { loadScipyFixture } from './test-helpers/scipy-fixtures.js';

interface ResampleFixture {
  meta: { scipy: string };
  x1000: number[];
  x360: number[];
  cases: Array<{
    input: 'x1000' | 'x360';
    up: number;
    down: number;
    window?: ResamplePolyOptions['window'];
    padtype?: ResamplePolyOptions['padtype'];
    call: string;
    y: number[];
  }>;
}

const fixture = loadScipyFixture<ResampleFixture>('resample-from-1000hz-360hz.json');

describe('resamplePoly', () => {
  it(`matches scipy ${fixture.meta.scipy}: 1000 Hz and 360 Hz to 100, 125, 250, 500 Hz, windows, padtypes`, () => {
    for (const c of fixture.cases) {
      const y = resamplePoly(fixture[c.input], c.up, c.down, {
        window: c.window,
        padtype: c.padtype,
      });
      try {
        // A few hundred multiply-adds per output sample: rtol 1e-10 as for filtering.
        expectAllClose(y, c.y, { rtol: 1e-10, atol: 1e-12 });
      } catch (error) {
        throw new Error(`${c.call}: ${(error as Error).message}`);
      }
    }
  });

  it('gives ceil(n * up / down) samples and copies the input when up equals down', () => {
    const x = new Float64Array(1001).map((_, i) => Math.sin(i / 7));
    expect(resamplePoly(x, 1, 4).length).toBe(251);
    expect(resamplePoly(x, 25, 36).length).toBe(Math.ceil((1001 * 25) / 36));
    const same = resamplePoly(x, 3, 3);
    expect(same).not.toBe(x);
    expectAllClose(same, x, { rtol: 0, atol: 0 });
  });

  it('resamples every lead of a record', () => {
    const leads = [fixture.x360, fixture.x360.map((v) => -v)];
    const [first, second] = resamplePolyLeads(leads, 25, 18);
    expectAllClose(
      second,
      Array.from(first, (v) => -v),
      { rtol: 0, atol: 1e-15 },
    );
  });

  it('rejects factors that are not positive integers and unsupported padtypes', () => {
    expect(() => resamplePoly([1, 2, 3], 0, 2)).toThrow(
      /up must be an integer >= 1 \(got 0\)/,
    );
    expect(() => resamplePoly([1, 2, 3], 1.5, 2)).toThrow(/up must be an integer/);
    expect(() => resamplePoly([1, 2, 3], 1, 2, { padtype: 'line' as 'mean' })).toThrow(
      /padtype 'line' is not supported/,
    );
  });
});
