import { ParameterError } from '../util/errors.js';
import { decimateMinMax } from './decimate.js';
import { type EcgLayout, type EcgPanel, layoutPanels, layoutRows } from './ecg-layout.js';
import {
  baselineOf,
  BOTTOM_MM,
  calibrationPulse,
  drawGrid,
  ECG_COLOURS,
  footer,
  type Geometry,
  header,
  LEFT_MM,
  RIGHT_MM,
  ROW_HEIGHT_MM,
  TOP_MM,
} from './ecg-paper-frame.js';
import { element, escapeXml, fmt, svgDocument } from './svg.js';

export { ECG_COLOURS } from './ecg-paper-frame.js';

/** The samples an ECG chart draws; an `EcgRecord` from `readRecord` fits this shape. */
export interface EcgSignals {
  /** Channel names, one per array of `physical`. */
  signalNames: string[];
  samplingRateHz: number;
  /** Samples in millivolts, one array per channel; NaN breaks the trace. */
  physical: ArrayLike<number>[];
  /** Index in the record file of the first sample given (default 0). */
  fromSample?: number;
  /** Record name for the title. */
  header?: { recordName: string };
}

/** Options of {@link renderEcgPaperSvg}. */
export interface EcgPaperOptions {
  layout: EcgLayout;
  /** Start of the range drawn, seconds from the record file's first sample. */
  fromSec: number | undefined;
  /** End of the range drawn (exclusive), seconds. */
  toSec: number | undefined;
  /** Paper speed, mm/s; reduced (and said so on the chart) when the range is too long. */
  paperSpeedMmPerS: number;
  /** Amplitude scale, mm/mV. */
  gainMmPerMv: number;
  /** Pixels per millimetre of paper. */
  pxPerMm: number;
  /** Widest trace area, mm: longer ranges are drawn at a lower paper speed. */
  maxTraceWidthMm: number;
  /** Lead of the rhythm strip in the 3x4 layout. */
  rhythmLead: string;
  /** R peaks to mark: 0-based sample indices into the record file. */
  peakSampleIndices: ArrayLike<number> | undefined;
  /** A second version of the same channels (for example filtered), drawn over the first. */
  overlay: { label: string; physical: ArrayLike<number>[] } | undefined;
  /** Legend text of the first version when an overlay is drawn. */
  baseLabel: string;
  /** Title; default: the record name, speed, gain and sampling rate. */
  title: string | undefined;
}

/** Defaults of {@link EcgPaperOptions}: standard paper, 4 px per mm. */
export const ECG_PAPER_DEFAULTS: EcgPaperOptions = {
  layout: '3x4',
  fromSec: undefined,
  toSec: undefined,
  paperSpeedMmPerS: 25,
  gainMmPerMv: 10,
  pxPerMm: 4,
  maxTraceWidthMm: 1000,
  rhythmLead: 'II',
  peakSampleIndices: undefined,
  overlay: undefined,
  baseLabel: 'raw',
  title: undefined,
};

/**
 * Draws an ECG on standard paper: 1 mm minor and 5 mm major grid, 25 mm/s, 10 mm/mV, a
 * 1 mV calibration pulse at the start of every row, lead names, optional R-peak markers
 * and an overlay (raw against filtered).
 * @param signals channels in millivolts and their sampling rate (any rate)
 * @param options layout, time range in seconds, scales, markers; see {@link ECG_PAPER_DEFAULTS}
 * @returns an SVG document; the root carries `data-px-per-mm` and `data-paper-speed-mm-per-s`
 * @throws ParameterError for an empty or out-of-record time range, channels of unequal
 * length, an overlay with other channels, or a layout the channels cannot fill
 * @remarks Positions are computed from time in seconds (sample index / rate), so a chart is
 * the same at 100 Hz and 1000 Hz. When a pixel column holds more than two samples, the
 * trace keeps each column's minimum and maximum (QRS peaks survive) and the chart says so.
 * Limitations: ranges longer than `maxTraceWidthMm / paperSpeedMmPerS` seconds (40 s by
 * default) are drawn at a reduced paper speed, stated in the chart's footnote; the 1 mm
 * grid then no longer stands for 40 ms.
 * @example
 * const record = await readRecord('data/ptbxl/records100/00000/00001_lr');
 * const svg = renderEcgPaperSvg(record, { layout: '3x4', fromSec: 0, toSec: 10 });
 */
