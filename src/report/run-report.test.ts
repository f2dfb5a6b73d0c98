import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../util/logger.js';
import { writeRunReport } from './run-report.js';
import { parseSvg } from './test-helpers/svg-tree.js';
import { buildTinyRun } from './test-helpers/tiny-run.js';

const repoRoot = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'cardiokit-run-report-'));
let html: string;

beforeAll(async () => {
  await buildTinyRun(repoRoot, join(dir, 'run'));
  html = readFileSync(await writeRunReport(join(dir, 'run')), 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeRunReport', () => {
  it('writes every section and a well-formed inline SVG per chart', () => {
    for (const id of [
      'summary',
      'configuration',
      'dataset',
      'split',
      'training',
      'metrics',
      'curves',
      'examples',
      'limitations',
    ]) {
      expect(html).toContain(`<section id="${id}">`);
    }
    const figures = [
      ...html.matchAll(
        /<figure class="chart" data-chart="([^"]+)">(<svg[\s\S]*?<\/svg>)<figcaption>/g,
      ),
    ];
    const names = figures.map((m) => m[1]);
    expect(names).toEqual(
      expect.arrayContaining([
        'class-counts',
        'age-by-class',
        'sex-by-class',
        'history',
        'roc',
        'pr',
        'confusion',
        'calibration',
        'example-1',
        'example-4',
      ]),
    );
    for (const match of figures) expect(() => parseSvg(match[2])).not.toThrow();
  });

  it('loads nothing from outside the file and keeps element ids unique', () => {
    expect(html).not.toMatch(/<(script|link|img)\b/);
    expect(html).not.toMatch(/(src|href)="(https?:|\/\/)/);
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('prints the metrics table with intervals as metrics.json gives them', () => {
    const metrics = JSON.parse(readFileSync(join(dir, 'run/metrics.json'), 'utf8'));
    const auc = metrics.test.record.auc;
    const shown = `${auc.value.toFixed(3)} (95% CI ${auc.ciLow.toFixed(3)}-${auc.ciHigh.toFixed(3)})`;
    expect(html).toContain(`<td>${shown}</td>`);
    expect(html).toContain(`Record-level AUC <strong>${shown}</strong>`);
  });

  it('reads the cross-validation layout: folds of history, per-fold thresholds', async () => {
    // The tiny run's own numbers, rearranged as `--cv` writes them: test rows become
    // fold 1 and validation rows fold 2, each with its threshold.
    const cv = join(dir, 'cv');
    mkdirSync(cv);
    const copy = (name: string) => readFileSync(join(dir, 'run', name), 'utf8');
    for (const name of ['config.json', 'dataset.json'])
      writeFileSync(join(cv, name), copy(name));
    const metrics = JSON.parse(copy('metrics.json'));
    const t = metrics.threshold.value;
    metrics.outOfFold = metrics.test;
    metrics.threshold.value = [t, t / 2];
    writeFileSync(join(cv, 'metrics.json'), JSON.stringify(metrics));
    const history = JSON.parse(copy('history.json'));
    writeFileSync(
      join(cv, 'history.json'),
      JSON.stringify({ folds: [history, history.slice(0, 1)] }),
    );
    const predictions = copy('predictions.csv')
      .replace(/,test,/g, ',1,')
      .replace(/,validation,/g, ',2,');
    writeFileSync(join(cv, 'predictions.csv'), predictions);
    writeFileSync(
      join(cv, 'split.json'),
      JSON.stringify({
        scheme: 'cv',
        folds: [{ fold: 1, testPatientIds: ['a'], testRecordIds: ['a1'] }],
      }),
    );

    const out = readFileSync(await writeRunReport(cv), 'utf8');
    expect(out).toContain(`Threshold per fold ${t.toFixed(3)}, ${(t / 2).toFixed(3)}`);
    expect(out).toContain('ROC of the out-of-fold records');
    expect(out).toContain('Training curves, 2 folds');
    expect(out).toContain('<td>1</td><td>1</td><td>1</td><td>?</td>');
  });

  it('says which files are absent instead of failing', async () => {
    const sparse = join(dir, 'sparse');
    mkdirSync(sparse);
    writeFileSync(join(sparse, 'config.json'), '{"model": {"name": "resnet1d"}}');
    const logger = createMemoryLogger();
    const out = readFileSync(await writeRunReport(sparse, { logger }), 'utf8');
    for (const file of ['dataset.json', 'split.json', 'history.json', 'metrics.json']) {
      expect(out).toContain(`${file} is absent`);
    }
    expect(out).toContain('cardiokit run report: resnet1d');
  });

  it('names the folder when it is not a run folder, and the file when JSON is broken', async () => {
    await expect(writeRunReport(join(dir, 'nowhere'))).rejects.toThrow(
      /config.json: not found: RUN must be a run folder/,
    );
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'config.json'), '{}');
    writeFileSync(join(broken, 'metrics.json'), '{"test": ');
    await expect(writeRunReport(broken)).rejects.toThrow(/metrics.json: not valid JSON/);
  });

  it('refuses a metrics.json without the test metrics, naming the missing fields', async () => {
    const empty = join(dir, 'empty-metrics');
    mkdirSync(empty);
    writeFileSync(join(empty, 'config.json'), '{}');
    writeFileSync(join(empty, 'metrics.json'), '{}');
    await expect(writeRunReport(empty)).rejects.toThrow(
      /metrics\.json: test\.record missing: a finished run writes test\.record/,
    );
    expect(existsSync(join(empty, 'report.html'))).toBe(false);

    const metrics = JSON.parse(readFileSync(join(dir, 'run/metrics.json'), 'utf8'));
    delete metrics.test.record.auc;
    delete metrics.validation.record.f1;
    writeFileSync(join(empty, 'metrics.json'), JSON.stringify(metrics));
    await expect(writeRunReport(empty)).rejects.toThrow(
      'metrics.json: test.record.auc, validation.record.f1 missing',
    );
  });
});
