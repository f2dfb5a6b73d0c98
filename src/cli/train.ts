import { Option } from 'commander';
import { refuseFileAsFolder } from '../util/atomic-write.js';
import { join, resolve } from 'node:path';
import { listModels } from '../models/index.js';
import {
  cardiokitVersion,
  EMBEDDED_PTBXL_DIR,
  runTraining,
  TRAIN_DEFAULTS,
  validateConfig,
  type DatasetName,
  type EpochSummary,
  type MetricSummary,
  type RunResult,
  type TrainConfig,
} from '../train/index.js';
import { ParameterError } from '../util/errors.js';
import { runTransferTask } from '../transfer/train-command.js';
import { action, type CommandContext, type RegisterCommand } from './context.js';
import { writeRunReport } from '../report/index.js';

interface TrainOptions {
  dataset: DatasetName;
  data?: string;
  model: string;
  filters?: number;
  epochs: number;
  seed: number;
  batchSize: number;
  lr: number;
  windowSec: number;
  strideSec: number;
  leads?: string;
  lowpass?: number;
  highpass?: number;
  rate: number;
  cv?: number;
  out?: string;
  json?: boolean;
  patience: number;
  monitor: 'valLoss' | 'valAuc';
  cropsPerRecord: number;
  /** Absent: `none` for the MI task, `balanced` for `--task aami`. */
  classWeights?: 'none' | 'balanced';
  aggregation: 'mean' | 'max';
  maxRecords?: number;
  bootstrap: number;
}

const number = (name: string) => (text: string) => {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value))
    throw new ParameterError(name, 'a number', text);
  return value;
};

