import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricSummary } from '../train/bootstrap.js';
import { averagePrecision, precisionRecallCurve, rocCurve } from '../train/metrics.js';
import { calibrationBins } from './calibration.js';
import {
  formatEstimate,
  renderCalibrationSvg,
  renderConfusionSvg,
  precisionRecallSteps,
  renderPrSvg,
  renderRocSvg,
} from './evaluation-charts.js';
import { readRunFolder, type RunFolder } from './run-folder.js';
import {
  findAll,
  hasClass,
  parseSvg,
  type SvgNode,
  texts,
} from './test-helpers/svg-tree.js';
import { buildTinyRun, TINY_RUN_EPOCHS } from './test-helpers/tiny-run.js';
import { type EpochRecord, renderTrainingHistorySvg } from './training-charts.js';

const repoRoot = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'cardiokit-run-charts-'));
let run: RunFolder;
let testRecord: MetricSummary;

beforeAll(async () => {
  await buildTinyRun(repoRoot, dir);
  run = await readRunFolder(dir);
  testRecord = run.metrics?.test?.record as MetricSummary;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function markPaths(root: SvgNode, mark: string): SvgNode[] {
  return findAll(
    root,
    (n) => n.name === 'g' && hasClass(n, mark) && hasClass(n, 'role-mark'),
  ).flatMap((g) => findAll(g, (n) => n.name === 'path'));
}

function testRows() {
  const rows = (run.predictions ?? []).filter((r) => r.part === 'test');
  return { labels: rows.map((r) => r.label), scores: rows.map((r) => r.probability) };
}

describe('renderTrainingHistorySvg on a real (logistic regression) run', () => {
  it('draws loss, AUC and accuracy panels with train and validation lines', async () => {
    const root = parseSvg(await renderTrainingHistorySvg(run.history as EpochRecord[]));
    const labels = texts(root);
    expect(labels.filter((t) => t === 'Epoch')).toHaveLength(3);
    for (const title of [
      'Loss (binary cross-entropy)',
      'AUC',
      'Accuracy',
      'train',
      'validation',
    ]) {
      expect(labels).toContain(title);
    }
    // Loss: train + validation; AUC: validation only (no trainAuc); accuracy: both.
    expect(markPaths(root, 'mark-line')).toHaveLength(5);
    // One point per epoch on each line.
    const points = markPaths(root, 'mark-symbol');
    expect(points).toHaveLength(5 * TINY_RUN_EPOCHS);
  });

  it('draws one line per fold and split for cross-validation', async () => {
    const history = run.history as EpochRecord[];
    const root = parseSvg(
      await renderTrainingHistorySvg([history, history.slice(0, 10)]),
    );
    expect(markPaths(root, 'mark-line')).toHaveLength(10);
    expect(texts(root)).toContain('Training curves, 2 folds');
  });
});

describe('evaluation charts on a real run', () => {
  it('draws ROC from (0, 0) to (1, 1) with the chance diagonal and the AUC interval', async () => {
    const { labels, scores } = testRows();
    const svg = await renderRocSvg([
      { label: 'test', points: rocCurve(labels, scores), auc: testRecord.auc },
    ]);
    const root = parseSvg(svg);
    const lines = markPaths(root, 'mark-line');
    expect(lines).toHaveLength(2);
    const curve = lines[1].attributes.d;
    const coords = [...curve.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(coords[0]).toEqual([0, 320]);
    expect(coords[coords.length - 1]).toEqual([320, 0]);
    expect(texts(root)).toContain(`test: AUC ${formatEstimate(testRecord.auc)}`);
    expect(texts(root)).toContain('False positive rate (1 - specificity)');
  });

  it('draws precision-recall with the positive rate as a dashed reference', async () => {
    const { labels, scores } = testRows();
    const prevalence = labels.filter((l) => l === 1).length / labels.length;
    const root = parseSvg(
      await renderPrSvg([
        { label: 'test', points: precisionRecallCurve(labels, scores), prevalence },
      ]),
    );
    const lines = markPaths(root, 'mark-line');
    expect(lines).toHaveLength(2);
    // The reference is horizontal at the positive rate: y = 320 * (1 - prevalence).
    const y = 320 * (1 - prevalence);
    expect(lines[0].attributes.d).toMatch(new RegExp(`^M0,${y.toFixed(3).slice(0, -2)}`));

    // A step curve from (recall 0, precision 1), top left, to recall 1: every segment
    // is horizontal or vertical, as sklearn's PrecisionRecallDisplay draws it.
    const coords = [...lines[1].attributes.d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map(
      (m) => [Number(m[1]), Number(m[2])],
    );
    expect(coords[0]).toEqual([0, 0]);
    expect(coords[coords.length - 1][0]).toBe(320);
    for (let k = 1; k < coords.length; k++) {
      const [dx, dy] = [coords[k][0] - coords[k - 1][0], coords[k][1] - coords[k - 1][1]];
      expect(dx === 0 || dy === 0, `segment ${k}: ${dx}, ${dy}`).toBe(true);
    }
    // Without an interval the legend and title give the AP of the steps, which is
    // sklearn's average_precision_score as src/train's averagePrecision computes it.
    const ap = averagePrecision(labels, scores).toFixed(3);
    expect(texts(root)).toContain(`test: AP ${ap}`);
    expect(texts(root)).toContain(`Precision-recall curve (AP ${ap})`);
  });

  it('places a step at each threshold, precision held over the recall it adds', () => {
    const points = [
      { threshold: 0.9, recall: 0.5, precision: 1 },
      { threshold: 0.5, recall: 0.5, precision: 0.5 },
      { threshold: 0.2, recall: 1, precision: 0.5 },
    ];
    expect(precisionRecallSteps(points)).toEqual([
      { recall: 0, precision: 1 },
      { recall: 0.5, precision: 1 },
      { recall: 0.5, precision: 0.5 },
      { recall: 1, precision: 0.5 },
    ]);
  });

  it('draws the 2x2 confusion matrix with the counts of metrics.json', async () => {
    const c = testRecord.confusion;
    const root = parseSvg(await renderConfusionSvg(c, { threshold: 0.25 }));
    expect(markPaths(root, 'mark-rect')).toHaveLength(4);
    const labels = texts(root);
    for (const count of [c.tp, c.fn, c.fp, c.tn]) {
      expect(labels.some((t) => t.startsWith(`${count} (`))).toBe(true);
    }
    expect(labels).toContain('Confusion matrix at threshold 0.250');
  });

  it('draws one reliability point per non-empty bin and one count bar per bin', async () => {
    const { labels, scores } = testRows();
    const bins = calibrationBins(labels, scores, 10);
    const root = parseSvg(await renderCalibrationSvg(bins));
    const symbols = markPaths(root, 'mark-symbol');
    expect(symbols).toHaveLength(bins.length);
    expect(markPaths(root, 'mark-rect')).toHaveLength(bins.length);
    expect(texts(root)).toContain('Observed fraction of positives');
  });

  it('reads predictions.csv with one row per validation and test record', () => {
    const split = JSON.parse(readFileSync(join(dir, 'split.json'), 'utf8'));
    const expected = split.validation.recordIds.length + split.test.recordIds.length;
    expect(run.predictions).toHaveLength(expected);
  });
});