export function renderEcgPaperSvg(
  signals: EcgSignals,
  options: Partial<EcgPaperOptions> = {},
): string {
  const settings = { ...ECG_PAPER_DEFAULTS, ...options };
  validateSignals(signals, settings);
  const range = timeRange(signals, settings);

  // Paper geometry: speed (reduced for long ranges), rows, and page size in mm.
  const durationSec = range.toSec - range.fromSec;
  const speedMmPerS = Math.min(
    settings.paperSpeedMmPerS,
    settings.maxTraceWidthMm / durationSec,
  );
  const traceWidthMm = durationSec * speedMmPerS;
  const panels = layoutPanels(signals.signalNames, settings.layout, settings.rhythmLead);
  const rows = layoutRows(settings.layout, signals.signalNames.length);
  const rowHeightMm = ROW_HEIGHT_MM[settings.layout];
  const page = {
    widthMm: LEFT_MM + traceWidthMm + RIGHT_MM,
    heightMm: TOP_MM + rows * rowHeightMm + BOTTOM_MM,
  };

  const geometry: Geometry = {
    pxPerMm: settings.pxPerMm,
    speedMmPerS,
    gainMmPerMv: settings.gainMmPerMv,
    rowHeightMm,
    traceWidthMm,
    range,
  };
  const notes: string[] = [];
  const traces = panels.map((panel) =>
    drawPanel(signals, panel, geometry, settings, notes),
  );
  const calibration = Array.from({ length: rows }, (_, row) =>
    calibrationPulse(row, geometry),
  );

  const parts = [
    element('rect', {
      x: 0,
      y: 0,
      width: page.widthMm * settings.pxPerMm,
      height: page.heightMm * settings.pxPerMm,
      fill: 'white',
    }),
    drawGrid(page.widthMm, page.heightMm, settings.pxPerMm),
    element('g', { class: 'calibration' }, calibration.join('')),
    traces.join(''),
    header(signals, settings, speedMmPerS, geometry),
    footer(page, settings, speedMmPerS, durationSec, notes),
  ];
  const svg = svgDocument(
    page.widthMm * settings.pxPerMm,
    page.heightMm * settings.pxPerMm,
    parts.join(''),
  );
  return svg.replace(
    '<svg ',
    `<svg data-px-per-mm="${fmt(settings.pxPerMm)}" data-paper-speed-mm-per-s="${fmt(speedMmPerS)}" data-gain-mm-per-mv="${fmt(settings.gainMmPerMv)}" `,
  );
}

function validateSignals(signals: EcgSignals, settings: EcgPaperOptions): void {
  if (!(signals.samplingRateHz > 0) || !Number.isFinite(signals.samplingRateHz)) {
    throw new ParameterError(
      'samplingRateHz',
      'a positive number of Hz',
      signals.samplingRateHz,
    );
  }
  if (
    signals.physical.length === 0 ||
    signals.physical.length !== signals.signalNames.length
  ) {
    throw new ParameterError(
      'physical',
      `one array per channel name (${signals.signalNames.length})`,
      `${signals.physical.length} arrays`,
    );
  }
  const lengthSamples = signals.physical[0].length;
  const unequal = signals.physical.findIndex(
    (channel) => channel.length !== lengthSamples,
  );
  if (unequal >= 0) {
    throw new ParameterError(
      `physical[${unequal}] (${signals.signalNames[unequal]})`,
      `${lengthSamples} samples like channel 0`,
      signals.physical[unequal].length,
    );
  }
  const overlay = settings.overlay;
  if (
    overlay &&
    (overlay.physical.length !== signals.physical.length ||
      overlay.physical.some((c) => c.length !== lengthSamples))
  ) {
    throw new ParameterError(
      'overlay.physical',
      `${signals.physical.length} channels of ${lengthSamples} samples, like the record`,
      `${overlay.physical.length} channels`,
    );
  }
  for (const key of [
    'paperSpeedMmPerS',
    'gainMmPerMv',
    'pxPerMm',
    'maxTraceWidthMm',
  ] as const) {
    if (!(settings[key] > 0))
      throw new ParameterError(key, 'a positive number', settings[key]);
  }
}

function timeRange(signals: EcgSignals, settings: EcgPaperOptions): Geometry['range'] {
  const firstSample = signals.fromSample ?? 0;
  const startSec = firstSample / signals.samplingRateHz;
  const endSec = (firstSample + signals.physical[0].length) / signals.samplingRateHz;
  const fromSec = settings.fromSec ?? startSec;
  const toSec = settings.toSec ?? endSec;
  const tolerance = 1e-9;

  if (
    fromSec < startSec - tolerance ||
    toSec > endSec + tolerance ||
    !(toSec > fromSec)
  ) {
    throw new ParameterError(
      'time range',
      `within the samples given, ${fmt(startSec)} s to ${fmt(endSec)} s, with from < to`,
      `${fmt(fromSec)} s to ${fmt(toSec)} s`,
    );
  }
  return { fromSec, toSec, firstSample };
}

