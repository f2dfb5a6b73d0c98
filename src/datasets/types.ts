/**
 * The shape of a data set catalogue: one entry per record, with what the clinical
 * metadata says about it. Every loader (ptbdb, PTB-XL, MIT-BIH) returns this.
 */

export type Sex = 'male' | 'female';

export interface CatalogueEntry {
  /** Record identifier within its database, for example `patient001/s0010_re` or `00001_lr`. */
  recordId: string;
  /** Absolute path of the record without extension, as `readRecord` takes it. */
  recordPath: string;
  /** Patient identifier; records of one patient share it. */
  patientId: string;
  ageYears: number | undefined;
  sex: Sex | undefined;
  samplingRateHz: number | undefined;
  /** Database-given fold (PTB-XL `strat_fold`), when there is one. */
  fold: number | undefined;
  /** Diagnostic classes of the record: PTB-XL superclasses (NORM, MI, STTC, CD, HYP) or
   * the ptbdb reason for admission (`Myocardial infarction`, `Healthy control`, ...). */
  classes: string[];
  /** PTB-XL only: the record's SCP-ECG statements and their likelihoods (0 to 100). */
  scpCodes?: Record<string, number>;
  /** ptbdb only: the header's "Additional diagnoses" line, verbatim (`no` included). */
  additionalDiagnoses?: string;
  /** MIT-BIH only: beats per AAMI class (N, S, V, F, Q) in the reference annotations. */
  beatCounts?: Record<AamiClass, number>;
  /** MIT-BIH only: true for the paced records 102, 104, 107 and 217. */
  paced?: boolean;
}

/** The five heartbeat classes of ANSI/AAMI EC57. */
export type AamiClass = 'N' | 'S' | 'V' | 'F' | 'Q';

/** A record left out of a catalogue, and why. */
export interface ExcludedRecord {
  recordId: string;
  reason: string;
}

export interface Catalogue {
  /** `ptbdb`, `ptbxl` or `mitdb`. */
  database: string;
  /** Folder the catalogue was read from. */
  rootDir: string;
  entries: CatalogueEntry[];
  excluded: ExcludedRecord[];
}

/** An entry with a binary label for the task "MI vs normal": 1 = MI, 0 = normal. */
export interface LabelledEntry extends CatalogueEntry {
  label: 0 | 1;
}