/** `cardiokit train`: trains and evaluates an MI detector, writes a run folder. */
export const registerTrain: RegisterCommand = (program) => {
  const d = TRAIN_DEFAULTS;
  program
    .command('train')
    .description(
      'train and evaluate an MI-versus-normal detector (or, with --task aami, an ' +
        'arrhythmia beat classifier; with --init, MI transfer from it); writes a run folder',
    )
    .addOption(
      new Option('--dataset <name>', 'database layout')
        .choices(['ptbxl', 'ptbdb', 'mitdb'])
        .default(d.dataset),
    )
    .option('--data <dir>', 'database folder (default: the embedded PTB-XL sample)')
    .addOption(
      new Option('--model <name>', 'network')
        .choices(listModels().map((m) => m.name))
        .default(d.model.name),
    )
    .option(
      '--filters <n>',
      `filters per convolution (default ${String(d.model.options.filters)})`,
      number('--filters'),
    )
    .option('--epochs <n>', 'most epochs', number('--epochs'), d.epochs)
    .option(
      '--seed <n>',
      'seed of split, initialisation, crops and bootstrap',
      number('--seed'),
      d.seed,
    )
    .option('--batch-size <n>', 'windows per batch', number('--batch-size'), d.batchSize)
    .option(
      '--lr <x>',
      'Adam learning rate (cosine decay to 5%)',
      number('--lr'),
      d.learningRate,
    )
    .option(
      '--window-sec <s>',
      'window length, seconds',
      number('--window-sec'),
      d.windowSec,
    )
    .option(
      '--stride-sec <s>',
      'stride of evaluation windows, seconds',
      number('--stride-sec'),
      d.strideSec,
    )
    .option('--leads <names>', 'comma-separated leads (default the 12 standard leads)')
    .option(
      '--lowpass <hz>',
      'zero-phase Butterworth low-pass cutoff, Hz',
      number('--lowpass'),
    )
    .option(
      '--highpass <hz>',
      'high-pass cutoff, Hz (with --lowpass: band-pass)',
      number('--highpass'),
    )
    .option(
      '--rate <hz>',
      'sampling rate the network sees, Hz',
      number('--rate'),
      d.preprocessing.targetRateHz,
    )
    .option(
      '--cv <k>',
      'K-fold cross-validation by patient, out-of-fold results',
      number('--cv'),
    )
    .option('--out <dir>', 'run folder (default ./runs/<timestamp>-<model>)')
    .option('--json', 'print the metrics as JSON on stdout')
    .option(
      '--patience <n>',
      'epochs without validation progress before stopping (0: never)',
      number('--patience'),
      d.patience,
    )
    .addOption(
      new Option('--monitor <name>', 'validation quantity that picks the best epoch')
        .choices(['valLoss', 'valAuc'])
        .default(d.monitor),
    )
    .option(
      '--crops-per-record <n>',
      'random training crops per record and epoch',
      number('--crops-per-record'),
      d.cropsPerRecord,
    )
    .addOption(
      new Option(
        '--class-weights <rule>',
        `loss weights by class (default: ${d.classWeighting}; balanced for --task aami)`,
      ).choices(['none', 'balanced']),
    )
    .addOption(
      new Option('--aggregation <rule>', 'record probability from its windows')
        .choices(['mean', 'max'])
        .default(d.aggregation),
    )
    .option(
      '--max-records <n>',
      'use at most this many records, class-stratified (quick runs)',
      number('--max-records'),
    )
    .option(
      '--bootstrap <n>',
      'bootstrap resamples for the 95% intervals',
      number('--bootstrap'),
      d.bootstrapIterations,
    )
    .addOption(
      new Option(
        '--task <name>',
        'mi-vs-normal, or aami: MIT-BIH beats in 5 AAMI classes',
      )
        .choices(['mi-vs-normal', 'aami'])
        .default('mi-vs-normal'),
    )
    .addOption(
      new Option(
        '--split <name>',
        'aami: by record (DS1/DS2; default), or random beats (comparison)',
      ).choices(['de-chazal-2004', 'random-beats']),
    )
    .option(
      '--beats-per-epoch <n>',
      'aami: training beats drawn per epoch (default: all)',
      number('--beats-per-epoch'),
    )
    .option(
      '--rr-features',
      'aami: also feed 4 RR-interval features per beat (not in the paper)',
    )
    .option(
      '--init <dir>',
      'transfer: start from the conv part of an aami run or model folder',
    )
    .addOption(
      new Option(
        '--freeze <part>',
        'transfer: conv (frozen; default) or none (fine-tuned); --compare runs both',
      ).choices(['conv', 'none']),
    )
    .option(
      '--compare',
      'transfer: also train from scratch and the other variant, same split and seed',
    )
    .option(
      '--seeds <list>',
      'transfer: comma-separated seeds, one training per variant and seed (e.g. 1,2,3)',
      seedList,
    )
    .addHelpText(
      'after',
      `
Examples:
  cardiokit train                                   # embedded PTB-XL sample, fold 10 test
  cardiokit train --cv 10 --out runs/cv10           # out-of-fold AUC over all records
  cardiokit train --dataset ptbdb --data ~/ptbdb --rate 100 --lowpass 40 --json
  cardiokit train --task aami --dataset mitdb --data ~/mitdb --out runs/aami
  cardiokit train --task aami --dataset mitdb --data ~/mitdb --rr-features --out runs/rr
  cardiokit train --init runs/aami --freeze none --epochs 8   # fine-tuned only
  cardiokit train --init runs/aami --compare --seeds 1,2,3    # scratch, frozen, fine-tuned

MI task: PTB-XL is split by strat_fold (1-8 train, 9 validation, 10 test); other data
by a seeded, class-stratified patient split (80/10/10). The decision threshold is chosen
on the validation records (Youden's J). Ctrl-C stops after the current batch and
evaluates the best epoch so far; a second Ctrl-C aborts without writing.
--task aami always trains kachuee-2018 on mitdb beats (--model is not used); --init
trains on the beats of --data (default the embedded PTB-XL sample). For both, Ctrl-C
stops at once and writes nothing.`,
    )
    .action(
      action(async (context, options: TrainOptions) => trainCommand(context, options)),
    );
};

function resolveConfig(options: TrainOptions): TrainConfig {
  const d = TRAIN_DEFAULTS;
  const startTime = new Date().toISOString();
  const config: TrainConfig = {
    dataset: options.dataset,
    dataDir: resolve(
      options.data ?? (options.dataset === 'ptbxl' ? EMBEDDED_PTBXL_DIR : ''),
    ),
    task: 'mi-vs-normal',
    maxRecords: options.maxRecords,
    preprocessing: {
      ...d.preprocessing,
      leads: options.leads
        ? options.leads.split(',').map((lead) => lead.trim())
        : d.preprocessing.leads,
      lowpassHz: options.lowpass,
      highpassHz: options.highpass,
      targetRateHz: options.rate,
    },
    windowSec: options.windowSec,
    strideSec: options.strideSec,
    model: {
      name: options.model,
      options:
        options.model === d.model.name || options.filters !== undefined
          ? { filters: options.filters ?? d.model.options.filters }
          : {},
    },
    epochs: options.epochs,
    batchSize: options.batchSize,
    learningRate: options.lr,
    schedule: d.schedule,
    patience: options.patience,
    monitor: options.monitor,
    cropsPerRecord: options.cropsPerRecord,
    seed: options.seed,
    classWeights: [1, 1],
    classWeighting: options.classWeights ?? d.classWeighting,
    split:
      options.cv !== undefined
        ? { scheme: 'cv', folds: options.cv }
        : { scheme: 'auto', folds: undefined },
    aggregation: options.aggregation,
    bootstrapIterations: options.bootstrap,
    cardiokitVersion: cardiokitVersion(),
    startTime,
  };
  const { filters } = options;
  if (filters !== undefined && !(Number.isInteger(filters) && filters >= 1)) {
    throw new ParameterError('--filters', 'an integer >= 1', filters);
  }
  if (options.dataset === 'ptbdb' && options.data === undefined) {
    throw new ParameterError('--data', 'a ptbdb folder with --dataset ptbdb', undefined);
  }
  validateConfig(config);
  return config;
}

