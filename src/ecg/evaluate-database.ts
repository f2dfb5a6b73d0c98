import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CardiokitError, DatasetError, FileError } from '../util/errors.js';
import { silentLogger, type Logger } from '../util/logger.js';
import { readAnnotations, readRecord } from '../wfdb/index.js';
import { detectRPeaks, type DetectRPeaksOptions } from './detect-r-peaks.js';
import {
  beatReference,
  matchBeats,
  totalBeatMatch,
  type BeatMatch,
} from './match-beats.js';

/** Options of {@link evaluateRecord} and {@link evaluateDatabase}. */
export interface EvaluateOptions extends DetectRPeaksOptions {
  /** Annotation file extension holding the reference beats; default `atr`. */
  annotator?: string;
  /** Lead to detect on: 0-based channel index or signal name; default 0. */
  lead?: number | string;
  /** Match window, s; default 0.15 (ANSI/AAMI EC57). */
  windowSec?: number;
  /** Called after each record with its result (for progress). */
  onRecord?: (result: RecordEvaluation, done: number, total: number) => void;
  /**
   * What a record that cannot be read or scored (bad file, lead missing) does to a
   * database run: `'stop'` (default) throws its error, `'skip'` reports it by name to
   * the logger and in `skipped`, and goes on.
   */
  onError?: 'stop' | 'skip';
}

/** Beat-by-beat score of one record. */
export interface RecordEvaluation extends BeatMatch {
  record: string;
  lead: string;
  /** Reference beats compared (beat annotations outside excluded episodes). */
  referenceBeats: number;
  /** Length of the record, s. */
  durationSec: number;
  /** Wall-clock time the detector took, s (reading excluded). */
  detectionSec: number;
  /** Processor time (user + system) of the process during detection, s. */
  detectionCpuSec: number;
}

/**
 * Detects R peaks on one lead of an annotated record and scores them against the beat
 * annotations (150 ms window; ventricular flutter episodes `[`...`]` excluded).
 * @param recordPath WFDB record path without extension
 * @param options detector, lead, annotator, window
 * @returns TP, FP, FN, sensitivity, positive predictivity and timing
 * @throws FileError / ParseError from the reader; ParameterError for an unknown lead
 * @example
 * const r = await evaluateRecord('../shared/data/mitdb/100');
 */
export async function evaluateRecord(
  recordPath: string,
  options: EvaluateOptions = {},
): Promise<RecordEvaluation> {
  const { annotator = 'atr', lead = 0, windowSec = 0.15, ...rest } = options;
  const detect: EvaluateOptions = { ...rest };
  delete detect.onRecord;
  const record = await readRecord(recordPath, {
    channels: [lead],
    logger: detect.logger,
  });
  const annotations = await readAnnotations(recordPath, annotator);
  const { beatSamples, excludedRanges } = beatReference(
    annotations.sample,
    annotations.symbol,
  );

  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const peaks = detectRPeaks(record.physical[0], record.samplingRateHz, detect);
  const cpu = process.cpuUsage(cpuStarted);
  const detectionSec = (performance.now() - started) / 1000;
  const detectionCpuSec = (cpu.user + cpu.system) / 1e6;

  const match = matchBeats(peaks, beatSamples, record.samplingRateHz, {
    windowSec,
    excludedRanges,
  });
  return {
    ...match,
    record: basename(recordPath),
    lead: record.signalNames[0],
    referenceBeats: match.truePositives + match.falseNegatives,
    durationSec: record.lengthSamples / record.samplingRateHz,
    detectionSec,
    detectionCpuSec,
  };
}

/**
 * Scores every annotated record of a database folder: the records named in its `RECORDS`
 * file, or else every `.hea` file that has an annotation file beside it.
 * @param databaseDir folder of the database (for example `../shared/data/mitdb`)
 * @param options as for {@link evaluateRecord}, and `onError` (`'stop'` or `'skip'`)
 * @returns per-record scores, the gross total, and the records skipped with the reason
 * @throws DatasetError when no annotated record is found; with `onError: 'stop'`, the
 *   first record's error
 * @example
 * const { total } = await evaluateDatabase('../shared/data/mitdb');
 */
export async function evaluateDatabase(
  databaseDir: string,
  options: EvaluateOptions = {},
): Promise<{
  records: RecordEvaluation[];
  total: BeatMatch & { referenceBeats: number };
  skipped: Array<{ record: string; reason: string }>;
}> {
  const { annotator = 'atr', logger = silentLogger, onError = 'stop', ...rest } = options;
  const names = await annotatedRecords(databaseDir, annotator, logger);
  if (names.length === 0) {
    throw new DatasetError(
      `${databaseDir}: no record with a .${annotator} annotation file; ` +
        'pass the folder that holds the .hea and annotation files, or --annotator',
    );
  }

  const records: RecordEvaluation[] = [];
  const skipped: Array<{ record: string; reason: string }> = [];
  for (const [index, name] of names.entries()) {
    let result: RecordEvaluation;
    try {
      result = await evaluateRecord(join(databaseDir, name), {
        ...rest,
        annotator,
        logger,
      });
    } catch (error) {
      if (onError === 'stop' || !(error instanceof CardiokitError)) throw error;
      logger.warn(`record ${name} skipped: ${error.message}`);
      skipped.push({ record: name, reason: error.message });
      continue;
    }
    records.push(result);
    options.onRecord?.(result, index + 1, names.length);
  }
  const total = totalBeatMatch(records);
  return {
    records,
    total: { ...total, referenceBeats: total.truePositives + total.falseNegatives },
    skipped,
  };
}

async function annotatedRecords(dir: string, annotator: string, logger: Logger) {
  if (!existsSync(dir)) {
    throw new FileError(dir, 'no such database folder; pass the folder of .hea files');
  }
  const listPath = join(dir, 'RECORDS');
  const listed = existsSync(listPath)
    ? (await readFile(listPath, 'utf8')).split(/\r?\n/).map((l) => l.trim())
    : (await readdir(dir)).filter((f) => f.endsWith('.hea')).map((f) => f.slice(0, -4));
  const names = listed.filter((name) => name !== '').sort();
  const annotated = names.filter((name) => existsSync(join(dir, `${name}.${annotator}`)));
  if (annotated.length < names.length) {
    logger.warn(
      `${names.length - annotated.length} records have no .${annotator} file; skipped`,
    );
  }
  return annotated;
}
