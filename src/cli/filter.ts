import { extname } from 'node:path';
import { Option } from 'commander';
import {
  applyFilterChain,
  designFilterChain,
  filterChainResponse,
  type FilterChainSpec,
  type FilterStage,
} from '../dsp/index.js';
import {
  angleRad,
  magnitudeDb,
  renderFilterResponseSvg,
  unwrapPhase,
} from '../report/index.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { ParameterError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import {
  DIGITAL_RANGE,
  FORMATS,
  readHeader,
  readRecord,
  writeRecord,
  type EcgRecord,
} from '../wfdb/index.js';
import { action, type RegisterCommand } from './context.js';

interface FilterCommandOptions {
  out: string;
  lowpass?: string;
  highpass?: string;
  notch?: string;
  notchQ: string;
  design: 'butter' | 'fir';
  order: string;
  taps: string;
  response?: boolean;
  fs?: string;
  points: string;
  json?: boolean;
}

/** `cardiokit filter`: zero-phase filter a WFDB record, or write a filter's response. */
export const registerFilter: RegisterCommand = (program) => {
  program
    .command('filter')
    .description(
      'zero-phase filter a WFDB record (format 16, same gain), or write the frequency response',
    )
    .argument(
      '[record]',
      'WFDB record path without extension (not needed with --response --fs)',
    )
    .requiredOption(
      '-o, --out <path>',
      'output record path without extension; with --response a .json or .svg file',
    )
    .option('--lowpass <hz>', 'low-pass cutoff, Hz')
    .option('--highpass <hz>', 'high-pass cutoff, Hz (baseline wander: 0.5)')
    .option('--notch <hz>', 'notch out this mains frequency, Hz (50 or 60)')
    .option('--notch-q <q>', 'quality factor of the notch', '30')
    .addOption(
      new Option('--design <design>', 'Butterworth IIR or windowed-sinc FIR')
        .choices(['butter', 'fir'])
        .default('butter'),
    )
    .option('--order <n>', 'Butterworth order', '4')
    .option('--taps <n>', 'FIR length in taps (odd for a high-pass)', '255')
    .option(
      '--response',
      'write the frequency response (magnitude dB, phase) instead of filtering',
    )
    .option('--fs <hz>', "sampling rate for --response, Hz (default: the record's)")
    .option('--points <n>', 'frequencies in the response, 0 to Nyquist', '2048')
    .option('--json', 'print a summary as JSON on stdout')
    .addHelpText(
      'after',
      `
Examples:
  cardiokit filter data/ptbdb/patient001/s0010_re --lowpass 50 --out out/s0010_re_lp50
  cardiokit filter data/ptbdb/patient001/s0010_re --highpass 0.5 --lowpass 40 --notch 50 --out out/clean
  cardiokit filter data/ptbdb/patient001/s0010_re --lowpass 50 --design fir --taps 255 --out out/fir
  cardiokit filter --response --lowpass 50 --fs 1000 --out response.svg
  cardiokit filter --response --lowpass 50 --design fir --fs 1000 --out response.json

Filtering runs forward and backward (scipy's sosfiltfilt for Butterworth, filtfilt for FIR
and the notch), so there is no phase shift and the magnitude is |H|^2. High-pass and
low-pass are separate Butterworth stages of the given order; with --design fir they form
one band-pass FIR. The output record keeps each signal's gain, baseline and units; samples
beyond the 16-bit range are clipped, with a warning.`,
    )
    .action(
      action(
        async (
          context,
          recordPath: string | undefined,
          options: FilterCommandOptions,
        ) => {
          const spec = chainSpec(options);
          if (options.response) {
            await writeResponse(recordPath, spec, options, context);
            return;
          }
          if (recordPath === undefined) {
            throw new ParameterError(
              'record',
              'a WFDB record path',
              'none',
              'or use --response with --fs',
            );
          }
          const record = await readRecord(recordPath, { logger: context.logger });
          const stages = designFilterChain(
            { ...spec, logger: context.logger },
            record.samplingRateHz,
          );
          const filtered = record.physical.map((lead) => applyFilterChain(stages, lead));
          const outPath = options.out.endsWith('.hea')
            ? options.out.slice(0, -4)
            : options.out;
          const clipped = await writeFilteredRecord(
            outPath,
            record,
            filtered,
            stages,
            context.logger,
          );
          const summary = {
            record: recordPath,
            out: outPath,
            samplingRateHz: record.samplingRateHz,
            leads: record.signalNames,
            lengthSamples: record.lengthSamples,
            filters: stages.map((s) => s.label),
            clippedSamples: clipped,
          };
          context.out(
            options.json
              ? JSON.stringify(summary)
              : `wrote ${outPath}.hea and ${outPath}.dat: ${record.signalNames.length} leads, ` +
                  `${record.lengthSamples} samples at ${record.samplingRateHz} Hz, ${summary.filters.join(' + ')}`,
          );
        },
      ),
    );
};

function parseNumber(name: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value))
    throw new ParameterError(name, 'a number', text);
  return value;
}

function parseInteger(name: string, text: string): number {
  const value = parseNumber(name, text);
  if (!Number.isInteger(value) || value < 1)
    throw new ParameterError(name, 'an integer >= 1', text);
  return value;
}

