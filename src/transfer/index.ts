/**
 * Transfer learning as in Kachuee et al. 2018: single MIT-BIH heartbeats classified into
 * the five AAMI classes, then the network's convolutional part reused to detect
 * myocardial infarction.
 *
 * Conventions of this folder:
 * - Beats are in the Kachuee format: 187 samples at 125 Hz, values in [0, 1], from the
 *   R peak to 1.2 median RR intervals after it, zero-padded (`kachueeBeats` in src/ecg).
 * - AAMI classes are indexed in the order N, S, V, F, Q (`AAMI_CLASSES` in src/datasets).
 * - The honest evaluation is inter-patient: the de Chazal et al. 2004 record split (DS1
 *   train, DS2 test, paced records 102, 104, 107, 217 left out). The random beat split of
 *   the paper is offered for comparison only and is labelled so in every output.
 * - Beat arrays are row-major `Float32Array`s (`beats x 187`); indices are 0-based.
 *
 * @see Kachuee M, Fazeli S, Sarrafzadeh M. ECG heartbeat classification: a deep
 * transferable representation. IEEE ICHI 2018. https://doi.org/10.1109/ICHI.2018.00092
 * @see de Chazal P, O'Dwyer M, Reilly RB. Automatic classification of heartbeats using
 * ECG morphology and heartbeat interval features. IEEE Trans Biomed Eng 51(7):1196-1206
 * (2004). https://doi.org/10.1109/TBME.2004.827359
 */
export {
  DE_CHAZAL_DS1,
  DE_CHAZAL_DS2,
  splitDeChazal,
  splitRandomBeats,
  type BeatSplit,
} from './record-split.js';
export {
  computeMulticlassMetrics,
  argmaxRows,
  type MulticlassMetrics,
} from './multiclass-metrics.js';
export { computeRrFeatures, RR_FEATURE_NAMES } from './rr-features.js';
export {
  buildMitdbBeatSet,
  MITDB_BEAT_DEFAULTS,
  type MitdbBeatSet,
  type MitdbBeatOptions,
} from './mitdb-beats.js';
export {
  buildRecordBeatSet,
  RECORD_BEAT_DEFAULTS,
  type RecordBeatSet,
  type RecordBeatOptions,
} from './mi-beats.js';
export {
  trainClassifier,
  predictProbabilities,
  computeClassWeights,
  CLASSIFIER_TRAINING_DEFAULTS,
  type ClassifierTrainingOptions,
  type ClassifierTrainingResult,
  type ClassifierEpochLog,
  type ClassWeighting,
  type LabelledInputs,
} from './train-classifier.js';
export {
  attachBinaryHead,
  findFeatureLayerIndex,
  BINARY_HEAD_DEFAULTS,
  type BinaryHeadOptions,
  type FreezeMode,
} from './transfer-model.js';
export {
  trainAami,
  AAMI_TRAINING_DEFAULTS,
  type AamiTrainingOptions,
  type AamiRunResult,
  type AamiSplitName,
} from './train-aami.js';
export {
  runTransferStudy,
  resolveModelDir,
  TRANSFER_STUDY_DEFAULTS,
  TRANSFER_VARIANTS,
  type TransferStudyOptions,
  type TransferStudyResult,
  type TransferRunResult,
  type TransferVariant,
} from './transfer-study.js';
