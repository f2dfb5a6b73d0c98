import { multiSegmentSignals, readHeader, readRecordFromHeader } from '../wfdb/index.js';
import type { EcgRecord, RecordHeader, SignalSpec } from '../wfdb/index.js';
import { FileError } from '../util/errors.js';
import { action, type RegisterCommand } from './context.js';

interface InfoOptions {
  json?: boolean;
  summary: boolean;
}

/** Per-signal summary over the whole record, in physical units. */
interface SignalSummary {
  min: number | null;
  max: number | null;
  mean: number | null;
  invalidSamples: number;
}

/** `cardiokit info`: a record's header, comments and a summary of each signal. */
export const registerInfo: RegisterCommand = (program) => {
  program
    .command('info')
    .description("show a WFDB record's header, comments and a per-signal summary")
    .argument('<record>', 'WFDB record path without extension (or ending in .hea)')
    .option('--json', 'print the header and summaries as JSON on stdout')
    .option(
      '--no-summary',
      'read the header only (no min/max/mean, which read every sample)',
    )
    .addHelpText(
      'after',
      `
Examples:
  cardiokit info ../shared/data/mitdb/100
  cardiokit info data/ptbdb/patient001/s0010_re --json

The summary gives, per signal, the minimum, maximum and mean of the valid physical
values and the number of invalid samples (NaN), over the whole record. When the signal
files are missing, the header is shown without the summary, with a warning.`,
    )
    .action(
      action(async (context, record: string, options: InfoOptions) => {
        // A header is shown even when its signal files are missing.
        let header = await readHeader(record, { inferLength: false });
        let rec: EcgRecord | undefined;
        try {
          if (header.lengthSamples === undefined) header = await readHeader(record);
          if (options.summary) {
            rec = await readRecordFromHeader(header, { logger: context.logger });
          }
        } catch (error) {
          if (!(error instanceof FileError) || error.code !== 'FILE_MISSING') throw error;
          context.logger.warn(
            `${error.file}: signal data missing; the header is shown without the ` +
              'summary (fetch the signal files to get it, or pass --no-summary)',
          );
        }
        const summaries = rec?.physical.map(summarize);
        const signals = rec?.signalSpecs ?? (await multiSegmentSignals(header));
        if (options.json) {
          context.out(JSON.stringify(infoJson(header, signals, summaries), null, 2));
          return;
        }
        for (const line of infoText(header, signals, summaries)) context.out(line);
      }),
    );
};

function summarize(values: Float64Array): SignalSummary {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let invalidSamples = 0;
  for (const v of values) {
    if (Number.isNaN(v)) {
      invalidSamples++;
      continue;
    }
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
  }
  const valid = values.length - invalidSamples;
  return valid === 0
    ? { min: null, max: null, mean: null, invalidSamples }
    : { min, max, mean: sum / valid, invalidSamples };
}

function infoJson(
  header: RecordHeader,
  signals: SignalSpec[],
  summaries: SignalSummary[] | undefined,
) {
  return {
    recordName: header.recordName,
    headerPath: header.headerPath,
    samplingFrequencyHz: header.samplingFrequencyHz,
    lengthSamples: header.lengthSamples ?? null,
    durationSec:
      header.lengthSamples !== undefined
        ? header.lengthSamples / header.samplingFrequencyHz
        : null,
    baseTime: header.baseTime ?? null,
    baseDate: header.baseDate ?? null,
    segments: header.segments ?? null,
    comments: header.comments,
    signals: signals.map((s, i) => ({ ...s, summary: summaries?.[i] ?? null })),
  };
}

function infoText(
  header: RecordHeader,
  signals: SignalSpec[],
  summaries: SignalSummary[] | undefined,
): string[] {
  const length = header.lengthSamples;
  const duration =
    length !== undefined
      ? ` (${(length / header.samplingFrequencyHz).toFixed(3)} s)`
      : '';
  const lines = [
    `record      ${header.recordName} (${header.headerPath})`,
    `sampling    ${header.samplingFrequencyHz} Hz`,
    `length      ${length ?? 'unknown'} samples${duration}`,
  ];
  if (header.baseTime || header.baseDate) {
    lines.push(
      `start       ${[header.baseDate, header.baseTime].filter(Boolean).join(' ')}`,
    );
  }
  if (header.segments) lines.push(`segments    ${header.segments.length}`);
  for (const comment of header.comments) lines.push(`# ${comment}`);

  const rows = signals.map((s, i) => {
    const summary = summaries?.[i];
    const fmt = (v: number | null | undefined) => (v == null ? '-' : v.toPrecision(5));
    return [
      String(i),
      s.description || '-',
      s.units,
      String(s.format) + (s.samplesPerFrame > 1 ? `x${s.samplesPerFrame}` : ''),
      String(s.adcGain),
      String(s.baseline),
      s.fileName,
      fmt(summary?.min),
      fmt(summary?.max),
      fmt(summary?.mean),
      summary ? String(summary.invalidSamples) : '-',
    ];
  });
  const head = [
    '#',
    'name',
    'units',
    'format',
    'gain',
    'baseline',
    'file',
    'min',
    'max',
    'mean',
    'invalid',
  ];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const pad = (row: string[]) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  return [...lines, '', pad(head), ...rows.map(pad)];
}
