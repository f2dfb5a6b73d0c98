import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCatalogue } from '../datasets/describe.js';
import { loadPtbxlCatalogue } from '../datasets/ptbxl.js';
import { renderDatasetChartsSvg, writeDatasetCharts } from './dataset-charts.js';
import {
  findAll,
  hasClass,
  parseSvg,
  type SvgNode,
  texts,
} from './test-helpers/svg-tree.js';

const repoRoot = resolve(__dirname, '../..');

/** Heights (px) of the bars that are taller than zero. */
function barHeights(root: SvgNode): number[] {
  return bars(root)
    .map((path) => Number(/v(-?[\d.]+)/.exec(path.attributes.d)?.[1]))
    .filter((height) => Math.abs(height) > 0);
}

function bars(root: SvgNode): SvgNode[] {
  return findAll(root, (n) => n.name === 'g' && hasClass(n, 'mark-rect')).flatMap((g) =>
    findAll(g, (n) => n.name === 'path'),
  );
}

describe('dataset charts of the embedded PTB-XL sample', async () => {
  const summary = describeCatalogue(
    await loadPtbxlCatalogue(join(repoRoot, 'data/ptbxl')),
  );
  const charts = await renderDatasetChartsSvg(summary);
  const classNames = summary.classes.map((c) => c.name);

  it('draws one bar per class, labelled with its record count', () => {
    const root = parseSvg(charts.classCounts);
    expect(bars(root)).toHaveLength(summary.classes.length);
    const labels = texts(root);
    for (const group of summary.classes) {
      expect(labels).toContain(group.name);
      expect(labels).toContain(String(group.records));
    }
    expect(labels).toContain('Records');
    expect(labels).toContain('Class');
  });

  it('draws an age histogram with a bar per class and non-empty bin', () => {
    const root = parseSvg(charts.ageByClass);
    const nonEmpty = summary.classes.flatMap((c) =>
      c.ageHistogram.filter((b) => b.count > 0),
    );
    const bins = summary.classes.flatMap((c) => c.ageHistogram);
    expect(bars(root)).toHaveLength(bins.length);
    expect(barHeights(root)).toHaveLength(nonEmpty.length);
    const labels = texts(root);
    for (const bin of summary.classes[0].ageHistogram)
      expect(labels).toContain(bin.label);
    for (const name of classNames) expect(labels).toContain(name);
    expect(labels).toContain('Age (years)');
  });

  it('draws sex by class with male, female and unknown in the legend', () => {
    const root = parseSvg(charts.sexByClass);
    const nonEmpty = summary.classes.flatMap((c) =>
      Object.values(c.sex).filter((n) => n > 0),
    );
    expect(bars(root)).toHaveLength(3 * summary.classes.length);
    expect(barHeights(root)).toHaveLength(nonEmpty.length);
    const labels = texts(root);
    for (const sex of ['male', 'female', 'unknown']) expect(labels).toContain(sex);
  });

  it('writes SVG and PNG files into the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cardiokit-dataset-charts-'));
    try {
      const written = await writeDatasetCharts(summary, dir, { png: true });
      expect(written).toHaveLength(6);
      expect(readdirSync(dir).sort()).toEqual(
        ['age-by-class', 'class-counts', 'sex-by-class'].flatMap((n) => [
          `${n}.png`,
          `${n}.svg`,
        ]),
      );
      const png = readFileSync(join(dir, 'class-counts.png'));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a summary without classes', async () => {
    await expect(renderDatasetChartsSvg({ classes: [] })).rejects.toThrow(
      /at least one class/,
    );
  });
});
