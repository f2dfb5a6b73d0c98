import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerReport } from '../cli/report.js';
import { runCli } from '../cli/test-helpers/run-cli.js';
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

describe('cardiokit report on an AAMI run folder', () => {
  it('writes report.html from the JSON files, and names a missing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cardiokit-aami-report-'));
    const write = (name: string, value: unknown) =>
      writeFile(join(dir, name), JSON.stringify(value));
    await write('config.json', { task: 'aami', seed: 1 });
    await write('split.json', {
      name: 'de-chazal-2004',
      trainRecords: ['101'],
      testRecords: ['100'],
      trainBeats: 90,
      validationBeats: 10,
      testBeats: 12,
    });
    await write('history.json', [
      { epoch: 1, trainLoss: 1, valLoss: 0.9, epochMs: 1, samplesPerSec: 1 },
    ]);

    const missing = await runCli([registerReport], ['report', dir]);
    expect(missing.exitCode).not.toBe(0);
    expect(missing.stderr).toContain(join(dir, 'metrics.json'));

    await write('metrics.json', { comparisonOnly: false, bestEpoch: 1, test: metrics });
    const result = await runCli([registerReport], ['report', dir]);
    expect(result.exitCode).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('AAMI beat classification: de-chazal-2004');
    expect(html).toContain('epoch 1 of 1 kept');
  });
});
