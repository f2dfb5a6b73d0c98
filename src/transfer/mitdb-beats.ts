import { join, resolve } from 'node:path';
import { AAMI_CLASSES, aamiClassOf } from '../datasets/aami.js';
import { DatasetError } from '../util/errors.js';
import { silentLogger, type Logger } from '../util/logger.js';
import { readAnnotations, readRecord } from '../wfdb/index.js';
import { KACHUEE_DEFAULTS, kachueeBeats } from '../ecg/index.js';
import { DE_CHAZAL_DS1, DE_CHAZAL_DS2 } from './record-split.js';
import { computeRrFeatures, RR_FEATURE_NAMES } from './rr-features.js';

const KACHUEE_BEAT_SAMPLES = KACHUEE_DEFAULTS.beatSamples;

/** Single MIT-BIH heartbeats in the Kachuee et al. 2018 format, with AAMI labels. */
export interface MitdbBeatSet {
  /** Row-major `beats x 187` values in [0, 1], at 125 Hz. */
  beats: Float32Array;
  beatLengthSamples: number;
  /** AAMI class index per beat, into `classNames` (N, S, V, F, Q). */
  labels: Int32Array;
  classNames: string[];
  /** Record of each beat, for example `'101'`. */
  recordIds: string[];
  /** R-peak sample of each beat at the record's own rate (360 Hz), from the annotations. */
  rPeakIndex: Int32Array;
  /** Row-major `beats x 4` RR features (see {@link RR_FEATURE_NAMES}). */
  rrFeatures: Float32Array;
  rrFeatureNames: string[];
  /** Records read. */
  records: string[];
  /** Annotated beats left out: those in a 10 s window with fewer than two beats, or flat. */
  droppedBeats: number;
}

/** Options of {@link buildMitdbBeatSet}. */
export interface MitdbBeatOptions {
  /** Records to read; default the 44 non-paced records of DS1 and DS2 (de Chazal 2004). */
  records: readonly string[];
  /** Annotator (file extension) of the beat labels. */
  annotator: string;
  /** Lead to cut beats from, by signal name; MLII in 46 of the 48 records. */
  lead: string;
  logger: Logger;
  onProgress?: (doneRecords: number, totalRecords: number) => void;
}

/** Defaults of {@link buildMitdbBeatSet}: DS1 then DS2, reference annotations, MLII. */
export const MITDB_BEAT_DEFAULTS: MitdbBeatOptions = {
  records: [...DE_CHAZAL_DS1, ...DE_CHAZAL_DS2],
  annotator: 'atr',
  lead: 'MLII',
  logger: silentLogger,
};

/**
 * Builds the MIT-BIH beat data set: every annotated beat of the chosen records, cut in the
 * Kachuee et al. 2018 format around the reference R-peak annotation, labelled with its
 * AAMI class.
 * @param dir the mitdb folder (`NNN.hea`, `NNN.dat`, `NNN.atr`)
 * @param options records (default DS1 + DS2, the paced records left out), annotator, lead
 * @returns beats, labels, record of each beat and RR features
 * @throws DatasetError when a record lacks the lead; errors of the WFDB reader for
 * missing or broken files
 * @remarks Beats are cut by `kachueeBeats` (src/ecg) at the reference annotations' R
 * peaks: the lead is resampled from 360 Hz to 125 Hz, split into 10 s windows scaled to
 * [0, 1], and each beat spans 1.2 median RR intervals of its window. Annotations
 * that are not beats (rhythm, noise, comments) are skipped; the paced records 102, 104,
 * 107 and 217 are left out of the default list as AAMI EC57 and de Chazal et al. 2004
 * recommend. RR features use the R peaks at 360 Hz of the beats kept.
 * @example
 * const set = await buildMitdbBeatSet('../shared/data/mitdb');
 * set.labels.length; // about 100,000 beats
 */
