import type { TopLevelSpec } from 'vega-lite';
import type { Estimate } from '../train/bootstrap.js';
import type { Confusion, PrPoint, RocPoint } from '../train/metrics.js';
import { ParameterError } from '../util/errors.js';
import type { CalibrationBin } from './calibration.js';
import { renderVegaLiteSvg } from './vega-render.js';

/** One ROC curve to draw, with its AUC and interval when known. */
export interface RocSeries {
  label: string;
  points: RocPoint[];
  auc?: Estimate;
}

/** One precision-recall curve, with its average precision and the positive rate. */
export interface PrSeries {
  label: string;
  points: PrPoint[];
  averagePrecision?: Estimate;
  /** Fraction of positives: the precision of a random classifier, drawn dashed. */
  prevalence?: number;
}

/** Formats an estimate as `0.871 (95% CI 0.802-0.930)`. */
export function formatEstimate(estimate: Estimate, digits = 3): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
  return `${f(estimate.value)} (95% CI ${f(estimate.ciLow)}-${f(estimate.ciHigh)})`;
}

/**
 * Draws ROC curves with the chance diagonal; the legend gives each AUC and its interval.
 * @param series one or more curves (for example test and validation)
 * @returns an SVG document
 * @throws ParameterError when no curve is given
 */
export async function renderRocSvg(series: RocSeries[]): Promise<string> {
  requireSome('series', series);
  const names = series.map((s) =>
    s.auc ? `${s.label}: AUC ${formatEstimate(s.auc)}` : s.label,
  );
  const rows = series.flatMap((s, k) =>
    s.points.map((p, order) => ({
      curve: names[k],
      order,
      fpr: p.falsePositiveRate,
      tpr: p.truePositiveRate,
    })),
  );
  return renderVegaLiteSvg(
    squareChart(
      'ROC curve',
      rows,
      names,
      { x: 'fpr', xTitle: 'False positive rate (1 - specificity)' },
      { y: 'tpr', yTitle: 'True positive rate (sensitivity)' },
      [
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ],
    ),
  );
}

/**
 * Vertices of the step curve of precision against recall, as sklearn's
 * `PrecisionRecallDisplay` draws it: from (recall 0, precision 1), each threshold's
 * precision holds over the recall it adds, so the area under the steps is the average
 * precision.
 * @param points one point per threshold, as `precisionRecallCurve` gives them
 * @returns vertices in drawing order, recall rising, none repeated; a vertical step joins
 *   two thresholds
 */
export function precisionRecallSteps(
  points: readonly PrPoint[],
): { recall: number; precision: number }[] {
  // Highest threshold first: recall never falls along the curve.
  const sorted = [...points].sort((a, b) => a.recall - b.recall);
  const steps = [{ recall: 0, precision: 1 }];
  for (const point of sorted) {
    // Up or down to this threshold's precision at the previous recall, then across.
    const previous = steps[steps.length - 1];
    for (const vertex of [
      { recall: previous.recall, precision: point.precision },
      { recall: point.recall, precision: point.precision },
    ]) {
      const last = steps[steps.length - 1];
      if (vertex.recall !== last.recall || vertex.precision !== last.precision)
        steps.push(vertex);
    }
  }
  return steps;
}

/** Average precision of a step curve: sum of (R_n - R_{n-1}) P_n, as sklearn's. */
function stepAveragePrecision(points: readonly PrPoint[]): number {
  const steps = precisionRecallSteps(points);
  let sum = 0;
  for (let k = 1; k < steps.length; k++)
    sum += (steps[k].recall - steps[k - 1].recall) * steps[k].precision;
  return sum;
}

/**
 * Draws precision-recall curves as steps (precision at each recall step, starting at
 * recall 0, precision 1, as sklearn's `PrecisionRecallDisplay`); the legend gives each
 * average precision (with its interval when known, else computed from the points) and a
 * dashed line the positive rate.
 * @param series one or more curves
 * @returns an SVG document; the title gives the first curve's average precision
 * @throws ParameterError when no curve is given
 */
export async function renderPrSvg(series: PrSeries[]): Promise<string> {
  requireSome('series', series);
  const apText = (s: PrSeries) =>
    s.averagePrecision
      ? formatEstimate(s.averagePrecision)
      : stepAveragePrecision(s.points).toFixed(3);
  const names = series.map((s) => `${s.label}: AP ${apText(s)}`);
  const rows = series.flatMap((s, k) =>
    precisionRecallSteps(s.points).map((p, order) => ({
      curve: names[k],
      order,
      recall: p.recall,
      precision: p.precision,
    })),
  );
  const prevalence = series.find((s) => s.prevalence !== undefined)?.prevalence;
  const reference =
    prevalence === undefined
      ? []
      : [
          { x: 0, y: prevalence },
          { x: 1, y: prevalence },
        ];
  const averagePrecision =
    series[0].averagePrecision?.value ?? stepAveragePrecision(series[0].points);
  return renderVegaLiteSvg(
    squareChart(
      `Precision-recall curve (AP ${averagePrecision.toFixed(3)})`,
      rows,
      names,
      { x: 'recall', xTitle: 'Recall (sensitivity)' },
      { y: 'precision', yTitle: 'Precision (PPV)' },
      reference,
    ),
  );
}

