import { existsSync, statSync } from 'node:fs';
import { resolve, join } from 'node:path';
import type { CommandContext } from '../cli/context.js';
import { EMBEDDED_PTBXL_DIR, requireIntegersAtLeastOne } from '../train/config.js';
import { refuseFileAsFolder } from '../util/atomic-write.js';
import { ParameterError } from '../util/errors.js';
import type { ClassWeighting } from './train-classifier.js';
import { trainAami, type AamiRunResult, type AamiSplitName } from './train-aami.js';
import type { Estimate } from '../train/bootstrap.js';
import {
  runTransferStudy,
  type TransferStudyResult,
  type TransferVariant,
} from './transfer-study.js';

/** The options of `cardiokit train` that the AAMI task and transfer read. */
export interface TransferCommandOptions {
  task?: string;
  dataset?: string;
  data?: string;
  init?: string;
  freeze?: string;
  compare?: boolean;
  seeds?: number[];
  split?: string;
  beatsPerEpoch?: number;
  cv?: number;
  rrFeatures?: boolean;
  epochs: number;
  seed: number;
  batchSize: number;
  lr: number;
  /** Loss weighting by class; `--task aami` takes `balanced` when absent. */
  classWeights?: string;
  bootstrap: number;
  out?: string;
  json?: boolean;
}

/**
 * Runs `cardiokit train --task aami ...` or `cardiokit train --init RUN ...` when the
 * options ask for one of them.
 * @returns true when it handled the command; false to leave it to the MI training
 * @throws ParameterError for options that do not fit together
 */
export async function runTransferTask(
  context: CommandContext,
  options: TransferCommandOptions,
): Promise<boolean> {
  const aami = options.task === 'aami';
  if (
    !aami &&
    (options.rrFeatures ||
      options.split !== undefined ||
      options.beatsPerEpoch !== undefined)
  ) {
    throw new ParameterError(
      '--rr-features / --split / --beats-per-epoch',
      'used with --task aami',
      `--task ${options.task ?? 'mi-vs-normal'}`,
    );
  }
  if (aami && options.init !== undefined) {
    throw new ParameterError(
      '--init',
      'left out with --task aami',
      options.init,
      '--init starts MI training from the model of an aami run',
    );
  }
  if ((aami || options.init !== undefined) && options.cv !== undefined) {
    throw new ParameterError(
      '--cv',
      'left out with --task aami and --init (they train on one split)',
      options.cv,
    );
  }
  if (aami || options.init !== undefined) {
    checkTrainingNumbers(options);
    if (options.out !== undefined) refuseFileAsFolder(options.out);
  }
  if (aami) {
    await aamiCommand(context, options);
    return true;
  }
  if (options.init !== undefined) {
    await transferCommand(context, options);
    return true;
  }
  if (options.freeze !== undefined || options.compare || options.seeds !== undefined) {
    throw new ParameterError(
      '--freeze / --compare / --seeds',
      'used with --init RUN_OR_MODEL',
      'no --init',
    );
  }
  if (options.dataset === 'mitdb') {
    throw new ParameterError('--dataset mitdb', 'used with --task aami', options.task);
  }
  return false;
}

/** Refuses epochs, batch size, learning rate, beats and resamples that cannot work. */
function checkTrainingNumbers(options: TransferCommandOptions): void {
  requireIntegersAtLeastOne([
    ['--epochs', options.epochs],
    ['--batch-size', options.batchSize],
    ['--beats-per-epoch', options.beatsPerEpoch],
    ['--bootstrap', options.bootstrap],
  ]);
  if (!(options.lr > 0 && Number.isFinite(options.lr))) {
    throw new ParameterError('--lr', 'a number > 0', options.lr);
  }
}

/** Refuses a --data that is not a folder of MIT-BIH records. */
function checkMitdbFolder(dir: string): void {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ParameterError(
      '--data',
      'an existing MIT-BIH folder',
      dir,
      'no such folder',
    );
  }
  if (!existsSync(join(dir, '100.hea'))) {
    throw new ParameterError(
      '--data',
      'an MIT-BIH Arrhythmia folder (100.hea, 100.dat, 100.atr, ...)',
      dir,
      'it has no 100.hea',
    );
  }
}