export async function buildMitdbBeatSet(
  dir: string,
  options: Partial<MitdbBeatOptions> = {},
): Promise<MitdbBeatSet> {
  const settings = { ...MITDB_BEAT_DEFAULTS, ...options };
  const rootDir = resolve(dir);
  const parts: RecordBeats[] = [];
  for (const [done, recordId] of settings.records.entries()) {
    settings.onProgress?.(done, settings.records.length);
    parts.push(await readRecordBeats(join(rootDir, recordId), recordId, settings));
  }
  settings.onProgress?.(settings.records.length, settings.records.length);
  return concatenate(parts, settings.records);
}

interface RecordBeats {
  recordId: string;
  beats: Float32Array;
  labels: Int32Array;
  rPeakIndex: Int32Array;
  rrFeatures: Float32Array;
  droppedBeats: number;
}

async function readRecordBeats(
  recordPath: string,
  recordId: string,
  settings: MitdbBeatOptions,
): Promise<RecordBeats> {
  // The lead, and the annotated beats with an AAMI class.
  const record = await readRecord(recordPath);
  const leadIndex = record.signalNames.indexOf(settings.lead);
  if (leadIndex < 0) {
    throw new DatasetError(
      `${recordPath}.hea: no signal named '${settings.lead}' (has ${record.signalNames.join(', ')}); ` +
        'choose another lead or leave this record out',
    );
  }
  const annotations = await readAnnotations(recordPath, settings.annotator);
  const beatPeaks: number[] = [];
  const beatLabels: number[] = [];
  annotations.symbol.forEach((symbol, i) => {
    const aami = aamiClassOf(symbol);
    if (aami === undefined) return;
    beatPeaks.push(annotations.sample[i]);
    beatLabels.push(AAMI_CLASSES.indexOf(aami));
  });

  // Cut each annotated beat in the Kachuee format (125 Hz, 10 s windows, 1.2 median RR).
  const rateHz = record.samplingRateHz;
  const formatted = kachueeBeats(record.physical[leadIndex], beatPeaks, rateHz);
  const indexOfPeak = new Map(beatPeaks.map((sample, i) => [sample, i]));
  const kept = Array.from(
    formatted.rPeakIndices,
    (sample) => indexOfPeak.get(sample) ?? -1,
  );
  const droppedBeats = beatPeaks.length - kept.length;
  settings.logger.debug(
    `mitdb ${recordId}: ${kept.length} beats, ${droppedBeats} dropped`,
  );

  const beats = new Float32Array(kept.length * KACHUEE_BEAT_SAMPLES);
  formatted.beats.forEach((beat, i) => beats.set(beat, i * KACHUEE_BEAT_SAMPLES));
  const rPeakIndex = Int32Array.from(formatted.rPeakIndices);
  return {
    recordId,
    beats,
    labels: Int32Array.from(kept, (i) => beatLabels[i]),
    rPeakIndex,
    rrFeatures: computeRrFeatures(rPeakIndex, rateHz),
    droppedBeats,
  };
}

function concatenate(parts: RecordBeats[], records: readonly string[]): MitdbBeatSet {
  const total = parts.reduce((sum, part) => sum + part.labels.length, 0);
  const beats = new Float32Array(total * KACHUEE_BEAT_SAMPLES);
  const labels = new Int32Array(total);
  const rPeakIndex = new Int32Array(total);
  const rrFeatures = new Float32Array(total * RR_FEATURE_NAMES.length);
  const recordIds: string[] = [];
  let offset = 0;
  for (const part of parts) {
    beats.set(part.beats, offset * KACHUEE_BEAT_SAMPLES);
    labels.set(part.labels, offset);
    rPeakIndex.set(part.rPeakIndex, offset);
    rrFeatures.set(part.rrFeatures, offset * RR_FEATURE_NAMES.length);
    for (let i = 0; i < part.labels.length; i++) recordIds.push(part.recordId);
    offset += part.labels.length;
  }
  return {
    beats,
    beatLengthSamples: KACHUEE_BEAT_SAMPLES,
    labels,
    classNames: [...AAMI_CLASSES],
    recordIds,
    rPeakIndex,
    rrFeatures,
    rrFeatureNames: [...RR_FEATURE_NAMES],
    records: [...records],
    droppedBeats: parts.reduce((sum, part) => sum + part.droppedBeats, 0),
  };
}
