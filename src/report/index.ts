/**
 * Charts and reports. Every chart is an SVG document (text); `svgToPng` rasterises one.
 *
 * Conventions of this folder: sizes in pixels end in `Px`, paper sizes in `Mm`; times are
 * seconds from the first sample of the record file (`fromSec` inclusive, `toSec`
 * exclusive); sample positions are 0-based indices into the record file. Statistical
 * charts are Vega-Lite specifications rendered headless by Vega's SVG renderer; the ECG
 * paper chart is drawn by cardiokit itself.
 */
export {
  renderFilterResponseSvg,
  filterResponseFromFreqz,
  FILTER_RESPONSE_DEFAULTS,
} from './filter-response.js';
export type { FilterResponse, FilterResponseOptions } from './filter-response.js';
export { unwrapPhase, magnitudeDb, angleRad } from './phase.js';
export { svgToPng, pngSizeOf, PNG_FONT_FILES, MAX_PNG_PIXELS } from './png.js';
export type { PngOptions } from './png.js';
export { renderVegaLiteSvg } from './vega-render.js';
export { renderEcgPaperSvg, ECG_PAPER_DEFAULTS, ECG_COLOURS } from './ecg-paper.js';
export type { EcgSignals, EcgPaperOptions } from './ecg-paper.js';
export { layoutPanels, hasStandardLeads, ECG_LAYOUTS } from './ecg-layout.js';
export type { EcgLayout, EcgPanel } from './ecg-layout.js';
export { decimateMinMax } from './decimate.js';
export type { TracePoints } from './decimate.js';
export { renderDatasetChartsSvg, writeDatasetCharts } from './dataset-charts.js';
export type {
  DatasetSummaryLike,
  DatasetChartsSvg,
  DatasetChartFileOptions,
} from './dataset-charts.js';
export { calibrationBins } from './calibration.js';
export type { CalibrationBin } from './calibration.js';
export { renderTrainingHistorySvg } from './training-charts.js';
export type { EpochRecord } from './training-charts.js';
export {
  renderRocSvg,
  renderPrSvg,
  precisionRecallSteps,
  renderConfusionSvg,
  renderCalibrationSvg,
  formatEstimate,
} from './evaluation-charts.js';
export type { RocSeries, PrSeries } from './evaluation-charts.js';
export { writeRunReport, buildRunReportHtml, RUN_REPORT_DEFAULTS } from './run-report.js';
export type { RunReportOptions } from './run-report.js';
export { readRunFolder } from './run-folder.js';
export type { RunFolder, RunMetrics, PredictionRow } from './run-folder.js';
