/**
 * Patient-wise splits: every record of a patient lands in the same part, so that no
 * patient is seen in training and evaluated in validation or test.
 */
import type { LabelledEntry } from '../datasets/types.js';
import { DatasetError, ParameterError } from '../util/errors.js';
import { createRandom, shuffled } from './random.js';

/** The records and patients of one part of a split. */
export interface SplitPart {
  patientIds: string[];
  recordIds: string[];
}

export type SplitScheme = 'strat_fold' | 'stratified-patient';

/** A train / validation / test split, as split.json stores it. */
export interface Split {
  scheme: SplitScheme;
  train: SplitPart;
  validation: SplitPart;
  test: SplitPart;
}

/** One fold of cross-validation: its own train / validation / test parts. */
export interface Fold extends Split {
  /** 1-based fold number; its test part is this fold's patients. */
  fold: number;
}

/** Default parts of a PTB-XL `strat_fold` split (the PTB-XL authors' recommendation). */
export const STRAT_FOLD_DEFAULTS = { validationFolds: [9], testFolds: [10] } as const;

/** Default fractions of patients for a stratified patient split. */
export const PATIENT_SPLIT_DEFAULTS = {
  validationFraction: 0.1,
  testFraction: 0.1,
} as const;

function partOf(entries: readonly LabelledEntry[]): SplitPart {
  return {
    patientIds: [...new Set(entries.map((entry) => entry.patientId))].sort(),
    recordIds: entries.map((entry) => entry.recordId).sort(),
  };
}

/** True when every entry has a database-given fold (PTB-XL `strat_fold`). */
export function hasStratFolds(entries: readonly LabelledEntry[]): boolean {
  return entries.length > 0 && entries.every((entry) => entry.fold !== undefined);
}

/**
 * Splits by PTB-XL's `strat_fold`: folds 1-8 train, 9 validation, 10 test by default.
 * @throws DatasetError when an entry has no fold, or when a patient's records sit in
 * two parts (PTB-XL assigns whole patients to folds, so this means a broken catalogue)
 * @example
 * const split = splitByStratFold(selectMiVersusNormal(catalogue).entries);
 * split.test.patientIds; // patients of fold 10
 */
export function splitByStratFold(
  entries: readonly LabelledEntry[],
  options: { validationFolds?: readonly number[]; testFolds?: readonly number[] } = {},
): Split {
  const { validationFolds, testFolds } = { ...STRAT_FOLD_DEFAULTS, ...options };
  const missing = entries.find((entry) => entry.fold === undefined);
  if (missing) {
    throw new DatasetError(
      `record ${missing.recordId} has no strat_fold: use a stratified patient split instead`,
    );
  }
  const partName = (fold: number) =>
    testFolds.includes(fold)
      ? 'test'
      : validationFolds.includes(fold)
        ? 'validation'
        : 'train';
  const split = assignParts(entries, (entry) => partName(entry.fold as number));
  return { scheme: 'strat_fold', ...split };
}

/** Groups entries by patient and labels each patient positive if any record is. */
function patientsByClass(entries: readonly LabelledEntry[]): {
  positive: string[];
  negative: string[];
} {
  const label = new Map<string, number>();
  for (const entry of entries) {
    label.set(entry.patientId, Math.max(label.get(entry.patientId) ?? 0, entry.label));
  }
  const ids = [...label.keys()].sort();
  return {
    positive: ids.filter((id) => label.get(id) === 1),
    negative: ids.filter((id) => label.get(id) === 0),
  };
}

function assignParts(
  entries: readonly LabelledEntry[],
  partOfEntry: (entry: LabelledEntry) => 'train' | 'validation' | 'test',
): Omit<Split, 'scheme'> {
  const byPart = { train: [], validation: [], test: [] } as Record<
    string,
    LabelledEntry[]
  >;
  const patientPart = new Map<string, string>();
  for (const entry of entries) {
    const part = partOfEntry(entry);
    const seen = patientPart.get(entry.patientId);
    if (seen !== undefined && seen !== part) {
      throw new DatasetError(
        `patient ${entry.patientId} has records in both ${seen} and ${part} ` +
          `(record ${entry.recordId}): folds must hold whole patients`,
      );
    }
    patientPart.set(entry.patientId, part);
    byPart[part].push(entry);
  }
  return {
    train: partOf(byPart.train),
    validation: partOf(byPart.validation),
    test: partOf(byPart.test),
  };
}