function drawPanel(
  signals: EcgSignals,
  panel: EcgPanel,
  geometry: Geometry,
  settings: EcgPaperOptions,
  notes: string[],
): string {
  const { pxPerMm, speedMmPerS, range } = geometry;
  const sliceSec = (range.toSec - range.fromSec) / panel.columnsInRow;
  const fromSec = range.fromSec + panel.column * sliceSec;
  const toSec = fromSec + sliceSec;
  const originXMm = LEFT_MM + panel.column * sliceSec * speedMmPerS;
  const baselineMm = baselineOf(panel.row, geometry.rowHeightMm);
  const rate = signals.samplingRateHz;

  // Samples whose time lies in [fromSec, toSec), as indices into the arrays given.
  const fromIndex = Math.max(0, Math.ceil(fromSec * rate - range.firstSample - 1e-9));
  const toIndex = Math.min(
    signals.physical[0].length,
    Math.ceil(toSec * rate - range.firstSample - 1e-9),
  );
  const samplesPerColumn = rate / (speedMmPerS * pxPerMm);
  if (samplesPerColumn > 2) {
    const note = `decimated for drawing: min and max of every pixel column (${fmt(samplesPerColumn)} samples each)`;
    if (!notes.includes(note)) notes.push(note);
  }

  const place = (index: number, mv: number): [number, number] => [
    (originXMm + ((index + range.firstSample) / rate - fromSec) * speedMmPerS) * pxPerMm,
    (baselineMm - mv * geometry.gainMmPerMv) * pxPerMm,
  ];
  const trace = (values: ArrayLike<number>, cls: string, colour: string) => {
    const points = decimateMinMax(values, fromIndex, toIndex, samplesPerColumn);
    return element('path', {
      class: `trace ${cls}`,
      d: pathData(points.sampleIndices, points.values, place),
      fill: 'none',
      stroke: colour,
      'stroke-width': 1.2,
      'stroke-linejoin': 'round',
    });
  };

  const parts = [trace(signals.physical[panel.channel], 'base', ECG_COLOURS.trace)];
  if (settings.overlay)
    parts.push(
      trace(settings.overlay.physical[panel.channel], 'overlay', ECG_COLOURS.overlay),
    );
  parts.push(
    peakMarkers(
      signals.physical[panel.channel],
      settings.peakSampleIndices,
      range.firstSample,
      fromIndex,
      toIndex,
      place,
      pxPerMm,
    ),
  );
  parts.push(
    element(
      'text',
      {
        class: 'lead-label',
        x: (originXMm + 1) * pxPerMm,
        y: (baselineMm - geometry.rowHeightMm / 2 + 2) * pxPerMm,
        'font-size': 3.5 * pxPerMm,
        'font-weight': 'bold',
        stroke: 'white',
        'stroke-width': 0.3 * pxPerMm,
        'paint-order': 'stroke',
      },
      escapeXml(panel.leadName),
    ),
  );
  if (panel.column > 0) {
    const x = originXMm * pxPerMm;
    parts.push(
      element('line', {
        class: 'column-mark',
        x1: x,
        x2: x,
        y1: (baselineMm - 3) * pxPerMm,
        y2: (baselineMm + 3) * pxPerMm,
        stroke: 'black',
        'stroke-width': 1.5,
      }),
    );
  }
  return element(
    'g',
    {
      class: 'lead',
      'data-lead': panel.leadName,
      'data-from-sec': fromSec,
      'data-to-sec': toSec,
    },
    parts.join(''),
  );
}

function pathData(
  sampleIndices: Float64Array,
  values: Float64Array,
  place: (index: number, mv: number) => [number, number],
): string {
  const commands: string[] = [];
  let pen = false;
  for (let k = 0; k < values.length; k++) {
    if (Number.isNaN(values[k])) {
      pen = false;
      continue;
    }
    const [x, y] = place(sampleIndices[k], values[k]);
    commands.push(`${pen ? 'L' : 'M'}${fmt(x)},${fmt(y)}`);
    pen = true;
  }
  return commands.join('');
}

function peakMarkers(
  values: ArrayLike<number>,
  peakSampleIndices: ArrayLike<number> | undefined,
  firstSample: number,
  fromIndex: number,
  toIndex: number,
  place: (index: number, mv: number) => [number, number],
  pxPerMm: number,
): string {
  if (!peakSampleIndices) return '';
  const markers: string[] = [];
  for (let k = 0; k < peakSampleIndices.length; k++) {
    const index = peakSampleIndices[k] - firstSample;
    if (index < fromIndex || index >= toIndex || Number.isNaN(values[index])) continue;
    const [x, y] = place(index, values[index]);
    const top = y - 1.5 * pxPerMm;
    // A small downward triangle just above the R peak.
    markers.push(
      `M${fmt(x)},${fmt(top)}l${fmt(-pxPerMm)},${fmt(-1.5 * pxPerMm)}h${fmt(2 * pxPerMm)}Z`,
    );
  }
  if (markers.length === 0) return '';
  return element('path', {
    class: 'r-peaks',
    'data-count': markers.length,
    d: markers.join(''),
    fill: ECG_COLOURS.peak,
  });
}