/** One progress line per epoch, units in the field names. */
function epochLine(record: EpochSummary & { fold?: number }, epochs: number): string {
  const fold = record.fold !== undefined ? `fold ${record.fold} ` : '';
  return (
    `${fold}epoch ${record.epoch}/${epochs} trainLoss=${record.trainLoss.toFixed(4)} ` +
    `valLoss=${record.valLoss.toFixed(4)} valAuc=${record.valAuc.toFixed(3)} ` +
    `valAccuracy=${record.valAccuracy.toFixed(3)} ` +
    `learningRate=${record.learningRate.toPrecision(3)} ` +
    `epochMs=${record.epochMs}`
  );
}

function formatAuc(m: MetricSummary): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
  return (
    `${f(m.auc.value)} (95% CI ${f(m.auc.ciLow)}-${f(m.auc.ciHigh)}; ` +
    `${m.n} records, ${m.positives} MI)`
  );
}

async function trainCommand(
  context: CommandContext,
  options: TrainOptions,
): Promise<void> {
  if (await runTransferTask(context, options)) return;
  const config = resolveConfig(options);
  const stamp = config.startTime.replace(/[:.]/g, '-');
  const runDir = resolve(options.out ?? join('runs', `${stamp}-${config.model.name}`));

  // Refuse a run folder that cannot be written before training, not after.
  refuseFileAsFolder(runDir);

  // Ctrl-C once: stop after the current batch and finish; twice: the default (abort).
  let stopRequested = false;
  const onInterrupt = () => {
    stopRequested = true;
    context.logger.warn(
      'stopping after the current batch; Ctrl-C again aborts without writing',
    );
  };
  process.once('SIGINT', onInterrupt);
  let result: RunResult;
  try {
    result = await runTraining(config, runDir, {
      logger: context.logger,
      onEpoch: (record) => context.logger.info(epochLine(record, config.epochs)),
      shouldStop: () => stopRequested,
    });
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }

  await afterTraining(context, result, options);
}

/** Final step: the summary on stdout. Further steps on the finished folder go here. */
async function afterTraining(
  context: CommandContext,
  result: RunResult,
  options: TrainOptions,
): Promise<void> {
  const { metrics, runDir } = result;
  await writeRunReport(runDir, { logger: context.logger }).then(
    (file) => context.logger.info(`report: ${file}`),
    (error: Error) => context.logger.warn(`report not written: ${error.message}`),
  );
  if (options.json) {
    context.out(
      JSON.stringify(
        { runDir, metrics },
        (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
        2,
      ),
    );
    return;
  }
  const what = metrics.outOfFold
    ? 'out-of-fold AUC (record level)'
    : 'test AUC (record level)';
  context.out(`${what}: ${formatAuc(metrics.outOfFold?.record ?? metrics.test.record)}`);
  context.out(
    `seed ${metrics.seed}, ${metrics.wallSeconds.toFixed(0)} s` +
      (result.interrupted ? ', interrupted' : ''),
  );
  context.out(`run folder: ${runDir}`);
}

/** Parses `--seeds 1,2,3` into integers. */
function seedList(text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  const seeds = parts.map(Number);
  if (
    parts.some((part) => part === '') ||
    seeds.some((seed) => !Number.isInteger(seed) || seed < 0) ||
    new Set(seeds).size !== seeds.length
  ) {
    throw new ParameterError(
      '--seeds',
      'distinct comma-separated integers >= 0, e.g. 1,2,3',
      text,
    );
  }
  return seeds;
}
