import { extname } from 'node:path';
import { Option } from 'commander';
import { designFilterChain, type FilterChainSpec } from '../dsp/index.js';
import { detectRPeaksMultiLead } from '../ecg/index.js';
import {
  ECG_LAYOUTS,
  type EcgLayout,
  hasStandardLeads,
  MAX_PNG_PIXELS,
  pngSizeOf,
  renderEcgPaperSvg,
  svgToPng,
} from '../report/index.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { ParameterError } from '../util/errors.js';
import { readHeader, readRecord } from '../wfdb/index.js';
import { action, type RegisterCommand } from './context.js';
import { filterRangeWithContext } from './plot-overlay.js';
import { checkRangeOptions } from './time-range.js';

interface PlotOptions {
  out: string;
  layout?: EcgLayout;
  from?: string;
  to?: string;
  filter: string[];
  design: 'butter' | 'fir';
  peaks?: boolean;
  pxPerMm: string;
  json?: boolean;
}

/** `cardiokit plot`: a record on ECG paper, as SVG or PNG. */
export const registerPlot: RegisterCommand = (program) => {
  program
    .command('plot')
    .description('draw a WFDB record on standard ECG paper (SVG or PNG)')
    .argument('<record>', 'WFDB record path without extension')
    .requiredOption('-o, --out <file>', 'output file, .svg or .png')
    .addOption(
      new Option(
        '--layout <layout>',
        'paper layout (default: 3x4 for the 12 standard leads, else 1x12)',
      ).choices([...ECG_LAYOUTS]),
    )
    .option('--from <seconds>', 'start of the range drawn, s from the record start')
    .option('--to <seconds>', 'end of the range drawn (exclusive), s')
    .option(
      '--filter <spec...>',
      'overlay a zero-phase filtered trace: lowpass:HZ, highpass:HZ, bandpass:LO-HI, notch:HZ',
      [],
    )
    .addOption(
      new Option('--design <design>', 'filter design for --filter')
        .choices(['butter', 'fir'])
        .default('butter'),
    )
    .option('--peaks', 'mark R peaks found on all leads together')
    .option('--px-per-mm <px>', 'pixels per millimetre of paper', '4')
    .option('--json', 'print what was drawn as JSON on stdout')
    .addHelpText(
      'after',
      `
Examples:
  cardiokit plot data/ptbxl/records100/00000/00001_lr --out ecg.svg
  cardiokit plot data/ptbdb/patient001/s0010_re --out ecg.png --layout 6x2 --from 2 --to 12
  cardiokit plot ../shared/data/mitdb/100 --out mit.svg --layout 1x12 --from 60 --to 70 \\
    --filter highpass:0.5 lowpass:40 --peaks

Paper: 25 mm/s, 10 mm/mV, 1 mm and 5 mm grid, a 1 mV calibration pulse per row. Ranges
longer than 40 s are drawn at a lower paper speed, and traces with more samples than
pixel columns keep each column's minimum and maximum; the chart says so when it happens.`,
    )
    .action(
      action(async (context, recordPath: string, options: PlotOptions) => {
        const format = extname(options.out).toLowerCase();
        if (format !== '.svg' && format !== '.png') {
          throw new ParameterError(
            '--out',
            'a file name ending in .svg or .png',
            options.out,
          );
        }
        const pxPerMm = parseNumber('--px-per-mm', options.pxPerMm);
        const fromSec =
          options.from === undefined ? undefined : parseNumber('--from', options.from);
        const toSec =
          options.to === undefined ? undefined : parseNumber('--to', options.to);

        // Read only the samples drawn.
        const header = await readHeader(recordPath);
        const rate = header.samplingFrequencyHz;
        const fromSample =
          fromSec === undefined ? 0 : Math.max(0, Math.floor(fromSec * rate));
        const toSample = toSec === undefined ? undefined : Math.ceil(toSec * rate);
        checkRangeOptions(
          fromSec === undefined
            ? undefined
            : {
                option: '--from',
                text: options.from!,
                inSeconds: true,
                sample: fromSample,
              },
          toSample === undefined
            ? undefined
            : { option: '--to', text: options.to!, inSeconds: true, sample: toSample },
          header.lengthSamples ?? 0,
          rate,
        );
        const record = await readRecord(recordPath, {
          fromSample,
          toSample,
          logger: context.logger,
        });

        // 3x4 needs the 12 standard leads; any other record gets one lead a row.
        const layout =
          options.layout ?? (hasStandardLeads(record.signalNames) ? '3x4' : '1x12');

        const spec = parseFilters(options.filter, options.design);
        const stages = spec
          ? designFilterChain({ ...spec, logger: context.logger }, rate)
          : undefined;
        // The overlay is filtered with the samples around the range, then cut to it.
        const overlay = stages
          ? {
              label: `filtered: ${stages.map((s) => s.label).join(' + ')} (zero phase)`,
              physical: await filterRangeWithContext(
                recordPath,
                stages,
                record,
                context.logger,
              ),
            }
          : undefined;
        const peaks = options.peaks
          ? Array.from(
              detectRPeaksMultiLead(record.physical, rate, { logger: context.logger })
                .rPeakIndices,
              (i) => i + record.fromSample,
            )
          : undefined;

        const svg = renderEcgPaperSvg(record, {
          layout,
          fromSec,
          toSec,
          pxPerMm,
          overlay,
          peakSampleIndices: peaks,
        });
        if (format === '.png') checkPngSize(svg, pxPerMm);
        await writeFileAtomic(options.out, format === '.png' ? svgToPng(svg) : svg);

        const summary = {
          out: options.out,
          record: recordPath,
          layout,
          samplingRateHz: rate,
          fromSec: fromSec ?? record.fromSample / rate,
          toSec: toSec ?? (record.fromSample + record.lengthSamples) / rate,
          leads: record.signalNames,
          filters: stages?.map((s) => s.label) ?? [],
          rPeaks: peaks?.length ?? null,
        };
        context.out(
          options.json
            ? JSON.stringify(summary)
            : `wrote ${options.out}: ${recordPath}, ${layout}, ${summary.fromSec} to ${summary.toSec} s` +
                (peaks ? `, ${peaks.length} R peaks` : ''),
        );
      }),
    );
};