/**
 * A seeded split of patients into train, validation and test, stratified by class
 * (a patient is positive when any of its records is).
 * @param options.validationFraction fraction of each class's patients, in [0, 1)
 * @param options.testFraction fraction of each class's patients, in [0, 1)
 * @throws ParameterError when the fractions leave no training patients
 * @remarks Each class's patients are sorted by id, shuffled with the seed, and the first
 * round(n * testFraction) go to test, the next round(n * validationFraction) to
 * validation, the rest to train.
 */
export function splitStratifiedPatients(
  entries: readonly LabelledEntry[],
  options: { validationFraction?: number; testFraction?: number; seed: number },
): Split {
  const { validationFraction, testFraction } = { ...PATIENT_SPLIT_DEFAULTS, ...options };
  if (!(
    validationFraction >= 0 &&
    testFraction >= 0 &&
    validationFraction + testFraction < 1
  )) {
    throw new ParameterError(
      'validationFraction + testFraction',
      'in [0, 1) with each fraction >= 0',
      validationFraction + testFraction,
    );
  }
  const random = createRandom(options.seed);
  const part = new Map<string, 'train' | 'validation' | 'test'>();
  for (const ids of Object.values(patientsByClass(entries))) {
    const order = shuffled(ids, random);
    const testCount = Math.round(order.length * testFraction);
    const validationCount = Math.round(order.length * validationFraction);
    order.forEach((id, index) =>
      part.set(
        id,
        index < testCount
          ? 'test'
          : index < testCount + validationCount
            ? 'validation'
            : 'train',
      ),
    );
  }
  return {
    scheme: 'stratified-patient',
    ...assignParts(entries, (entry) => part.get(entry.patientId) ?? 'train'),
  };
}

/**
 * K-fold cross-validation by patient. Fold k tests on its own patients, validates on
 * the patients of fold k+1 (fold 1 after fold K) and trains on the rest.
 * @param k number of folds, 3 or more
 * @param options.useStratFolds when every entry has a PTB-XL `strat_fold` and k is 10,
 * the database's folds are used as they are (default true)
 * @returns K folds whose test parts cover every record exactly once
 * @throws ParameterError when k < 3 or k exceeds the patients of the smaller class
 * @remarks Without database folds, each class's patients are shuffled with the seed and
 * dealt round-robin into the K folds, so each fold keeps the class balance.
 */
export function crossValidationFolds(
  entries: readonly LabelledEntry[],
  k: number,
  options: { seed: number; useStratFolds?: boolean },
): Fold[] {
  const useStratFolds = options.useStratFolds ?? true;
  if (!Number.isInteger(k) || k < 3) {
    throw new ParameterError('--cv', 'an integer >= 3', k);
  }
  const foldOfPatient = new Map<string, number>();
  let scheme: SplitScheme = 'stratified-patient';
  if (useStratFolds && k === 10 && hasStratFolds(entries)) {
    scheme = 'strat_fold';
    for (const entry of entries) foldOfPatient.set(entry.patientId, entry.fold as number);
  } else {
    const classes = patientsByClass(entries);
    const smaller = Math.min(classes.positive.length, classes.negative.length);
    if (k > smaller) {
      throw new ParameterError(
        '--cv',
        `at most ${smaller} (patients of the smaller class)`,
        k,
        'use fewer folds',
      );
    }
    const random = createRandom(options.seed);
    let next = 0;
    for (const ids of [classes.positive, classes.negative]) {
      for (const id of shuffled(ids, random)) foldOfPatient.set(id, (next++ % k) + 1);
    }
  }

  return Array.from({ length: k }, (_, index) => {
    const fold = index + 1;
    const validationFold = (fold % k) + 1;
    const parts = assignParts(entries, (entry) => {
      const f = foldOfPatient.get(entry.patientId);
      return f === fold ? 'test' : f === validationFold ? 'validation' : 'train';
    });
    return { fold, scheme, ...parts };
  });
}
