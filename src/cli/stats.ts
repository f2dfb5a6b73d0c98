import { Option } from 'commander';
import {
  AAMI_CLASSES,
  describeCatalogue,
  loadCatalogue,
  selectMiVersusNormal,
  type CatalogueDescription,
  type GroupDescription,
  type LabelledEntry,
} from '../datasets/index.js';
import { writeDatasetCharts } from '../report/index.js';
import { action, type RegisterCommand } from './context.js';

interface StatsOptions {
  json?: boolean;
  dataset?: string;
  task?: 'mi-vs-normal';
  out?: string;
}

/** `cardiokit stats`: classes, ages and sexes of a data set folder. */
export const registerStats: RegisterCommand = (program) => {
  program
    .command('stats')
    .description('count records by class, with age and sex distributions, for a data set')
    .argument('<datasetDir>', 'database folder (PTB-XL, ptbdb or MIT-BIH)')
    .option('--json', 'print the description as JSON on stdout')
    .option(
      '--out <dir>',
      'also write the charts (class counts, age, sex) as SVG and PNG',
    )
    .addOption(
      new Option(
        '--dataset <name>',
        'database, detected from the files when omitted',
      ).choices(['ptbxl', 'ptbdb', 'mitdb']),
    )
    .addOption(
      new Option(
        '--task <task>',
        'describe the records a task keeps, by label, instead of every class',
      ).choices(['mi-vs-normal']),
    )
    .addHelpText(
      'after',
      `
Examples:
  cardiokit stats data/ptbxl
  cardiokit stats data/ptbxl --task mi-vs-normal --json
  cardiokit stats ../shared/data/mitdb --dataset mitdb
  cardiokit stats data/ptbxl --task mi-vs-normal --out charts

A PTB-XL record with several diagnostic superclasses counts under each, so class counts
can add up to more than the records. Ages are in years; quartiles interpolate linearly.`,
    )
    .action(
      action(async (context, datasetDir: string, options: StatsOptions) => {
        const catalogue = await loadCatalogue(
          datasetDir,
          options.dataset,
          context.logger,
        );
        let description: CatalogueDescription;
        if (options.task === 'mi-vs-normal') {
          const selection = selectMiVersusNormal(catalogue);
          description = describeCatalogue(
            { ...catalogue, entries: selection.entries, excluded: selection.excluded },
            {
              classesOf: (entry) => [
                (entry as LabelledEntry).label === 1 ? 'MI' : 'normal',
              ],
            },
          );
        } else {
          description = describeCatalogue(catalogue);
        }
        if (options.out) {
          const files = await writeDatasetCharts(description, options.out, { png: true });
          context.logger.info(`charts: ${files.join(', ')}`);
        }
        context.out(
          options.json
            ? JSON.stringify(description, (_key, value: unknown) => value ?? null, 2)
            : formatDescription(description),
        );
      }),
    );
};

/**
 * Formats a catalogue description as plain-text tables: one row per class, then the age
 * histogram with one column per class.
 * @param description from `describeCatalogue`
 */
export function formatDescription(description: CatalogueDescription): string {
  const groups = [description.all, ...description.classes];
  const lines = [
    `${description.database} at ${description.rootDir}: ${description.all.records} records, ` +
      `${description.all.patients} patients`,
  ];
  if (description.excludedRecords > 0) {
    lines.push(`excluded: ${description.excludedRecords} records`);
    const reasons = Object.entries(description.excludedByReason).sort(
      (a, b) => b[1] - a[1],
    );
    const width = String(reasons[0]?.[1] ?? 0).length;
    for (const [reason, count] of reasons) {
      lines.push(`  ${String(count).padStart(width)}  ${reason}`);
    }
  }

  // One row per class: counts, age summary, sex.
  const withBeats = groups.some((group) => group.beats !== undefined);
  const header = [
    'class',
    'records',
    'patients',
    'age n',
    'age mean (sd)',
    'median [IQR]',
  ];
  header.push(
    'male',
    'female',
    'sex n/a',
    ...(withBeats ? AAMI_CLASSES.map((c) => `${c} beats`) : []),
  );
  const rows = groups.map((group) => [
    group.name,
    String(group.records),
    String(group.patients),
    String(group.age.count),
    meanSd(group),
    medianIqr(group),
    String(group.sex.male),
    String(group.sex.female),
    String(group.sex.unknown),
    ...(withBeats ? AAMI_CLASSES.map((c) => String(group.beats?.[c] ?? 0)) : []),
  ]);
  lines.push('', ...table(header, rows));

  // Age histogram: one row per bin, one column per class.
  const binRows = description.all.ageHistogram.map((bin, index) => [
    bin.label,
    ...groups.map((group) => String(group.ageHistogram[index].count)),
  ]);
  lines.push(
    '',
    'records per age bin (years):',
    ...table(['age', ...groups.map((g) => g.name)], binRows),
  );
  return lines.join('\n');
}

function meanSd(group: GroupDescription): string {
  const { meanYears, sdYears } = group.age;
  if (meanYears === undefined) return '-';
  return `${meanYears.toFixed(1)} (${sdYears === undefined ? '-' : sdYears.toFixed(1)})`;
}

function medianIqr(group: GroupDescription): string {
  const { medianYears, q1Years, q3Years } = group.age;
  if (medianYears === undefined) return '-';
  return `${round(medianYears)} [${round(q1Years!)}, ${round(q3Years!)}]`;
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join('  ')
      .trimEnd();
  return [format(header), ...rows.map(format)];
}
