/**
 * The HTML report of an AAMI beat-classification run: per-class table, multi-class
 * confusion matrix and loss per epoch, written beside the run's JSON files.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { figure, page, section, table } from '../report/html.js';
import { renderVegaLiteSvg } from '../report/vega-render.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { FileError } from '../util/errors.js';
import type { MulticlassMetrics } from './multiclass-metrics.js';
import type { ClassifierEpochLog } from './train-classifier.js';

/** What the AAMI report shows. */
export interface AamiReportInput {
  split: string;
  comparisonOnly: boolean;
  trainBeats: number;
  validationBeats: number;
  testBeats: number;
  trainRecords: string[];
  testRecords: string[];
  bestEpoch: number;
  history: ClassifierEpochLog[];
  test: MulticlassMetrics;
  /** The run's settings, shown as JSON. */
  config: Record<string, unknown>;
}

/**
 * Draws a K x K confusion matrix: counts, with each cell coloured and labelled by the
 * share of its true class (row percentage), so that rare classes stay readable.
 * @param metrics confusion matrix and class names
 * @param title chart title
 * @returns an SVG document
 */
export async function renderMulticlassConfusionSvg(
  metrics: Pick<MulticlassMetrics, 'confusion' | 'classNames'>,
  title = 'Confusion matrix (row %: share of the true class)',
): Promise<string> {
  const names = metrics.classNames;
  const cells = metrics.confusion.flatMap((row, t) => {
    const rowTotal = row.reduce((sum, count) => sum + count, 0);
    return row.map((count, p) => {
      const share = rowTotal > 0 ? count / rowTotal : 0;
      return {
        actual: names[t],
        predicted: names[p],
        share,
        text: `${count}`,
        percent: rowTotal > 0 ? `${(100 * share).toFixed(1)}%` : '',
      };
    });
  });
  const encoding = {
    x: {
      field: 'predicted',
      type: 'nominal',
      sort: names,
      title: 'Predicted',
      axis: { labelAngle: 0, orient: 'top' },
    },
    y: { field: 'actual', type: 'nominal', sort: names, title: 'Actual' },
  };
  const textColour = {
    condition: { test: 'datum.share > 0.5', value: 'white' },
    value: 'black',
  };
  const side = 64 * names.length;
  return renderVegaLiteSvg({
    title,
    data: { values: cells },
    width: side,
    height: side,
    config: { axis: { grid: false } },
    layer: [
      {
        mark: 'rect',
        encoding: {
          ...encoding,
          color: {
            field: 'share',
            type: 'quantitative',
            scale: { scheme: 'blues', domain: [0, 1] },
            legend: { title: 'row share', format: '.0%' },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 12, dy: -7 },
        encoding: { ...encoding, text: { field: 'text' }, color: textColour },
      },
      {
        mark: { type: 'text', fontSize: 10, dy: 8 },
        encoding: { ...encoding, text: { field: 'percent' }, color: textColour },
      },
    ],
  } as TopLevelSpec);
}

/**
 * Draws the training loss and the validation loss per epoch, with a rule at the epoch
 * kept.
 * @param history the run's epochs
 * @param bestEpoch the epoch whose weights were kept
 * @param classWeighted whether the loss was class-weighted (only changes the title)
 * @returns an SVG document
 */
export async function renderLossSvg(
  history: ClassifierEpochLog[],
  bestEpoch: number,
  classWeighted = true,
): Promise<string> {
  const rows = history.flatMap((log) => [
    { epoch: log.epoch, loss: log.trainLoss, split: 'training' },
    ...(log.valLoss !== undefined && Number.isFinite(log.valLoss)
      ? [{ epoch: log.epoch, loss: log.valLoss, split: 'validation' }]
      : []),
  ]);
  return renderVegaLiteSvg({
    title: `Loss per epoch (${classWeighted ? 'class-weighted ' : ''}cross-entropy)`,
    width: 360,
    height: 220,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'line', point: true, strokeWidth: 1.5 },
        encoding: {
          x: {
            field: 'epoch',
            type: 'quantitative',
            title: 'Epoch',
            axis: { tickMinStep: 1, format: 'd' },
          },
          y: {
            field: 'loss',
            type: 'quantitative',
            title: 'Loss',
            scale: { zero: false },
          },
          color: { field: 'split', type: 'nominal', title: null },
        },
      },
      {
        data: { values: [{ epoch: bestEpoch, label: `kept: epoch ${bestEpoch}` }] },
        mark: { type: 'rule', strokeDash: [4, 3], color: '#555' },
        encoding: { x: { field: 'epoch', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec);
}

/**
 * Builds the report page of an AAMI run.
 * @returns the HTML document, self-contained (inline SVG and style)
 */
export async function buildAamiReportHtml(input: AamiReportInput): Promise<string> {
  const m = input.test;
  const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}` : 'n/a');
  const classRows = m.classNames.map((name, c) => [
    name,
    m.support[c],
    pct(m.sensitivity[c]),
    pct(m.ppv[c]),
    pct(m.specificity[c]),
    pct(m.f1[c]),
  ]);
  classRows.push(
    ['macro', m.total, pct(m.macro.sensitivity), pct(m.macro.ppv), '', pct(m.macro.f1)],
    [
      'weighted',
      m.total,
      pct(m.weighted.sensitivity),
      pct(m.weighted.ppv),
      '',
      pct(m.weighted.f1),
    ],
  );
  const warning = input.comparisonOnly
    ? '<p class="note"><strong>Comparison only.</strong> Beats were split at random, ' +
      'so beats of one patient are on both sides (as in Kachuee et al. 2018); this ' +
      'accuracy overstates what the network does on a new patient.</p>'
    : '<p class="note">Inter-patient split of de Chazal et al. 2004: trained on DS1, ' +
      'tested on DS2; no record is on both sides.</p>';
  const summary =
    warning +
    `<p>Accuracy <strong>${pct(m.accuracy)}%</strong> on ${input.testBeats} test beats ` +
    `(${input.testRecords.length} records); ${input.trainBeats} training beats ` +
    `(${input.trainRecords.length} records), ${input.validationBeats} of them held out ` +
    `to choose the epoch (epoch ${input.bestEpoch} of ${input.history.length} kept).</p>`;
  const [confusionSvg, lossSvg] = await Promise.all([
    renderMulticlassConfusionSvg(m),
    renderLossSvg(input.history, input.bestEpoch, isWeighted(input.config)),
  ]);
  const body = [
    section('summary', 'Summary', summary),
    section(
      'classes',
      'Per-class results (test beats, %)',
      table(['class', 'beats', 'Se', 'PPV', 'Sp', 'F1'], classRows),
    ),
    section(
      'charts',
      'Charts',
      figure('confusion', confusionSvg, 'Rows: true AAMI class; columns: predicted.') +
        figure('loss', lossSvg, 'Training loss is class-weighted, as the optimiser saw.'),
    ),
    section(
      'settings',
      'Settings',
      `<pre>${escapeJson(input.config)}</pre>` +
        `<p>Test records: ${input.testRecords.join(', ')}</p>`,
    ),
  ].join('');
  return page(`AAMI beat classification: ${input.split}`, body);
}

/**
 * Writes `report.html`, `confusion.svg` and `loss.svg` into the run folder (each written
 * to a temporary file, then renamed).
 */
export async function writeAamiReport(runDir: string, input: AamiReportInput) {
  const html = await buildAamiReportHtml(input);
  await writeFileAtomic(
    join(runDir, 'confusion.svg'),
    await renderMulticlassConfusionSvg(input.test),
  );
  await writeFileAtomic(
    join(runDir, 'loss.svg'),
    await renderLossSvg(input.history, input.bestEpoch, isWeighted(input.config)),
  );
  await writeFileAtomic(join(runDir, 'report.html'), html);
}

/**
 * Reads an AAMI run folder (config, split, history and metrics JSON) and writes its
 * report, as `cardiokit report RUN` does for such a folder.
 * @param runDir folder written by `cardiokit train --task aami`
 * @param outFile HTML file to write; `RUN/report.html` (and its SVG charts) by default
 * @returns the HTML file written
 * @throws FileError naming the file that is missing or not the JSON expected
 */
export async function writeAamiReportFromFolder(
  runDir: string,
  outFile?: string,
): Promise<string> {
  const config = await readJsonObject(runDir, 'config.json');
  const split = await readJsonObject(runDir, 'split.json');
  const metrics = await readJsonObject(runDir, 'metrics.json');
  const historyFile = join(runDir, 'history.json');
  const history = JSON.parse(await readText(historyFile)) as unknown;
  if (!Array.isArray(history)) {
    throw new FileError(historyFile, 'expected a JSON array of epochs');
  }
  if (typeof metrics.test !== 'object' || metrics.test === null) {
    throw new FileError(join(runDir, 'metrics.json'), "expected a 'test' object");
  }
  const input: AamiReportInput = {
    split: String(split.name),
    comparisonOnly: metrics.comparisonOnly === true,
    trainBeats: Number(split.trainBeats),
    validationBeats: Number(split.validationBeats ?? 0),
    testBeats: Number(split.testBeats),
    trainRecords: (split.trainRecords as string[] | undefined) ?? [],
    testRecords: (split.testRecords as string[] | undefined) ?? [],
    bestEpoch: Number(metrics.bestEpoch ?? history.length),
    history: history as ClassifierEpochLog[],
    test: metrics.test as MulticlassMetrics,
    config,
  };
  if (outFile === undefined) {
    await writeAamiReport(runDir, input);
    return join(runDir, 'report.html');
  }
  await writeFileAtomic(outFile, await buildAamiReportHtml(input));
  return outFile;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new FileError(file, `cannot be read (${(error as Error).message})`);
  }
}

async function readJsonObject(
  dir: string,
  name: string,
): Promise<Record<string, unknown>> {
  const file = join(dir, name);
  let value: unknown;
  try {
    value = JSON.parse(await readText(file));
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError(file, `is not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FileError(file, 'expected a JSON object');
  }
  return value as Record<string, unknown>;
}

function escapeJson(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** False when the run's config says its loss weighed every class alike. */
function isWeighted(config: Record<string, unknown>): boolean {
  return config.classWeighting !== 'none';
}
