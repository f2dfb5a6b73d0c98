/**
 * Loads the task's records: the catalogue of a database, the MI-versus-normal
 * selection, and the description that dataset.json carries.
 */
import {
  describeCatalogue,
  loadPtbdbCatalogue,
  loadPtbxlCatalogue,
  selectMiVersusNormal,
  type CatalogueDescription,
  type ExcludedRecord,
  type LabelledEntry,
} from '../datasets/index.js';
import { createRandom, deriveSeed, shuffled } from '../data/random.js';
import { DatasetError } from '../util/errors.js';
import { silentLogger, type Logger } from '../util/logger.js';
import type { DatasetName } from './config.js';

/** The content of dataset.json. */
export interface DatasetSummary {
  database: string;
  rootDir: string;
  counts: { positive: number; negative: number; excluded: number };
  excluded: ExcludedRecord[];
  excludedByReason: Record<string, number>;
  summary: CatalogueDescription;
}

/**
 * Reads a database and labels it for MI versus normal.
 * @param maxRecords keep at most this many records, the same fraction of each class,
 * chosen with the seed (for quick runs and tests); undefined keeps all
 * @throws DatasetError when either class is missing (from the selection), or when the
 * folder holds no usable record
 */
export async function loadTaskEntries(
  dataset: DatasetName,
  dataDir: string,
  options: { maxRecords?: number; seed: number; logger?: Logger },
): Promise<{ entries: LabelledEntry[]; dataset: DatasetSummary }> {
  const logger = options.logger ?? silentLogger;
  const catalogue =
    dataset === 'ptbxl'
      ? await loadPtbxlCatalogue(dataDir, { samplingRateHz: 100 })
      : await loadPtbdbCatalogue(dataDir, { logger });
  if (catalogue.entries.length === 0) {
    throw new DatasetError(
      `${dataDir}: no ${dataset} record found; check --data and --dataset`,
    );
  }
  const selection = selectMiVersusNormal(catalogue);
  let entries = selection.entries;
  if (options.maxRecords !== undefined && options.maxRecords < entries.length) {
    entries = capStratified(entries, options.maxRecords, options.seed);
  }
  const positive = entries.filter((entry) => entry.label === 1).length;
  logger.info(
    `${dataset}: ${entries.length} records (${positive} MI, ${entries.length - positive} normal), ` +
      `${selection.excluded.length} excluded`,
  );
  return {
    entries,
    dataset: {
      database: catalogue.database,
      rootDir: catalogue.rootDir,
      counts: {
        positive,
        negative: entries.length - positive,
        excluded: selection.excluded.length,
      },
      excluded: selection.excluded,
      excludedByReason: selection.excludedByReason,
      summary: describeCatalogue(
        { ...catalogue, entries },
        {
          classesOf: (entry) => [(entry as LabelledEntry).label === 1 ? 'MI' : 'normal'],
        },
      ),
    },
  };
}

/** Keeps `count` entries, the same fraction of each class, at least one of each. */
function capStratified(
  entries: LabelledEntry[],
  count: number,
  seed: number,
): LabelledEntry[] {
  const random = createRandom(deriveSeed(seed, 'record cap'));
  const fraction = count / entries.length;
  const kept: LabelledEntry[] = [];
  for (const label of [1, 0]) {
    const ofClass = entries.filter((entry) => entry.label === label);
    const keep = Math.max(1, Math.round(ofClass.length * fraction));
    kept.push(...shuffled(ofClass, random).slice(0, keep));
  }
  return kept.sort((a, b) => a.recordId.localeCompare(b.recordId));
}
