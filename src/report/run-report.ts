import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MetricSummary } from '../train/bootstrap.js';
import { precisionRecallCurve, rocCurve } from '../train/metrics.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { silentLogger, type Logger } from '../util/logger.js';
import { calibrationBins } from './calibration.js';
import { type DatasetSummaryLike, renderDatasetChartsSvg } from './dataset-charts.js';
import {
  formatEstimate,
  renderCalibrationSvg,
  renderConfusionSvg,
  renderPrSvg,
  renderRocSvg,
} from './evaluation-charts.js';
import { escapeHtml, figure, page, section, table } from './html.js';
import { exampleEcgs } from './run-examples.js';
import { type PredictionRow, readRunFolder, type RunFolder } from './run-folder.js';
import { renderTrainingHistorySvg } from './training-charts.js';

/** Options of {@link writeRunReport}. */
export interface RunReportOptions {
  /** Output file, or a folder to write `report.html` into; default `<runDir>/report.html`. */
  outFile: string;
  /** Receives warnings (a chart or an example left out, and why). */
  logger: Logger;
  /** Bins of the reliability curve. */
  calibrationBinCount: number;
}

/** Defaults of {@link RunReportOptions} (outFile depends on the run folder). */
export const RUN_REPORT_DEFAULTS = {
  logger: silentLogger,
  calibrationBinCount: 10,
} as const;

/**
 * Writes one self-contained HTML report of a training run: configuration, data set
 * summary and charts, split, training curves, metrics with 95% intervals, ROC, PR,
 * confusion matrix, reliability curve, example ECGs with their predicted probability,
 * and the limitations of the evaluation.
 * @param runDir a run folder written by `cardiokit train`
 * @param options output file (an existing folder gets `report.html` inside it), logger,
 *   calibration bins
 * @returns the path of the HTML file written (atomically)
 * @throws FileError when `runDir/config.json` is missing; ParseError for a malformed file
 * @remarks Curves are computed from `predictions.csv` (test rows, or every row for a
 * cross-validated run) with src/train's `rocCurve` and `precisionRecallCurve`; metric
 * values and intervals are printed as `metrics.json` gives them. Sections whose files are
 * absent say so instead of failing. Charts are inline SVG; the page loads nothing.
 * Limitations: `curves.json` is not read (curves are recomputed from the predictions);
 * window- and patient-level results appear in the metrics table only; example ECGs need
 * the data folder named in `dataset.json` and are left out, with a note, without it.
 * @example
 * const file = await writeRunReport('runs/2026-01-01T10-00-00-resnet1d');
 */
export async function writeRunReport(
  runDir: string,
  options: Partial<RunReportOptions> = {},
): Promise<string> {
  // Options given as undefined (an absent CLI flag) keep their defaults.
  const settings = {
    outFile: options.outFile ?? join(runDir, 'report.html'),
    logger: options.logger ?? RUN_REPORT_DEFAULTS.logger,
    calibrationBinCount:
      options.calibrationBinCount ?? RUN_REPORT_DEFAULTS.calibrationBinCount,
  };
  const run = await readRunFolder(runDir);
  const html = await buildRunReportHtml(run, settings);

  // An existing folder as outFile receives report.html.
  const isFolder = await stat(settings.outFile).then(
    (info) => info.isDirectory(),
    () => false,
  );
  const outFile = isFolder ? join(settings.outFile, 'report.html') : settings.outFile;
  await writeFileAtomic(outFile, html);
  return outFile;
}