async function aamiCommand(context: CommandContext, options: TransferCommandOptions) {
  // --dataset defaults to ptbxl for the MI task; only an explicit ptbdb is a conflict.
  if (options.dataset === 'ptbdb') {
    throw new ParameterError('--dataset', "'mitdb' with --task aami", options.dataset);
  }
  if (options.data === undefined) {
    throw new ParameterError('--data', 'the MIT-BIH folder with --task aami', undefined);
  }
  checkMitdbFolder(options.data);
  const split = (options.split ?? 'de-chazal-2004') as AamiSplitName;
  const outDir = resolve(options.out ?? join('runs', `${stamp()}-aami-${split}`));
  if (split === 'random-beats') {
    context.logger.warn(
      'random-beats split: beats of one record land on both sides, as in Kachuee et al. ' +
        '2018; for comparison only, it overstates accuracy on new patients',
    );
  }
  const result = await trainAami({
    dataDir: options.data,
    outDir,
    split,
    seed: options.seed,
    epochs: options.epochs,
    batchSize: options.batchSize,
    learningRate: options.lr,
    samplesPerEpoch: options.beatsPerEpoch,
    rrFeatures: options.rrFeatures ?? false,
    classWeighting: (options.classWeights ?? 'balanced') as ClassWeighting,
    logger: context.logger,
  });
  if (options.json) {
    context.out(
      JSON.stringify({ runDir: outDir, ...result, history: undefined }, finite, 2),
    );
    return;
  }
  context.out(aamiTable(result));
  context.out(`run folder: ${outDir}`);
}

async function transferCommand(context: CommandContext, options: TransferCommandOptions) {
  const freeze = options.freeze ?? 'conv';
  if (freeze !== 'conv' && freeze !== 'none') {
    throw new ParameterError('--freeze', "'conv' or 'none'", freeze);
  }
  const chosen: TransferVariant = freeze === 'conv' ? 'frozen' : 'fine-tuned';
  const variants: TransferVariant[] = options.compare
    ? ['scratch', 'frozen', 'fine-tuned']
    : [chosen];
  const outDir = resolve(options.out ?? join('runs', `${stamp()}-transfer`));
  const result = await runTransferStudy({
    dataDir: resolve(options.data ?? EMBEDDED_PTBXL_DIR),
    init: resolve(options.init as string),
    outDir,
    variants,
    seeds: options.seeds ?? [options.seed],
    epochs: options.epochs,
    batchSize: options.batchSize,
    learningRate: options.lr,
    bootstrapIterations: options.bootstrap,
    logger: context.logger,
  });
  if (options.json) {
    context.out(JSON.stringify({ runDir: outDir, ...result }, finite, 2));
    return;
  }
  context.out(transferTable(result));
  context.out(`run folder: ${outDir}`);
}

/** Per-class sensitivity, PPV and F1 as a text table, then accuracy. */
export function aamiTable(result: AamiRunResult): string {
  const m = result.test;
  const pct = (x: number) =>
    Number.isFinite(x) ? (100 * x).toFixed(1).padStart(6) : '   n/a';
  const lines = [
    `${result.split}: ${result.trainBeats} training beats, ${result.testBeats} test beats` +
      (result.split === 'random-beats'
        ? ' (comparison only: records on both sides)'
        : ''),
    'class  beats   Se %  PPV %   F1 %',
    ...m.classNames.map(
      (name, c) =>
        `${name.padEnd(5)} ${String(m.support[c]).padStart(6)} ${pct(m.sensitivity[c])} ` +
        `${pct(m.ppv[c])} ${pct(m.f1[c])}`,
    ),
    `macro         ${pct(m.macro.sensitivity)} ${pct(m.macro.ppv)} ${pct(m.macro.f1)}`,
    `accuracy ${(100 * m.accuracy).toFixed(1)}%`,
  ];
  return lines.join('\n');
}

/** Test AUC per variant and seed, the paired differences from scratch, the means. */
export function transferTable(result: TransferStudyResult): string {
  const interval = (e: Estimate) => `${e.ciLow.toFixed(3)} to ${e.ciHigh.toFixed(3)}`;
  const lines = [
    `test: ${result.testRecords} records, ${result.testPositives} MI (${result.split})`,
  ];
  for (const run of result.runs) {
    lines.push(
      `${run.variant.padEnd(10)} seed ${run.seed}: AUC ${run.test.auc.value.toFixed(3)} ` +
        `(95% CI ${interval(run.test.auc)}), epoch ${run.bestEpoch} kept`,
    );
  }
  for (const c of result.comparisons) {
    lines.push(
      `${c.variant.padEnd(10)} seed ${c.seed}: AUC - scratch ` +
        `${c.aucDifference.value >= 0 ? '+' : ''}${c.aucDifference.value.toFixed(3)} ` +
        `(paired 95% CI ${interval(c.aucDifference)})`,
    );
  }
  const seeds = new Set(result.runs.map((run) => run.seed)).size;
  if (seeds > 1) {
    const means = Object.entries(result.meanAuc).map(
      ([variant, auc]) => `${variant} ${(auc as number).toFixed(3)}`,
    );
    lines.push(`mean AUC over ${seeds} seeds: ${means.join(', ')}`);
  }
  return lines.join('\n');
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

function finite(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}
