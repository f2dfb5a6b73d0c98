import type { TopLevelSpec } from 'vega-lite';
import { ParameterError } from '../util/errors.js';
import { renderVegaLiteSvg } from './vega-render.js';

/** One line of `history.json`: the metrics of one epoch. */
export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  valLoss: number;
  valAuc: number;
  valAccuracy: number;
  trainAccuracy?: number;
  trainAuc?: number;
}

const PANELS = [
  {
    metric: 'loss',
    title: 'Loss (binary cross-entropy)',
    train: 'trainLoss',
    validation: 'valLoss',
  },
  { metric: 'AUC', title: 'AUC', train: 'trainAuc', validation: 'valAuc' },
  {
    metric: 'accuracy',
    title: 'Accuracy',
    train: 'trainAccuracy',
    validation: 'valAccuracy',
  },
] as const;

/**
 * Draws loss, AUC and accuracy per epoch, train against validation, side by side.
 * @param history one array of epochs, or one per cross-validation fold
 * @returns an SVG document with three panels; a metric missing from every epoch (for
 * example `trainAuc`) is simply not drawn
 * @throws ParameterError when there is no epoch at all
 */
export async function renderTrainingHistorySvg(
  history: EpochRecord[] | EpochRecord[][],
): Promise<string> {
  const folds = (Array.isArray(history[0]) ? history : [history]) as EpochRecord[][];
  if (folds.every((fold) => fold.length === 0)) {
    throw new ParameterError('history', 'at least one epoch', 0);
  }
  const multiFold = folds.length > 1;

  // Long form: one row per fold, epoch, metric and split, finite values only.
  const rows = folds.flatMap((fold, foldIndex) =>
    fold.flatMap((epoch) =>
      PANELS.flatMap((panel) =>
        (['train', 'validation'] as const).flatMap((split) => {
          const value = (epoch as unknown as Record<string, number | undefined>)[
            panel[split]
          ];
          if (value === undefined || !Number.isFinite(value)) return [];
          const series = multiFold ? `${split} (fold ${foldIndex + 1})` : split;
          return [{ metric: panel.metric, epoch: epoch.epoch, value, split, series }];
        }),
      ),
    ),
  );

  const spec = {
    title: multiFold ? `Training curves, ${folds.length} folds` : 'Training curves',
    data: { values: rows },
    hconcat: PANELS.map((panel) => ({
      width: 240,
      height: 200,
      transform: [{ filter: { field: 'metric', equal: panel.metric } }],
      mark: { type: 'line', point: true, strokeWidth: 1.5 },
      encoding: {
        x: {
          field: 'epoch',
          type: 'quantitative',
          title: 'Epoch',
          axis: { tickMinStep: 1, format: 'd' },
        },
        y: {
          field: 'value',
          type: 'quantitative',
          title: panel.title,
          scale: { zero: false },
          axis: { format: '~g' },
        },
        color: {
          field: 'split',
          type: 'nominal',
          title: 'Split',
          scale: { domain: ['train', 'validation'] },
        },
        detail: { field: 'series', type: 'nominal' },
      },
    })),
  };
  return renderVegaLiteSvg(spec as TopLevelSpec);
}