/** Builds the report's HTML text from a run folder already read. */
export async function buildRunReportHtml(
  run: RunFolder,
  settings: Pick<RunReportOptions, 'logger' | 'calibrationBinCount'>,
): Promise<string> {
  const evaluated = evaluatedRows(run.predictions);
  // Cross-validated runs are summarised out of fold; single splits on the test part.
  const headline = (run.metrics?.outOfFold ?? run.metrics?.test)?.record;
  const threshold = thresholdsOf(run);

  const sections = [
    section('summary', 'Summary', summaryHtml(run, headline, threshold)),
    section(
      'configuration',
      'Configuration',
      `<pre>${escapeHtml(JSON.stringify(run.config, null, 2))}</pre>`,
    ),
    section('dataset', 'Data set', await datasetHtml(run)),
    section('split', 'Split', splitHtml(run)),
    section('training', 'Training curves', await historyHtml(run)),
    section('metrics', 'Metrics', metricsHtml(run)),
    section(
      'curves',
      'Curves',
      await curvesHtml(run, evaluated, headline, threshold, settings.calibrationBinCount),
    ),
    section(
      'examples',
      'Example ECGs',
      await examplesHtml(run, evaluated, threshold, settings.logger),
    ),
    section('limitations', 'Limitations', limitationsHtml(run, evaluated)),
  ];
  const model =
    (run.config.model as { name?: string } | undefined)?.name ??
    String(run.config.model ?? 'model');
  return page(`cardiokit run report: ${model}`, sections.join('\n'));
}

/** The decision threshold of each prediction row, and how to print it. */
interface Thresholds {
  of: (row: PredictionRow) => number;
  text: string;
}

function thresholdsOf(run: RunFolder): Thresholds {
  const value = run.metrics?.threshold?.value ?? 0.5;
  if (!Array.isArray(value)) return { of: () => value, text: value.toFixed(3) };
  return {
    of: (row) => value[Number(row.part) - 1] ?? 0.5,
    text: `per fold ${value.map((v) => v.toFixed(3)).join(', ')}`,
  };
}

function evaluatedRows(rows: PredictionRow[] | undefined): {
  rows: PredictionRow[];
  what: string;
} {
  if (!rows) return { rows: [], what: 'none' };
  const test = rows.filter((r) => r.part === 'test');
  if (test.length > 0) return { rows: test, what: 'test records' };
  const folds = rows.filter((r) => /^\d+$/.test(r.part));
  return { rows: folds, what: 'out-of-fold records' };
}

function summaryHtml(
  run: RunFolder,
  headline: MetricSummary | undefined,
  threshold: Thresholds,
): string {
  if (!headline)
    return '<p class="note">metrics.json is absent: the run did not finish its evaluation.</p>';
  const rule = run.metrics?.threshold?.rule ? ` (${run.metrics.threshold.rule})` : '';
  return (
    `<p>Record-level AUC <strong>${escapeHtml(formatEstimate(headline.auc))}</strong> on ` +
    `${headline.n} records (${headline.positives} positive). Threshold ${escapeHtml(threshold.text)}, ` +
    `chosen on ${escapeHtml(run.metrics?.threshold?.chosenOn ?? 'validation')}${escapeHtml(rule)}.</p>`
  );
}

async function datasetHtml(run: RunFolder): Promise<string> {
  const dataset = run.dataset;
  if (!dataset) return '<p class="note">dataset.json is absent.</p>';
  const counts = (dataset.counts ?? {}) as Record<string, number>;
  const parts = [
    `<p>Database ${escapeHtml(String(dataset.database ?? '?'))} at ${escapeHtml(String(dataset.rootDir ?? '?'))}.</p>`,
    table(
      ['positive', 'negative', 'excluded'],
      [[counts.positive ?? '?', counts.negative ?? '?', counts.excluded ?? '?']],
    ),
  ];
  const reasons = excludedReasons(dataset.excluded);
  if (reasons.length > 0) parts.push(table(['excluded because', 'records'], reasons));
  const summary = dataset.summary as DatasetSummaryLike | undefined;
  if (summary && Array.isArray(summary.classes) && summary.classes.length > 0) {
    const charts = await renderDatasetChartsSvg(summary);
    parts.push(figure('class-counts', charts.classCounts, 'Records per class.'));
    parts.push(figure('age-by-class', charts.ageByClass, 'Age histogram by class.'));
    parts.push(figure('sex-by-class', charts.sexByClass, 'Sex by class.'));
  }
  return parts.join('');
}

