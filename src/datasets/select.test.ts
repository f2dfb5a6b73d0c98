import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetError, NotImplementedError } from '../util/errors.js';
import { loadPtbxlCatalogue } from './ptbxl.js';
import { selectMiVersusNormal } from './select.js';
import type { Catalogue } from './types.js';

const repoRoot = resolve(import.meta.dirname, '../..');

describe('selectMiVersusNormal', () => {
  it('labels the embedded PTB-XL sample 73 MI and 290 normal, 137 left out by reason', async () => {
    const catalogue = await loadPtbxlCatalogue(join(repoRoot, 'data/ptbxl'));
    const selection = selectMiVersusNormal(catalogue);
    expect(selection.entries.filter((e) => e.label === 1)).toHaveLength(73);
    expect(selection.entries.filter((e) => e.label === 0)).toHaveLength(290);
    expect(selection.excluded).toHaveLength(137);
    const counted = Object.values(selection.excludedByReason).reduce((a, b) => a + b, 0);
    expect(counted).toBe(137);
    // Every MI record is kept whatever its other superclasses; NORM+STTC is not normal.
    for (const entry of selection.entries) {
      expect(entry.label).toBe(entry.classes.includes('MI') ? 1 : 0);
      if (entry.label === 0) expect(entry.classes).toEqual(['NORM']);
    }
    expect(selection.excludedByReason['NORM with another superclass']).toBeGreaterThan(0);
  });

  it('throws a DatasetError naming the absent class', async () => {
    const catalogue = await loadPtbxlCatalogue(join(repoRoot, 'data/ptbxl'));
    const miOnly: Catalogue = {
      ...catalogue,
      entries: catalogue.entries.filter((e) => e.classes.includes('MI')),
    };
    expect(() => selectMiVersusNormal(miOnly)).toThrow(DatasetError);
    expect(() => selectMiVersusNormal(miOnly)).toThrow(/no normal \(label 0\) record/);
  });

  it('refuses a database it has no rule for', () => {
    const mitdb: Catalogue = {
      database: 'mitdb',
      rootDir: '/x',
      entries: [],
      excluded: [],
    };
    expect(() => selectMiVersusNormal(mitdb)).toThrow(NotImplementedError);
  });

  const ptbdbDir = resolve(repoRoot, '../shared/data/ptbdb');
  it.skipIf(!existsSync(ptbdbDir))(
    'labels ptbdb reasons (skipped when ../shared/data/ptbdb is absent)',
    async () => {
      const { loadPtbdbCatalogue } = await import('./ptbdb.js');
      const catalogue = await loadPtbdbCatalogue(ptbdbDir);
      // The shared copy holds 4 MI records and no healthy control.
      expect(() => selectMiVersusNormal(catalogue)).toThrow(
        /no normal \(label 0\) record/,
      );
    },
  );
});
