import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { ParameterError } from '../util/errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { svgToPng } from './png.js';
import { renderVegaLiteSvg } from './vega-render.js';

/**
 * What the dataset charts need from `describeCatalogue(...)` (src/datasets): one group
 * per class with its record count, age histogram and sex counts.
 */
export interface DatasetSummaryLike {
  database?: string;
  classes: {
    name: string;
    records: number;
    patients?: number;
    ageHistogram: { label: string; fromYears: number; count: number }[];
    sex: { male: number; female: number; unknown: number };
  }[];
}

/** The three dataset charts as SVG documents. */
export interface DatasetChartsSvg {
  classCounts: string;
  ageByClass: string;
  sexByClass: string;
}

/**
 * Draws the class counts, the age histogram by class and the sex by class of a data set.
 * @param summary `describeCatalogue(...)` output (or any object of that shape)
 * @returns three SVG documents
 * @throws ParameterError when the summary has no class
 * @remarks A record with several classes counts in each (as in `describeCatalogue`).
 */
export async function renderDatasetChartsSvg(
  summary: DatasetSummaryLike,
): Promise<DatasetChartsSvg> {
  if (summary.classes.length === 0) {
    throw new ParameterError('summary.classes', 'at least one class', 0);
  }
  const prefix = summary.database ? `${summary.database}: ` : '';
  const classOrder = summary.classes.map((c) => c.name);

  const counts = summary.classes.map((c) => ({ class: c.name, records: c.records }));
  const classCounts = await renderVegaLiteSvg(classCountSpec(counts, classOrder, prefix));

  const ages = summary.classes.flatMap((c) =>
    c.ageHistogram.map((bin) => ({
      class: c.name,
      bin: bin.label,
      from: bin.fromYears,
      count: bin.count,
    })),
  );
  const ageByClass = await renderVegaLiteSvg(ageSpec(ages, classOrder, prefix));

  const sexes = summary.classes.flatMap((c) =>
    (['male', 'female', 'unknown'] as const).map((sex) => ({
      class: c.name,
      sex,
      count: c.sex[sex],
    })),
  );
  const sexByClass = await renderVegaLiteSvg(sexSpec(sexes, classOrder, prefix));
  return { classCounts, ageByClass, sexByClass };
}

/** Options of {@link writeDatasetCharts}. */
export interface DatasetChartFileOptions {
  /** Also write a PNG beside each SVG. */
  png: boolean;
}

/**
 * Writes `class-counts`, `age-by-class` and `sex-by-class` charts into a folder, as SVG
 * (and PNG when asked), each file atomically.
 * @param summary `describeCatalogue(...)` output
 * @param outDir folder, created when missing
 * @param options `png: true` to add PNG files
 * @returns the paths written
 * @example
 * await writeDatasetCharts(describeCatalogue(catalogue), 'charts', { png: true });
 */
export async function writeDatasetCharts(
  summary: DatasetSummaryLike,
  outDir: string,
  options: Partial<DatasetChartFileOptions> = {},
): Promise<string[]> {
  const charts = await renderDatasetChartsSvg(summary);
  const files: [string, string][] = [
    ['class-counts', charts.classCounts],
    ['age-by-class', charts.ageByClass],
    ['sex-by-class', charts.sexByClass],
  ];
  const written: string[] = [];
  for (const [name, svg] of files) {
    written.push(join(outDir, `${name}.svg`));
    await writeFileAtomic(written[written.length - 1], svg);
    if (options.png) {
      written.push(join(outDir, `${name}.png`));
      await writeFileAtomic(written[written.length - 1], svgToPng(svg));
    }
  }
  return written;
}

function classCountSpec(
  values: object[],
  classOrder: string[],
  prefix: string,
): TopLevelSpec {
  const x = {
    field: 'class',
    type: 'nominal',
    sort: classOrder,
    title: 'Class',
    axis: { labelAngle: 0 },
  } as const;
  return {
    title: `${prefix}records per class`,
    data: { values },
    width: { step: 60 },
    height: 240,
    layer: [
      {
        mark: { type: 'bar', color: '#4c78a8' },
        encoding: { x, y: { field: 'records', type: 'quantitative', title: 'Records' } },
      },
      {
        mark: { type: 'text', dy: -6 },
        encoding: {
          x,
          y: { field: 'records', type: 'quantitative' },
          text: { field: 'records', type: 'quantitative' },
        },
      },
    ],
  } as TopLevelSpec;
}

function ageSpec(values: object[], classOrder: string[], prefix: string): TopLevelSpec {
  return {
    title: `${prefix}age by class`,
    data: { values },
    width: 480,
    height: 240,
    mark: 'bar',
    encoding: {
      x: {
        field: 'bin',
        type: 'ordinal',
        sort: { field: 'from' },
        title: 'Age (years)',
        axis: { labelAngle: 0 },
      },
      xOffset: { field: 'class', type: 'nominal', sort: classOrder },
      y: { field: 'count', type: 'quantitative', title: 'Records' },
      color: { field: 'class', type: 'nominal', sort: classOrder, title: 'Class' },
    },
  } as TopLevelSpec;
}

function sexSpec(values: object[], classOrder: string[], prefix: string): TopLevelSpec {
  const sexOrder = ['male', 'female', 'unknown'];
  return {
    title: `${prefix}sex by class`,
    data: { values },
    width: 480,
    height: 240,
    mark: 'bar',
    encoding: {
      x: {
        field: 'class',
        type: 'nominal',
        sort: classOrder,
        title: 'Class',
        axis: { labelAngle: 0 },
      },
      xOffset: { field: 'sex', type: 'nominal', sort: sexOrder },
      y: { field: 'count', type: 'quantitative', title: 'Records' },
      color: {
        field: 'sex',
        type: 'nominal',
        sort: sexOrder,
        title: 'Sex',
        scale: { domain: sexOrder, range: ['#4c78a8', '#e45756', '#bab0ac'] },
      },
    },
  } as TopLevelSpec;
}
