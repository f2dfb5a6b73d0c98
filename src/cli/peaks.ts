import { Option } from 'commander';
import {
  DEFAULT_R_PEAK_METHOD,
  R_PEAK_METHODS,
  detectRPeaks,
  detectRPeaksMultiLead,
  evaluateDatabase,
  heartRate,
  type RPeakMethod,
} from '../ecg/index.js';
import { ParameterError } from '../util/errors.js';
import { readRecord } from '../wfdb/index.js';
import { action, type CommandContext, type RegisterCommand } from './context.js';

interface PeaksOptions {
  method: RPeakMethod;
  lead: string;
  json?: boolean;
  evaluate?: string;
  annotator: string;
  skipErrors?: boolean;
}

/** `cardiokit peaks`: R peaks of a record, or the score of a detector on a database. */
export const registerPeaks: RegisterCommand = (program) => {
  program
    .command('peaks')
    .description(
      'find R peaks (heartbeats) in a WFDB record, or score a detector on a database',
    )
    .argument(
      '[record]',
      'WFDB record path without extension, e.g. data/ptbdb/patient001/s0010_re',
    )
    .addOption(
      new Option('-m, --method <method>', 'R-peak detector')
        .choices([...R_PEAK_METHODS])
        .default(DEFAULT_R_PEAK_METHOD),
    )
    .option(
      '-l, --lead <lead>',
      "lead: 0-based index, signal name, or 'all' to fuse every lead",
      '0',
    )
    .option('--json', 'print the R peaks (0-based sample indices) as JSON on stdout')
    .option(
      '--evaluate <dbDir>',
      'score the detector on every annotated record of a database',
    )
    .option(
      '--annotator <ext>',
      'annotation file extension of the reference beats',
      'atr',
    )
    .option(
      '--skip-errors',
      'with --evaluate: report a record that cannot be scored, go on (exit code 0)',
    )
    .addHelpText(
      'after',
      `
Examples:
  cardiokit peaks data/ptbdb/patient001/s0010_re --lead ii
  cardiokit peaks data/ptbdb/patient001/s0010_re --lead all --json
  cardiokit peaks --evaluate ../shared/data/mitdb --method pan-tompkins-1985

Scoring matches detections to beat annotations within 150 ms (ANSI/AAMI EC57) and
prints TP, FP, FN, sensitivity and positive predictivity per record and in total.`,
    )
    .action(
      action(async (context, record: string | undefined, options: PeaksOptions) => {
        if (options.evaluate !== undefined) {
          if (record !== undefined) {
            throw new ParameterError(
              'record',
              'absent with --evaluate',
              record,
              'give one or the other',
            );
          }
          await runEvaluate(context, options.evaluate, options);
          return;
        }
        if (record === undefined) {
          throw new ParameterError(
            'record',
            'a WFDB record path',
            'nothing',
            'or use --evaluate DB_DIR',
          );
        }
        await runDetect(context, record, options);
      }),
    );
};

async function runDetect(
  context: CommandContext,
  recordPath: string,
  options: PeaksOptions,
) {
  const fuse = options.lead === 'all';
  const lead = /^\d+$/.test(options.lead) ? Number(options.lead) : options.lead;
  const record = await readRecord(recordPath, {
    channels: fuse ? undefined : [lead],
    logger: context.logger,
  });
  const fs = record.samplingRateHz;
  const detect = { method: options.method, logger: context.logger };
  const rPeakIndices = fuse
    ? detectRPeaksMultiLead(record.physical, fs, detect).rPeakIndices
    : detectRPeaks(record.physical[0], fs, detect);
  const rate = heartRate(rPeakIndices, fs);
  const leadName = fuse ? 'all' : record.signalNames[0];

  if (options.json) {
    context.out(
      JSON.stringify({
        record: recordPath,
        method: options.method,
        lead: leadName,
        samplingRateHz: fs,
        beats: rPeakIndices.length,
        meanHeartRateBpm: Number.isFinite(rate.meanBpm) ? +rate.meanBpm.toFixed(2) : null,
        rPeakIndices: Array.from(rPeakIndices),
      }),
    );
    return;
  }
  context.out(`record ${recordPath}  lead ${leadName}  method ${options.method}`);
  context.out(
    `${rPeakIndices.length} beats in ${(record.lengthSamples / fs).toFixed(1)} s, ` +
      `mean heart rate ${Number.isFinite(rate.meanBpm) ? rate.meanBpm.toFixed(1) : 'n/a'} bpm`,
  );
  context.out(
    `R peaks (0-based samples at ${fs} Hz): ${Array.from(rPeakIndices).join(' ')}`,
  );
}

async function runEvaluate(
  context: CommandContext,
  dbDir: string,
  options: PeaksOptions,
) {
  const lead = /^\d+$/.test(options.lead) ? Number(options.lead) : options.lead;
  if (lead === 'all') {
    throw new ParameterError(
      '--lead',
      'one lead with --evaluate',
      'all',
      'pass an index or a name',
    );
  }
  const { records, total, skipped } = await evaluateDatabase(dbDir, {
    onError: options.skipErrors ? 'skip' : 'stop',
    method: options.method,
    lead,
    annotator: options.annotator,
    logger: context.logger,
    onRecord: (r, done, count) =>
      context.logger.debug(
        `${done}/${count} ${r.record}: FP ${r.falsePositives} FN ${r.falseNegatives}`,
      ),
  });
  const pct = (v: number) => (Number.isFinite(v) ? (100 * v).toFixed(2) : 'n/a');

  if (options.json) {
    const strip = ({
      falsePositiveSamples: _fp,
      falseNegativeSamples: _fn,
      ...rest
    }: (typeof records)[0]) => rest;
    context.out(
      JSON.stringify({
        database: dbDir,
        method: options.method,
        annotator: options.annotator,
        windowSec: 0.15,
        records: records.map(strip),
        total: {
          referenceBeats: total.referenceBeats,
          truePositives: total.truePositives,
          falsePositives: total.falsePositives,
          falseNegatives: total.falseNegatives,
          sensitivity: total.sensitivity,
          positivePredictivity: total.positivePredictivity,
        },
        skipped,
      }),
    );
    return;
  }
  context.out(`method ${options.method}, annotator ${options.annotator}, window 150 ms`);
  context.out('record  lead   beats     TP    FP    FN    Se %   PPV %');
  for (const r of records) {
    context.out(
      `${r.record.padEnd(7)} ${r.lead.padEnd(6)} ${String(r.referenceBeats).padStart(5)} ` +
        `${String(r.truePositives).padStart(6)} ${String(r.falsePositives).padStart(5)} ` +
        `${String(r.falseNegatives).padStart(5)} ${pct(r.sensitivity).padStart(7)} ` +
        `${pct(r.positivePredictivity).padStart(7)}`,
    );
  }
  context.out(
    `total          ${String(total.referenceBeats).padStart(6)} ${String(total.truePositives).padStart(6)} ` +
      `${String(total.falsePositives).padStart(5)} ${String(total.falseNegatives).padStart(5)} ` +
      `${pct(total.sensitivity).padStart(7)} ${pct(total.positivePredictivity).padStart(7)}`,
  );
  for (const { record, reason } of skipped) context.out(`skipped ${record}: ${reason}`);
}