function excludedReasons(excluded: unknown): (string | number)[][] {
  if (Array.isArray(excluded)) {
    const byReason = new Map<string, number>();
    for (const e of excluded as { reason?: string }[]) {
      byReason.set(e.reason ?? '?', (byReason.get(e.reason ?? '?') ?? 0) + 1);
    }
    return [...byReason].sort((a, b) => b[1] - a[1]);
  }
  if (excluded && typeof excluded === 'object')
    return Object.entries(excluded as Record<string, number>);
  return [];
}

function splitHtml(run: RunFolder): string {
  const split = run.split as
    Record<string, { patientIds?: string[]; recordIds?: string[] }> | undefined;
  if (!split) return '<p class="note">split.json is absent.</p>';
  const rows = ['train', 'validation', 'test']
    .filter((part) => split[part])
    .map((part) => [
      part,
      split[part].patientIds?.length ?? '?',
      split[part].recordIds?.length ?? '?',
    ]);
  const folds = (split as { folds?: unknown[] }).folds;
  const scheme =
    `<p>Scheme: ${escapeHtml(String((split as { scheme?: string }).scheme ?? '?'))}` +
    `${Array.isArray(folds) ? `, ${folds.length} folds` : ''}; patients never cross parts.</p>`;
  const foldRows = (Array.isArray(folds) ? folds : []).map((raw) => {
    const fold = raw as Record<string, unknown>;
    const count = (key: string) =>
      Array.isArray(fold[key]) ? (fold[key] as unknown[]).length : '?';
    return [
      String(fold.fold ?? '?'),
      count('testPatientIds'),
      count('testRecordIds'),
      count('validationPatientIds'),
    ];
  });
  return (
    scheme +
    (rows.length > 0 ? table(['part', 'patients', 'records'], rows) : '') +
    (foldRows.length > 0
      ? table(['fold', 'test patients', 'test records', 'validation patients'], foldRows)
      : '')
  );
}

async function historyHtml(run: RunFolder): Promise<string> {
  if (!run.history || run.history.length === 0)
    return '<p class="note">history.json is absent.</p>';
  const svg = await renderTrainingHistorySvg(run.history);
  return figure(
    'history',
    svg,
    'Loss, AUC and accuracy per epoch, train against validation.',
  );
}

function metricsHtml(run: RunFolder): string {
  const metrics = run.metrics;
  if (!metrics) return '<p class="note">metrics.json is absent.</p>';
  const rows: (string | number)[][] = [];
  for (const [setName, levels] of [
    ['test', metrics.test],
    ['validation', metrics.validation],
    ['out-of-fold', metrics.outOfFold],
  ] as const) {
    for (const levelName of ['record', 'window', 'patient'] as const) {
      const m = levels?.[levelName];
      if (!m) continue;
      rows.push([
        setName,
        levelName,
        m.n,
        m.positives,
        formatEstimate(m.auc),
        formatEstimate(m.averagePrecision),
        formatEstimate(m.accuracy),
        formatEstimate(m.sensitivity),
        formatEstimate(m.specificity),
        formatEstimate(m.f1),
      ]);
    }
  }
  const headers = [
    'set',
    'level',
    'n',
    'positives',
    'AUC',
    'average precision',
    'accuracy',
    'sensitivity',
    'specificity',
    'F1',
  ];
  return (
    table(headers, rows, 'metrics') +
    '<p class="note">Values with 95% bootstrap intervals (resampling patients), ' +
    'as metrics.json gives them.</p>'
  );
}

