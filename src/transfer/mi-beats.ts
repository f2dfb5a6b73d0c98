import type { LabelledEntry } from '../datasets/types.js';
import { detectRPeaks, kachueeBeats, KACHUEE_DEFAULTS } from '../ecg/index.js';
import { DatasetError } from '../util/errors.js';
import { silentLogger, type Logger } from '../util/logger.js';
import { readRecord } from '../wfdb/index.js';

/** Heartbeats of labelled MI-or-normal records, in the Kachuee et al. 2018 format. */
export interface RecordBeatSet {
  /** Row-major `beats x 187` values in [0, 1] at 125 Hz. */
  beats: Float32Array;
  beatLengthSamples: number;
  /** Index into `records` of each beat's record. */
  beatRecord: Int32Array;
  /** The records that gave at least one beat, in input order. */
  records: { recordId: string; patientId: string; label: 0 | 1; beatCount: number }[];
  /** Records that gave no beat (flat lead, fewer than two R peaks per 10 s window). */
  recordsWithoutBeats: string[];
}

/** Options of {@link buildRecordBeatSet}. */
export interface RecordBeatOptions {
  /** Lead to cut beats from, matched without regard to case (`II` in PTB-XL, `ii` in ptbdb). */
  lead: string;
  logger: Logger;
  onProgress?: (doneRecords: number, totalRecords: number) => void;
}

/** Defaults of {@link buildRecordBeatSet}: lead II, as Kachuee et al. 2018 used. */
export const RECORD_BEAT_DEFAULTS: RecordBeatOptions = {
  lead: 'II',
  logger: silentLogger,
};

/**
 * Cuts every beat of each record in the Kachuee format, from R peaks found by the
 * default detector of `detectRPeaks`.
 * @param entries labelled records (from `selectMiVersusNormal`)
 * @param options lead, logger, progress
 * @returns the beats, the record of each, and each record's label and patient
 * @throws DatasetError when a record has no such lead
 * @remarks Any sampling rate works: `kachueeBeats` resamples to 125 Hz. A record whose
 * lead gives no beat is listed in `recordsWithoutBeats` and left out.
 */
export async function buildRecordBeatSet(
  entries: readonly LabelledEntry[],
  options: Partial<RecordBeatOptions> = {},
): Promise<RecordBeatSet> {
  const { lead, logger, onProgress } = { ...RECORD_BEAT_DEFAULTS, ...options };
  const beatSamples = KACHUEE_DEFAULTS.beatSamples;
  const chunks: Float32Array[] = [];
  const beatRecord: number[] = [];
  const records: RecordBeatSet['records'] = [];
  const recordsWithoutBeats: string[] = [];

  for (const [done, entry] of entries.entries()) {
    onProgress?.(done, entries.length);
    const record = await readRecord(entry.recordPath);
    const leadIndex = record.signalNames.findIndex(
      (n) => n.toLowerCase() === lead.toLowerCase(),
    );
    if (leadIndex < 0) {
      throw new DatasetError(
        `${entry.recordPath}.hea: no lead '${lead}' (has ${record.signalNames.join(', ')}); ` +
          'choose one of those leads',
      );
    }

    // R peaks of the lead, then one Kachuee beat per peak.
    const millivolts = record.physical[leadIndex];
    const peaks = detectRPeaks(millivolts, record.samplingRateHz, { logger });
    const { beats } = kachueeBeats(millivolts, peaks, record.samplingRateHz);
    if (beats.length === 0) {
      recordsWithoutBeats.push(entry.recordId);
      continue;
    }
    beats.forEach((beat) => {
      chunks.push(beat);
      beatRecord.push(records.length);
    });
    records.push({
      recordId: entry.recordId,
      patientId: entry.patientId,
      label: entry.label,
      beatCount: beats.length,
    });
  }
  onProgress?.(entries.length, entries.length);
  if (recordsWithoutBeats.length > 0) {
    logger.warn(`${recordsWithoutBeats.length} records gave no beat and were left out`);
  }

  const flat = new Float32Array(chunks.length * beatSamples);
  chunks.forEach((beat, i) => flat.set(beat, i * beatSamples));
  return {
    beats: flat,
    beatLengthSamples: beatSamples,
    beatRecord: Int32Array.from(beatRecord),
    records,
    recordsWithoutBeats,
  };
}