/**
 * Refuses a PNG page above MAX_PNG_PIXELS, naming --px-per-mm and the largest value that
 * fits: the raster grows with the square of --px-per-mm, and resvg holds all of it.
 */
function checkPngSize(svg: string, pxPerMm: number): void {
  const { widthPx, heightPx } = pngSizeOf(svg);
  const pixels = widthPx * heightPx;
  if (pixels <= MAX_PNG_PIXELS) return;
  const largest = Math.floor(pxPerMm * Math.sqrt(MAX_PNG_PIXELS / pixels) * 10) / 10;
  throw new ParameterError(
    '--px-per-mm',
    `at most ${largest} for this page as PNG`,
    pxPerMm,
    `the PNG would be ${widthPx} x ${heightPx} pixels, above the limit of ` +
      `${MAX_PNG_PIXELS / 1e6} megapixels; lower --px-per-mm, draw a shorter ` +
      '--from/--to range, or write .svg',
  );
}

function parseNumber(name: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new ParameterError(name, 'a number', text);
  }
  return value;
}

/** Parses `lowpass:40 highpass:0.5 bandpass:0.5-40 notch:50` into one filter chain. */
function parseFilters(
  specs: string[],
  design: 'butter' | 'fir',
): FilterChainSpec | undefined {
  if (specs.length === 0) return undefined;
  const chain: FilterChainSpec = { design };
  for (const spec of specs) {
    const [kind, value = ''] = spec.split(':');
    const hint = 'use lowpass:HZ, highpass:HZ, bandpass:LO-HI or notch:HZ';
    if (kind === 'lowpass') chain.lowpassHz = parseNumber(`--filter ${spec}`, value);
    else if (kind === 'highpass')
      chain.highpassHz = parseNumber(`--filter ${spec}`, value);
    else if (kind === 'notch') chain.notchHz = parseNumber(`--filter ${spec}`, value);
    else if (kind === 'bandpass') {
      const [low = '', high = ''] = value.split('-');
      chain.highpassHz = parseNumber(`--filter ${spec}`, low);
      chain.lowpassHz = parseNumber(`--filter ${spec}`, high);
    } else {
      throw new ParameterError('--filter', 'a filter specification', spec, hint);
    }
  }
  return chain;
}