async function curvesHtml(
  run: RunFolder,
  evaluated: { rows: PredictionRow[]; what: string },
  headline: MetricSummary | undefined,
  threshold: Thresholds,
  binCount: number,
): Promise<string> {
  const rows = evaluated.rows;
  const labels = rows.map((r) => r.label);
  const scores = rows.map((r) => r.probability);
  const parts: string[] = [];
  if (labels.includes(1) && labels.includes(0)) {
    const validation = (run.predictions ?? []).filter((r) => r.part === 'validation');
    const rocSeries = [
      { label: evaluated.what, points: rocCurve(labels, scores), auc: headline?.auc },
    ];
    const vLabels = validation.map((r) => r.label);
    if (vLabels.includes(1) && vLabels.includes(0)) {
      const vScores = validation.map((r) => r.probability);
      rocSeries.push({
        label: 'validation records',
        points: rocCurve(vLabels, vScores),
        auc: run.metrics?.validation?.record?.auc,
      });
    }
    parts.push(
      figure(
        'roc',
        await renderRocSvg(rocSeries),
        `ROC of the ${evaluated.what}; AUC with its 95% interval.`,
      ),
    );
    const prevalence = labels.filter((l) => l === 1).length / labels.length;
    const pr = [
      {
        label: evaluated.what,
        points: precisionRecallCurve(labels, scores),
        averagePrecision: headline?.averagePrecision,
        prevalence,
      },
    ];
    parts.push(
      figure(
        'pr',
        await renderPrSvg(pr),
        `Precision-recall of the ${evaluated.what}; dashed: the positive rate ${prevalence.toFixed(3)}.`,
      ),
    );
  } else {
    parts.push(
      '<p class="note">ROC and precision-recall need both classes among the ' +
        'evaluated predictions.</p>',
    );
  }
  if (headline) {
    parts.push(
      figure(
        'confusion',
        await renderConfusionSvg(headline.confusion, {
          threshold: threshold.of(evaluated.rows[0]),
          title: `Confusion matrix at threshold ${threshold.text}`,
        }),
        `Confusion matrix of the ${evaluated.what} at threshold ${threshold.text}.`,
      ),
    );
  }
  if (rows.length > 0) {
    const bins = calibrationBins(labels, scores, binCount);
    parts.push(
      figure(
        'calibration',
        await renderCalibrationSvg(bins),
        `Reliability curve of the ${evaluated.what}, ${binCount} equal-width bins; bars: records per bin.`,
      ),
    );
  }
  return parts.join('');
}

async function examplesHtml(
  run: RunFolder,
  evaluated: { rows: PredictionRow[] },
  threshold: Thresholds,
  logger: Logger,
): Promise<string> {
  if (evaluated.rows.length === 0)
    return '<p class="note">predictions.csv has no evaluated record.</p>';
  const rootDir = run.dataset?.rootDir as string | undefined;
  const examples = await exampleEcgs(evaluated.rows, threshold.of, rootDir, logger);
  return examples
    .map((example, k) => {
      const { row } = example;
      const caption = `${row.recordId} (patient ${row.patientId}): label ${row.label === 1 ? 'positive (MI)' : 'negative'}, predicted probability ${row.probability.toFixed(3)} at threshold ${threshold.of(row).toFixed(3)}: ${example.outcome}.`;
      if (example.svg) return figure(`example-${k + 1}`, example.svg, caption);
      return `<p class="note">${escapeHtml(caption)} Not drawn: ${escapeHtml(example.problem ?? '')}</p>`;
    })
    .join('');
}

function limitationsHtml(
  run: RunFolder,
  evaluated: { rows: PredictionRow[]; what: string },
): string {
  const items: string[] = [];
  const positives = evaluated.rows.filter((r) => r.label === 1).length;
  if (evaluated.rows.length > 0 && positives < 30) {
    items.push(
      `Only ${positives} positive ${evaluated.what}: intervals are wide and a single ` +
        'split moves by several AUC points with the seed; prefer cross-validation.',
    );
  }
  items.push(
    'The threshold was chosen on validation data; sensitivity and specificity at ' +
      'another operating point differ.',
  );
  items.push(
    'Intervals come from a patient-level bootstrap of one trained model; they do not ' +
      'include the variation between training runs.',
  );
  items.push(
    'Results hold for the database and label definition in the configuration; other ' +
      'populations and devices were not tested.',
  );
  if (!run.predictions)
    items.push('predictions.csv is absent: curves and examples could not be drawn.');
  return `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
}
