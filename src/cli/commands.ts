import type { RegisterCommand } from './context.js';
import { registerInfo } from './info.js';
import { registerExport } from './export.js';
import { registerPeaks } from './peaks.js';
import { registerStats } from './stats.js';
import { registerDownload } from './download.js';
import { registerTrain } from './train.js';
import { registerEvaluate } from './evaluate.js';
import { registerPredict } from './predict.js';
import { registerPlot } from './plot.js';
import { registerReport } from './report.js';
import { registerFilter } from './filter.js';

/**
 * Every command of the command line, one module each, in the order `--help` lists them.
 * A new command adds its module here.
 */
export const commands: RegisterCommand[] = [
  registerInfo,
  registerExport,
  registerPeaks,
  registerStats,
  registerDownload,
  registerTrain,
  registerEvaluate,
  registerPredict,
  registerPlot,
  registerReport,
  registerFilter,
];
