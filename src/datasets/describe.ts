import { AAMI_CLASSES } from './aami.js';
import type { AamiClass, Catalogue, CatalogueEntry } from './types.js';

/** Summary statistics of ages, in years; `undefined` fields when no age is known. */
export interface AgeSummary {
  /** Records with a known age. */
  count: number;
  /** Records without one. */
  missing: number;
  meanYears: number | undefined;
  /** Sample standard deviation (n - 1); undefined for fewer than two ages. */
  sdYears: number | undefined;
  minYears: number | undefined;
  q1Years: number | undefined;
  medianYears: number | undefined;
  q3Years: number | undefined;
  maxYears: number | undefined;
}

/** One bar of an age histogram: ages in [fromYears, toYears); `toYears` null = open. */
export interface AgeBin {
  label: string;
  fromYears: number;
  toYears: number | null;
  count: number;
}

/** What a catalogue (or one class of it) holds. */
export interface GroupDescription {
  /** The class name, or `all`. */
  name: string;
  records: number;
  patients: number;
  age: AgeSummary;
  ageHistogram: AgeBin[];
  sex: { male: number; female: number; unknown: number };
  /** Beats per AAMI class, summed over the group's records (MIT-BIH only). */
  beats?: Record<AamiClass, number>;
}

export interface CatalogueDescription {
  database: string;
  rootDir: string;
  all: GroupDescription;
  /** One group per class, largest first; a record with several classes is in each. */
  classes: GroupDescription[];
  excludedRecords: number;
  excludedByReason: Record<string, number>;
}

/** Options of {@link describeCatalogue}. */
export interface DescribeOptions {
  /** The classes an entry counts under; default its `classes` (`unlabelled` if none). */
  classesOf: (entry: CatalogueEntry) => string[];
  /** Width of the age histogram's bins, years. */
  ageBinWidthYears: number;
  /** Start of the last, open-ended age bin, years. */
  ageOpenBinFromYears: number;
}

export const DESCRIBE_DEFAULTS: DescribeOptions = {
  classesOf: (entry) => (entry.classes.length > 0 ? entry.classes : ['unlabelled']),
  ageBinWidthYears: 10,
  ageOpenBinFromYears: 90,
};

/**
 * Describes a catalogue: records, patients, ages and sexes, overall and per class.
 * @param catalogue any catalogue (PTB-XL, ptbdb, MIT-BIH)
 * @param options how entries map to classes, and the age bins
 * @returns the overall group, one group per class, and excluded records by reason
 * @remarks Quartiles use linear interpolation between order statistics (numpy's
 * default `percentile` method). A record with several classes (PTB-XL: `MI` and `STTC`)
 * counts in each, so class counts may sum to more than the records. To describe a task
 * selection, pass `classesOf: (e) => [(e as LabelledEntry).label ? 'MI' : 'normal']`.
 * @example
 * const summary = describeCatalogue(await loadPtbxlCatalogue('data/ptbxl'));
 * summary.classes.find((c) => c.name === 'MI')?.records; // 73
 */
export function describeCatalogue(
  catalogue: Catalogue,
  options: Partial<DescribeOptions> = {},
): CatalogueDescription {
  const settings = { ...DESCRIBE_DEFAULTS, ...options };

  // Group entries by class, keeping first-seen order for ties.
  const byClass = new Map<string, CatalogueEntry[]>();
  for (const entry of catalogue.entries) {
    for (const name of settings.classesOf(entry)) {
      const group = byClass.get(name) ?? [];
      group.push(entry);
      byClass.set(name, group);
    }
  }
  const classes = [...byClass.entries()]
    .map(([name, entries]) => describeGroup(name, entries, settings))
    .sort((a, b) => b.records - a.records);

  const excludedByReason: Record<string, number> = {};
  for (const { reason } of catalogue.excluded) {
    excludedByReason[reason] = (excludedByReason[reason] ?? 0) + 1;
  }
  return {
    database: catalogue.database,
    rootDir: catalogue.rootDir,
    all: describeGroup('all', catalogue.entries, settings),
    classes,
    excludedRecords: catalogue.excluded.length,
    excludedByReason,
  };
}

function describeGroup(
  name: string,
  entries: CatalogueEntry[],
  settings: DescribeOptions,
): GroupDescription {
  const agesYears = entries
    .map((entry) => entry.ageYears)
    .filter((age): age is number => age !== undefined);
  const sex = { male: 0, female: 0, unknown: 0 };
  for (const entry of entries) sex[entry.sex ?? 'unknown'] += 1;

  const group: GroupDescription = {
    name,
    records: entries.length,
    patients: new Set(entries.map((entry) => entry.patientId)).size,
    age: summariseAges(agesYears, entries.length - agesYears.length),
    ageHistogram: histogramOfAges(agesYears, settings),
    sex,
  };

  // MIT-BIH entries carry beat counts; sum them.
  if (entries.some((entry) => entry.beatCounts !== undefined)) {
    const beats = { N: 0, S: 0, V: 0, F: 0, Q: 0 };
    for (const entry of entries) {
      for (const aami of AAMI_CLASSES) beats[aami] += entry.beatCounts?.[aami] ?? 0;
    }
    group.beats = beats;
  }
  return group;
}

/**
 * Summarises ages: count, mean, sample standard deviation, quartiles.
 * @param agesYears known ages, years
 * @param missing how many records had no age
 */
export function summariseAges(agesYears: readonly number[], missing = 0): AgeSummary {
  const sorted = [...agesYears].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) {
    return {
      count: 0,
      missing,
      meanYears: undefined,
      sdYears: undefined,
      minYears: undefined,
      q1Years: undefined,
      medianYears: undefined,
      q3Years: undefined,
      maxYears: undefined,
    };
  }
  const meanYears = sorted.reduce((sum, age) => sum + age, 0) / n;
  const squares = sorted.reduce((sum, age) => sum + (age - meanYears) ** 2, 0);
  return {
    count: n,
    missing,
    meanYears,
    sdYears: n > 1 ? Math.sqrt(squares / (n - 1)) : undefined,
    minYears: sorted[0],
    q1Years: quantileSorted(sorted, 0.25),
    medianYears: quantileSorted(sorted, 0.5),
    q3Years: quantileSorted(sorted, 0.75),
    maxYears: sorted[n - 1],
  };
}

/** Quantile by linear interpolation at position q * (n - 1), as numpy's default. */
function quantileSorted(sorted: readonly number[], q: number): number {
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

function histogramOfAges(
  agesYears: readonly number[],
  settings: DescribeOptions,
): AgeBin[] {
  const width = settings.ageBinWidthYears;
  const openFrom = settings.ageOpenBinFromYears;
  const bins: AgeBin[] = [];
  for (let fromYears = 0; fromYears < openFrom; fromYears += width) {
    const toYears = Math.min(fromYears + width, openFrom);
    bins.push({ label: `${fromYears}-${toYears - 1}`, fromYears, toYears, count: 0 });
  }
  bins.push({ label: `${openFrom}+`, fromYears: openFrom, toYears: null, count: 0 });
  for (const age of agesYears) {
    const bin = bins.find(
      (b) => age >= b.fromYears && (b.toYears === null || age < b.toYears),
    );
    if (bin) bin.count += 1;
  }
  return bins;
}
