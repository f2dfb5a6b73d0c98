import { describe, expect, it } from 'vitest';
import { buildAamiReportHtml, renderMulticlassConfusionSvg } from './aami-report.js';
import { computeMulticlassMetrics } from './multiclass-metrics.js';

const names = ['N', 'S', 'V', 'F', 'Q'];
// True and predicted classes of 12 beats; no beat of Q, one S predicted as N.
const truth = [0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 3, 0];
const predicted = [0, 0, 0, 0, 2, 1, 0, 2, 2, 2, 3, 0];
const metrics = computeMulticlassMetrics(truth, predicted, names);

describe('renderMulticlassConfusionSvg', () => {
  it('labels every cell with its count and row share', async () => {
    const svg = await renderMulticlassConfusionSvg(metrics);
    expect(svg.startsWith('<svg')).toBe(true);
    // Row N: 5 of 6 right; row S: 1 of 2 right.
    expect(svg).toContain('83.3%');
    expect(svg).toContain('50.0%');
    for (const name of names) expect(svg).toContain(`>${name}<`);
  });
});

describe('buildAamiReportHtml', () => {
  const input = {
    split: 'random-beats',
    comparisonOnly: true,
    trainBeats: 100,
    validationBeats: 10,
    testBeats: 12,
    trainRecords: ['101'],
    testRecords: ['101'],
    bestEpoch: 2,
    history: [1, 2, 3].map((epoch) => ({
      epoch,
      trainLoss: 1 / epoch,
      valLoss: 1 / epoch + 0.1,
      epochMs: 1,
      samplesPerSec: 1,
    })),
    test: metrics,
    config: { seed: 1, note: '<script>' },
  };

  it('shows the comparison-only warning, the per-class table and escapes settings', async () => {
    const html = await buildAamiReportHtml(input);
    expect(html).toContain('Comparison only.');
    expect(html).toContain('<td>S</td><td>2</td><td>50.0</td><td>100.0</td>');
    expect(html).toContain('<td>Q</td><td>0</td><td>n/a</td>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('epoch 2 of 3 kept');
  });
});
