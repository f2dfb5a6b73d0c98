import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyFilterChain, designFilterChain } from '../dsp/index.js';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import { silentLogger } from '../util/logger.js';
import { readRecord } from '../wfdb/index.js';
import { filterRangeWithContext, overlayContextSamples } from './plot-overlay.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const mitdb100 = resolve(repoRoot, '../shared/data/mitdb/100');

describe('filterRangeWithContext', () => {
  it('matches filtering the whole of MIT-BIH 100 (360 Hz) for 60 to 70 s, 0.5-40 Hz', async () => {
    const stages = designFilterChain({ highpassHz: 0.5, lowpassHz: 40 }, 360);
    const range = { fromSample: 60 * 360, lengthSamples: 10 * 360 };
    const overlay = await filterRangeWithContext(mitdb100, stages, range, silentLogger);

    // Reference: the whole 30 min record filtered, then cut to the range. Measured
    // difference with 10 s of context: 7e-7 mV; filtering the 10 s alone is off by 1.6 mV
    // on MLII. atol 1e-5 mV leaves room for rounding and stays far below a pixel.
    const whole = await readRecord(mitdb100);
    expect(overlay).toHaveLength(2);
    whole.physical.forEach((channel, lead) => {
      const expected = applyFilterChain(stages, channel).slice(
        range.fromSample,
        range.fromSample + range.lengthSamples,
      );
      expectAllClose(overlay[lead], expected, { atol: 1e-5, rtol: 0 });
    });
  });

  it('reads at least 10 s, five periods of the lowest cutoff and three FIR lengths', () => {
    const butter = designFilterChain({ highpassHz: 0.5, lowpassHz: 40 }, 360);
    expect(overlayContextSamples(butter, 360)).toBe(3600);
    const slow = designFilterChain({ highpassHz: 0.05 }, 360);
    expect(overlayContextSamples(slow, 360)).toBe(36000);
    const fir = designFilterChain({ lowpassHz: 40, design: 'fir', taps: 2001 }, 100);
    expect(overlayContextSamples(fir, 100)).toBe(6003);
  });
});