function chainSpec(options: FilterCommandOptions): FilterChainSpec {
  const spec: FilterChainSpec = {
    design: options.design,
    order: parseInteger('--order', options.order),
    taps: parseInteger('--taps', options.taps),
    notchQ: parseNumber('--notch-q', options.notchQ),
  };
  if (options.lowpass !== undefined)
    spec.lowpassHz = parseNumber('--lowpass', options.lowpass);
  if (options.highpass !== undefined)
    spec.highpassHz = parseNumber('--highpass', options.highpass);
  if (options.notch !== undefined) spec.notchHz = parseNumber('--notch', options.notch);
  if (
    spec.lowpassHz === undefined &&
    spec.highpassHz === undefined &&
    spec.notchHz === undefined
  ) {
    throw new ParameterError(
      'filter',
      'at least one of --lowpass, --highpass, --notch',
      'none',
    );
  }
  return spec;
}

/** Writes the response of each stage and of the whole chain as JSON or SVG. */
async function writeResponse(
  recordPath: string | undefined,
  spec: FilterChainSpec,
  options: FilterCommandOptions,
  context: { out: (text: string) => void; logger: Logger },
): Promise<void> {
  const format = extname(options.out).toLowerCase();
  if (format !== '.json' && format !== '.svg') {
    throw new ParameterError(
      '--out',
      'a file name ending in .json or .svg with --response',
      options.out,
    );
  }
  let samplingRateHz: number;
  if (options.fs !== undefined) samplingRateHz = parseNumber('--fs', options.fs);
  else if (recordPath !== undefined)
    samplingRateHz = (await readHeader(recordPath)).samplingFrequencyHz;
  else
    throw new ParameterError(
      '--fs',
      'the sampling rate in Hz',
      'none',
      'or give a record to take it from',
    );
  if (!(samplingRateHz > 0))
    throw new ParameterError('--fs', 'a sampling rate > 0 Hz', options.fs);

  const stages = designFilterChain({ ...spec, logger: context.logger }, samplingRateHz);
  const { stages: responses, combined } = filterChainResponse(
    stages,
    samplingRateHz,
    parseInteger('--points', options.points),
  );
  const asArrays = (
    label: string,
    cutoffHz: number | number[] | undefined,
    w: Float64Array,
    h: Array<{ re: number; im: number }>,
  ) => {
    const real = h.map((v) => v.re);
    const imag = h.map((v) => v.im);
    return {
      label,
      cutoffHz,
      frequenciesHz: Array.from(w),
      real,
      imag,
      magnitudeDb: magnitudeDb(real, imag),
      phaseRad: unwrapPhase(angleRad(real, imag)),
    };
  };
  const all = responses.map((r) => asArrays(r.label, r.cutoffHz, r.w, r.h));
  if (stages.length > 1)
    all.push(asArrays('all stages (one pass)', undefined, combined.w, combined.h));

  if (format === '.svg') {
    const svg = await renderFilterResponseSvg(
      all.map(({ label, cutoffHz, frequenciesHz, real, imag }) => ({
        label,
        cutoffHz,
        frequenciesHz,
        real,
        imag,
      })),
      {
        title: `Filter response at ${samplingRateHz} Hz (one pass; filtering forward-backward squares |H|)`,
      },
    );
    await writeFileAtomic(options.out, svg);
  } else {
    const json = {
      samplingRateHz,
      design: spec.design,
      note: 'one forward pass; zero-phase filtering (forward and backward) has magnitude |H|^2 and no phase',
      stages: stages.map(describeStage),
      responses: all.map((r) => ({
        ...r,
        magnitudeDb: Array.from(r.magnitudeDb),
        phaseRad: Array.from(r.phaseRad),
      })),
    };
    await writeFileAtomic(options.out, `${JSON.stringify(json)}\n`);
  }
  context.out(
    options.json
      ? JSON.stringify({
          out: options.out,
          samplingRateHz,
          filters: stages.map((s) => s.label),
        })
      : `wrote ${options.out}: ${stages.map((s) => s.label).join(' + ')} at ${samplingRateHz} Hz`,
  );
}

function describeStage(stage: FilterStage) {
  return 'sos' in stage
    ? { label: stage.label, cutoffHz: stage.cutoffHz, sos: stage.sos }
    : { label: stage.label, cutoffHz: stage.cutoffHz, b: stage.b, a: stage.a };
}

/**
 * Writes the filtered leads as a format 16 record with each signal's gain, baseline and
 * units, through `writeRecord`. Values beyond the 16-bit range are clipped (and counted),
 * since a filter can overshoot a signal that already filled the range.
 * @returns the number of samples clipped
 */
async function writeFilteredRecord(
  outPath: string,
  record: EcgRecord,
  filtered: Float64Array[],
  stages: FilterStage[],
  logger: Logger,
): Promise<number> {
  const specs = record.signalNames.map((_, i) => record.header.signals[i]);
  const [low, high] = DIGITAL_RANGE[16];
  const invalid = FORMATS[16].invalidValue ?? -32768;
  let clipped = 0;

  // Physical to digital, round(mV x gain + baseline), as the reader inverts it.
  const digital = filtered.map((lead, s) =>
    Int32Array.from(lead, (value) => {
      if (Number.isNaN(value)) return invalid;
      const d = Math.round(value * specs[s].adcGain + specs[s].baseline);
      if (d >= low && d <= high) return d;
      clipped++;
      return d < low ? low : high;
    }),
  );
  if (clipped > 0) {
    logger.warn(
      `${clipped} filtered samples were outside the 16-bit range and were clipped`,
    );
  }

  await writeRecord(outPath, {
    signalNames: record.signalNames,
    units: specs.map((spec) => spec.units),
    samplingRateHz: record.samplingRateHz,
    digital,
    format: 16,
    adcGain: specs.map((spec) => spec.adcGain),
    baseline: specs.map((spec) => spec.baseline),
    comments: [
      `filtered by cardiokit (zero phase): ${stages.map((s) => s.label).join(' + ')}`,
      ...record.header.comments,
    ],
  });
  return clipped;
}
