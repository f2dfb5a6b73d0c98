import type { RegisterCommand } from './context.js';
import { registerPeaks } from './peaks.js';
import { registerStats } from './stats.js';
import { registerDownload } from './download.js';
import { registerTrain } from './train.js';

/**
 * Every command of the command line, one module each, in the order `--help` lists them.
 * A new command adds its module here.
 */
export const commands: RegisterCommand[] = [registerPeaks, registerStats, registerDownload, registerTrain];
