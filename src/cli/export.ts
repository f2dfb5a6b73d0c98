import { Option } from 'commander';
import { ParameterError } from '../util/errors.js';
import { readHeader, readRecordFromHeader, type EcgRecord } from '../wfdb/index.js';
import { action, type CommandContext, type RegisterCommand } from './context.js';
import { checkRangeOptions, type RangeEnd } from './time-range.js';

interface ExportOptions {
  from?: string;
  to?: string;
  fromSample?: string;
  toSample?: string;
  channels?: string;
  digital?: boolean;
  format: 'csv' | 'json';
}

/** Rows written to stdout per write call. */
const ROWS_PER_CHUNK = 2000;

/** `cardiokit export`: samples of a record as CSV or JSON on stdout. */
export const registerExport: RegisterCommand = (program) => {
  program
    .command('export')
    .description('write the samples of a WFDB record as CSV or JSON on stdout')
    .argument('<record>', 'WFDB record path without extension (or ending in .hea)')
    .option('--from <seconds>', 'start time in seconds from the record start (inclusive)')
    .option('--to <seconds>', 'end time in seconds (exclusive)')
    .option(
      '--from-sample <index>',
      'first sample, 0-based (inclusive); instead of --from',
    )
    .option('--to-sample <index>', 'end sample, 0-based (exclusive); instead of --to')
    .option('--channels <list>', 'comma-separated channel names or 0-based indices')
    .option('--digital', 'write digital (ADC) values instead of physical units')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['csv', 'json'])
        .default('csv'),
    )
    .addHelpText(
      'after',
      `
Examples:
  cardiokit export ../shared/data/mitdb/100 --from 10 --to 20 --channels MLII > 100.csv
  cardiokit export ../shared/data/mitdb/100 --from-sample 0 --to-sample 360 --digital --format json

--from and --to are seconds; a time converts to the sample round(seconds x rate).
--from-sample and --to-sample are 0-based sample indices at the record's base rate.
CSV columns: sample (0-based index), time_s, then one column per channel; invalid
samples are written as NaN (CSV) or null (JSON). A multi-frequency signal gives one
value per frame (the frame average, as wfdb-python's smooth_frames).`,
    )
    .action(
      action(async (context, record: string, options: ExportOptions) => {
        const header = await readHeader(record);
        const rate = header.samplingFrequencyHz;
        const from = position(options.from, options.fromSample, rate, 'from');
        const to = position(options.to, options.toSample, rate, 'to');
        checkRangeOptions(from, to, header.lengthSamples ?? 0, rate);
        const rec = await readRecordFromHeader(header, {
          fromSample: from?.sample,
          toSample: to?.sample,
          channels:
            options.channels !== undefined ? parseChannels(options.channels) : undefined,
          digital: options.digital,
          logger: context.logger,
        });
        const columns: ArrayLike<number>[] = options.digital
          ? rec.digital!
          : rec.physical;
        if (options.format === 'json')
          writeJson(context, rec, columns, Boolean(options.digital));
        else writeCsv(context, rec, columns);
      }),
    );
};

function position(
  seconds: string | undefined,
  sample: string | undefined,
  rateHz: number,
  which: 'from' | 'to',
): RangeEnd | undefined {
  if (seconds !== undefined && sample !== undefined) {
    throw new ParameterError(
      `--${which}`,
      `absent when --${which}-sample is given`,
      seconds,
      'give a time in seconds or a sample index, not both',
    );
  }
  if (sample !== undefined) {
    if (!/^\d+$/.test(sample)) {
      throw new ParameterError(`--${which}-sample`, 'a 0-based sample index', sample);
    }
    return {
      option: `--${which}-sample`,
      text: sample,
      inSeconds: false,
      sample: Number(sample),
    };
  }
  if (seconds === undefined) return undefined;
  const value = Number(seconds);
  if (seconds.trim() === '' || !Number.isFinite(value) || value < 0) {
    throw new ParameterError(`--${which}`, 'a time in seconds >= 0', seconds);
  }
  const index = Math.round(value * rateHz);
  return { option: `--${which}`, text: seconds, inSeconds: true, sample: index };
}

function parseChannels(list: string): (number | string)[] {
  return list
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .map((c) => (/^\d+$/.test(c) ? Number(c) : c));
}

function writeCsv(
  context: CommandContext,
  rec: EcgRecord,
  columns: ArrayLike<number>[],
): void {
  const quote = (name: string) =>
    /[",\n]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name;
  context.out(['sample', 'time_s', ...rec.signalNames.map(quote)].join(','));
  let chunk: string[] = [];
  for (let t = 0; t < rec.lengthSamples; t++) {
    const sample = rec.fromSample + t;
    const row = [String(sample), String(sample / rec.samplingRateHz)];
    for (const column of columns) row.push(String(column[t]));
    chunk.push(row.join(','));
    if (chunk.length === ROWS_PER_CHUNK) {
      context.out(chunk.join('\n'));
      chunk = [];
    }
  }
  if (chunk.length > 0) context.out(chunk.join('\n'));
}

function writeJson(
  context: CommandContext,
  rec: EcgRecord,
  columns: ArrayLike<number>[],
  digital: boolean,
): void {
  // One array per channel, in the order of signalNames (names may repeat).
  const samples = columns.map((c) => Array.from(c, (v) => (Number.isNaN(v) ? null : v)));
  context.out(
    JSON.stringify({
      recordName: rec.header.recordName,
      samplingRateHz: rec.samplingRateHz,
      fromSample: rec.fromSample,
      lengthSamples: rec.lengthSamples,
      values: digital ? 'digital' : 'physical',
      signalNames: rec.signalNames,
      units: rec.units,
      samples,
    }),
  );
}
