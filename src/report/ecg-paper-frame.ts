/**
 * The frame of the ECG paper chart: page margins, grid, calibration pulses, title and
 * footnote. Private to the report folder.
 */
import type { EcgLayout } from './ecg-layout.js';
import type { EcgPaperOptions, EcgSignals } from './ecg-paper.js';
import { element, escapeXml, fmt } from './svg.js';

/** ECG paper colours: pale red minor grid, red major grid. */
export const ECG_COLOURS = {
  minorGrid: '#f6c1c1',
  majorGrid: '#e06666',
  trace: '#000000',
  overlay: '#1f5fbf',
  peak: '#0a8a3a',
} as const;

/** Page margins, mm: calibration pulses sit in the left one, the title in the top one. */
export const LEFT_MM = 10;
export const RIGHT_MM = 5;
export const TOP_MM = 15;
export const BOTTOM_MM = 10;

/** Row height in mm for each layout; trace baselines sit on major grid lines. */
export const ROW_HEIGHT_MM: Record<EcgLayout, number> = {
  '3x4': 30,
  '6x2': 25,
  '1x12': 20,
};

/** Scales and range of one chart, shared by its drawing steps. */
export interface Geometry {
  pxPerMm: number;
  speedMmPerS: number;
  gainMmPerMv: number;
  rowHeightMm: number;
  traceWidthMm: number;
  range: { fromSec: number; toSec: number; firstSample: number };
}

export function baselineOf(row: number, rowHeightMm: number): number {
  // Baselines fall on a major (5 mm) grid line, a little below the row's middle.
  return TOP_MM + row * rowHeightMm + Math.round((rowHeightMm * 0.6) / 5) * 5;
}

export function calibrationPulse(row: number, geometry: Geometry): string {
  // 1 mV for 0.2 s of standard paper: 10 mm high, 5 mm wide, on the row's baseline.
  const { pxPerMm, gainMmPerMv } = geometry;
  const x = 2 * pxPerMm;
  const y = baselineOf(row, geometry.rowHeightMm) * pxPerMm;
  const d = `M${fmt(x)},${fmt(y)}h${fmt(pxPerMm)}v${fmt(-gainMmPerMv * pxPerMm)}h${fmt(5 * pxPerMm)}v${fmt(gainMmPerMv * pxPerMm)}h${fmt(pxPerMm)}`;
  return element('path', {
    class: 'calibration-pulse',
    d,
    fill: 'none',
    stroke: 'black',
    'stroke-width': 1.5,
  });
}

export function drawGrid(widthMm: number, heightMm: number, pxPerMm: number): string {
  // Lines every 1 mm (minor) and every 5 mm (major), aligned with the trace origin.
  const minor: string[] = [];
  const major: string[] = [];
  const xStart = LEFT_MM - Math.floor(LEFT_MM);
  for (let mm = xStart; mm <= widthMm + 1e-9; mm += 1) {
    const isMajor = Math.round(mm - LEFT_MM) % 5 === 0;
    (isMajor ? major : minor).push(`M${fmt(mm * pxPerMm)},0V${fmt(heightMm * pxPerMm)}`);
  }
  for (let mm = 0; mm <= heightMm + 1e-9; mm += 1) {
    const isMajor = Math.round(mm - TOP_MM) % 5 === 0;
    (isMajor ? major : minor).push(`M0,${fmt(mm * pxPerMm)}H${fmt(widthMm * pxPerMm)}`);
  }
  return (
    element('path', {
      class: 'grid-minor',
      d: minor.join(''),
      stroke: ECG_COLOURS.minorGrid,
      'stroke-width': 0.5,
    }) +
    element('path', {
      class: 'grid-major',
      d: major.join(''),
      stroke: ECG_COLOURS.majorGrid,
      'stroke-width': 1,
    })
  );
}

export function header(
  signals: EcgSignals,
  settings: EcgPaperOptions,
  speedMmPerS: number,
  geometry: Geometry,
): string {
  const px = settings.pxPerMm;
  const name = signals.header?.recordName ?? 'ECG';
  const title =
    settings.title ??
    `${name}: ${fmt(speedMmPerS)} mm/s, ${fmt(settings.gainMmPerMv)} mm/mV, ${fmt(signals.samplingRateHz)} Hz, ` +
      `${fmt(geometry.range.fromSec)} to ${fmt(geometry.range.toSec)} s`;
  const parts = [
    element(
      'text',
      { class: 'title', x: 2 * px, y: 6 * px, 'font-size': 4 * px },
      escapeXml(title),
    ),
  ];
  if (settings.overlay) {
    const legend =
      `<tspan fill="${ECG_COLOURS.trace}">${escapeXml(settings.baseLabel)}</tspan>` +
      ` and <tspan fill="${ECG_COLOURS.overlay}">${escapeXml(settings.overlay.label)}</tspan>`;
    parts.push(
      `<text class="legend" x="${fmt(2 * px)}" y="${fmt(11 * px)}" font-size="${fmt(3.2 * px)}">${legend}</text>`,
    );
  }
  return parts.join('');
}

export function footer(
  page: { widthMm: number; heightMm: number },
  settings: EcgPaperOptions,
  speedMmPerS: number,
  durationSec: number,
  notes: string[],
): string {
  const px = settings.pxPerMm;
  const all = [...notes];
  if (speedMmPerS < settings.paperSpeedMmPerS) {
    all.unshift(
      `time compressed: ${fmt(durationSec)} s drawn at ${fmt(speedMmPerS)} mm/s instead of ${fmt(settings.paperSpeedMmPerS)} mm/s`,
    );
  }
  if (settings.peakSampleIndices) all.push('triangles: R peaks');
  if (all.length === 0) return '';
  return element(
    'text',
    { class: 'note', x: 2 * px, y: (page.heightMm - 3) * px, 'font-size': 3 * px },
    escapeXml(all.join('; ')),
  );
}
