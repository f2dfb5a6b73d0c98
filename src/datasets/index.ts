/**
 * Data set catalogues: PTB-XL, the PTB Diagnostic ECG Database (ptbdb) and the MIT-BIH
 * Arrhythmia Database (mitdb), task selections, summaries, and PhysioNet downloads.
 *
 * Conventions of this folder: every loader returns a {@link Catalogue} whose entries
 * carry an absolute `recordPath` (no extension) that `readRecord` takes, a `patientId`
 * shared by a patient's records (split by it, never by record), age in years, sex, and
 * `classes`. Records a loader cannot use are listed in `excluded` with a reason, never
 * dropped silently.
 */
export * from './types.js';
export {
  loadPtbxlCatalogue,
  parseScpCodes,
  PTBXL_DEFAULTS,
  type PtbxlOptions,
} from './ptbxl.js';
export { loadPtbdbCatalogue, listPtbdbRecords, type PtbdbOptions } from './ptbdb.js';
export { parsePtbdbComments, type PtbdbClinical } from './ptbdb-comments.js';
export {
  loadMitdbCatalogue,
  parseMitdbDemographics,
  MITDB_DEFAULTS,
  MITDB_PACED_RECORDS,
  type MitdbOptions,
} from './mitdb.js';
export {
  AAMI_CLASSES,
  AAMI_CLASS_OF_SYMBOL,
  aamiClassOf,
  countAamiBeats,
} from './aami.js';
export {
  selectMiVersusNormal,
  PTBDB_MI_REASON,
  PTBDB_NORMAL_REASON,
  type Selection,
} from './select.js';
export {
  describeCatalogue,
  summariseAges,
  DESCRIBE_DEFAULTS,
  type AgeBin,
  type AgeSummary,
  type CatalogueDescription,
  type DescribeOptions,
  type GroupDescription,
} from './describe.js';
export { detectDatabase, loadCatalogue, type DatabaseName } from './detect.js';
export {
  downloadDatabase,
  DOWNLOAD_DEFAULTS,
  type DownloadOptions,
  type DownloadProgress,
  type DownloadSummary,
} from './download.js';
export { fetchVerifiedFile, sha256OfFile, type FetchRequest } from './fetch-verified.js';
export { parseSha256Sums, type ChecksumEntry } from './sha256sums.js';
export {
  PHYSIONET_DATABASES,
  PHYSIONET_FILES_URL,
  databaseUrl,
  physionetDatabase,
  type PhysionetDatabase,
} from './physionet.js';
export { ChecksumError, DownloadError, DownloadFailuresError } from './errors.js';
