import { DatasetError, NotImplementedError } from '../util/errors.js';
import type {
  Catalogue,
  CatalogueEntry,
  ExcludedRecord,
  LabelledEntry,
} from './types.js';

/** The result of a task selection: labelled entries and what was left out. */
export interface Selection {
  entries: LabelledEntry[];
  /** Records of the catalogue left out by the selection, with the reason. */
  excluded: ExcludedRecord[];
  /** Left-out records counted by reason. */
  excludedByReason: Record<string, number>;
}

/** ptbdb reasons for admission that give each label. */
export const PTBDB_MI_REASON = 'Myocardial infarction';
export const PTBDB_NORMAL_REASON = 'Healthy control';

/**
 * Labels a catalogue for the task "myocardial infarction versus normal".
 * @param catalogue a PTB-XL or ptbdb catalogue
 * @returns entries with `label` 1 (MI) or 0 (normal), and the records left out, counted
 * by reason
 * @throws DatasetError when either class has no record (the task needs both);
 * NotImplementedError for a catalogue of another database
 * @remarks
 * PTB-XL: label 1 when MI is among the diagnostic superclasses (whatever else is there),
 * label 0 when the superclasses are exactly [NORM]; a record with other superclasses
 * only, or with NORM together with another non-MI superclass, or with none, is left
 * out. ptbdb: reason for admission `Myocardial infarction` gives 1, `Healthy control`
 * gives 0; every other reason is left out.
 * @example
 * const { entries } = selectMiVersusNormal(await loadPtbxlCatalogue('data/ptbxl'));
 */
export function selectMiVersusNormal(catalogue: Catalogue): Selection {
  const labelOf = labelRule(catalogue.database);
  const entries: LabelledEntry[] = [];
  const excluded: ExcludedRecord[] = [];
  for (const entry of catalogue.entries) {
    const outcome = labelOf(entry);
    if (typeof outcome === 'string')
      excluded.push({ recordId: entry.recordId, reason: outcome });
    else entries.push({ ...entry, label: outcome });
  }

  // The task needs both classes.
  const positives = entries.filter((entry) => entry.label === 1).length;
  const negatives = entries.length - positives;
  if (positives === 0 || negatives === 0) {
    const missing = positives === 0 ? 'MI (label 1)' : 'normal (label 0)';
    throw new DatasetError(
      `${catalogue.rootDir}: no ${missing} record among ${catalogue.entries.length} ` +
        `${catalogue.database} records (${positives} MI, ${negatives} normal); ` +
        'MI-versus-normal needs both classes: use a folder that holds both',
    );
  }

  const excludedByReason: Record<string, number> = {};
  for (const { reason } of excluded)
    excludedByReason[reason] = (excludedByReason[reason] ?? 0) + 1;
  return { entries, excluded, excludedByReason };
}

type LabelRule = (entry: CatalogueEntry) => 0 | 1 | string;

function labelRule(database: string): LabelRule {
  if (database === 'ptbxl') return ptbxlLabel;
  if (database === 'ptbdb') return ptbdbLabel;
  throw new NotImplementedError(
    `MI-versus-normal selection for the ${database} catalogue`,
    'it is defined for ptbxl and ptbdb',
  );
}

function ptbxlLabel(entry: CatalogueEntry): 0 | 1 | string {
  if (entry.classes.includes('MI')) return 1;
  if (entry.classes.length === 1 && entry.classes[0] === 'NORM') return 0;
  if (entry.classes.length === 0) return 'no diagnostic superclass';
  if (entry.classes.includes('NORM')) return 'NORM with another superclass';
  return `other superclass (${entry.classes.join('+')})`;
}

function ptbdbLabel(entry: CatalogueEntry): 0 | 1 | string {
  if (entry.classes.includes(PTBDB_MI_REASON)) return 1;
  if (entry.classes.includes(PTBDB_NORMAL_REASON)) return 0;
  return `other reason for admission (${entry.classes.join(', ')})`;
}