/**
 * Draws the 2x2 confusion matrix at a threshold: counts and row percentages.
 * @param confusion counts of true/false positives/negatives
 * @param options threshold used (printed in the title) and the class names
 * @returns an SVG document
 */
export async function renderConfusionSvg(
  confusion: Confusion,
  options: { threshold: number; positive?: string; negative?: string; title?: string },
): Promise<string> {
  const positive = options.positive ?? 'MI';
  const negative = options.negative ?? 'normal';
  const cell = (actual: string, predicted: string, count: number, rowTotal: number) => ({
    actual,
    predicted,
    count,
    text: `${count} (${rowTotal > 0 ? ((100 * count) / rowTotal).toFixed(1) : '0.0'}%)`,
  });
  const positives = confusion.tp + confusion.fn;
  const negatives = confusion.tn + confusion.fp;
  const rows = [
    cell(positive, positive, confusion.tp, positives),
    cell(positive, negative, confusion.fn, positives),
    cell(negative, positive, confusion.fp, negatives),
    cell(negative, negative, confusion.tn, negatives),
  ];
  const order = [positive, negative];
  const maxCount = Math.max(confusion.tp, confusion.fn, confusion.fp, confusion.tn);
  const encoding = {
    x: {
      field: 'predicted',
      type: 'nominal',
      sort: order,
      title: 'Predicted',
      axis: { labelAngle: 0, orient: 'top' },
    },
    y: { field: 'actual', type: 'nominal', sort: order, title: 'Actual' },
  };
  return renderVegaLiteSvg({
    title:
      options.title ?? `Confusion matrix at threshold ${options.threshold.toFixed(3)}`,
    data: { values: rows },
    width: 240,
    height: 240,
    config: { axis: { grid: false } },
    layer: [
      {
        mark: 'rect',
        encoding: {
          ...encoding,
          color: {
            field: 'count',
            type: 'quantitative',
            scale: { scheme: 'blues' },
            legend: null,
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 15 },
        encoding: {
          ...encoding,
          text: { field: 'text' },
          // White text on the darker half of the colour scale.
          color: {
            condition: { test: `datum.count > ${maxCount / 2}`, value: 'white' },
            value: 'black',
          },
        },
      },
    ],
  } as TopLevelSpec);
}

/**
 * Draws a reliability (calibration) curve: observed fraction of positives against mean
 * predicted probability per bin, the diagonal of perfect calibration, and the number of
 * items per bin below.
 * @param bins from `calibrationBins`
 * @param title chart title
 * @returns an SVG document
 * @throws ParameterError when there is no bin
 */
export async function renderCalibrationSvg(
  bins: CalibrationBin[],
  title = 'Reliability curve',
): Promise<string> {
  requireSome('bins', bins);
  const scale = { domain: [0, 1] };
  const x = {
    field: 'meanPredicted',
    type: 'quantitative',
    title: 'Mean predicted probability',
    scale,
  };
  return renderVegaLiteSvg({
    title,
    vconcat: [
      {
        width: 300,
        height: 300,
        layer: [
          {
            data: { values: [{ p: 0 }, { p: 1 }] },
            mark: { type: 'line', strokeDash: [4, 4], color: 'gray' },
            encoding: {
              x: { field: 'p', type: 'quantitative', scale },
              y: { field: 'p', type: 'quantitative', scale },
            },
          },
          {
            data: { values: bins },
            mark: { type: 'line', point: true, color: '#4c78a8' },
            encoding: {
              x,
              y: {
                field: 'observedFraction',
                type: 'quantitative',
                title: 'Observed fraction of positives',
                scale,
              },
            },
          },
        ],
      },
      {
        width: 300,
        height: 80,
        data: { values: bins },
        mark: { type: 'bar', color: '#9ecae9' },
        encoding: {
          x: {
            field: 'fromProbability',
            type: 'quantitative',
            title: 'Predicted probability',
            scale,
            bin: { binned: true },
          },
          x2: { field: 'toProbability' },
          y: { field: 'count', type: 'quantitative', title: 'Items' },
        },
      },
    ],
  } as TopLevelSpec);
}

function squareChart(
  title: string,
  rows: object[],
  names: string[],
  xAxis: { x: string; xTitle: string },
  yAxis: { y: string; yTitle: string },
  reference: { x: number; y: number }[],
): TopLevelSpec {
  const scale = { domain: [0, 1] };
  return {
    title,
    width: 320,
    height: 320,
    layer: [
      ...(reference.length > 0
        ? [
            {
              data: { values: reference },
              mark: { type: 'line', strokeDash: [4, 4], color: 'gray' },
              encoding: {
                x: { field: 'x', type: 'quantitative', scale },
                y: { field: 'y', type: 'quantitative', scale },
              },
            },
          ]
        : []),
      {
        data: { values: rows },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: { field: xAxis.x, type: 'quantitative', title: xAxis.xTitle, scale },
          y: { field: yAxis.y, type: 'quantitative', title: yAxis.yTitle, scale },
          order: { field: 'order', type: 'quantitative' },
          color: {
            field: 'curve',
            type: 'nominal',
            sort: names,
            title: null,
            legend: { orient: 'bottom', direction: 'vertical' },
          },
        },
      },
    ],
  } as TopLevelSpec;
}

function requireSome(name: string, values: unknown[]): void {
  if (values.length === 0) throw new ParameterError(name, 'at least one element', 0);
}
