import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRecord } from '../wfdb/index.js';
import { detectRPeaks } from './detect-r-peaks.js';
import { evaluateDatabase, evaluateRecord } from './evaluate-database.js';
import { detectRPeaksMultiLead } from './fuse-leads.js';
import { totalBeatMatch } from './match-beats.js';
import { R_PEAK_METHODS } from './types.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const ptbdbRecord = resolve(repoRoot, 'data/ptbdb/patient001/s0010_re');
const ptbxl100 = resolve(repoRoot, 'data/ptbxl/records100/00000');
const ptbxl500 = resolve(repoRoot, '../shared/data/ptbxl/records500/00000');
const mitdb = resolve(repoRoot, '../shared/data/mitdb');

describe('R peaks on ptbdb patient001/s0010_re (embedded, 1000 Hz, 15 leads)', () => {
  it('finds the 52 beats on every one of the 15 leads with the default detector', async () => {
    const record = await readRecord(ptbdbRecord);
    expect(record.signalNames).toHaveLength(15);
    const counts = record.physical.map(
      (lead) => detectRPeaks(lead, record.samplingRateHz).length,
    );
    expect(counts).toEqual(new Array(15).fill(52));
  });

  it('fuses the 15 leads into the same 52 beats', async () => {
    const record = await readRecord(ptbdbRecord);
    const fused = detectRPeaksMultiLead(record.physical, record.samplingRateHz);
    expect(fused.rPeakIndices).toHaveLength(52);
    expect(Math.min(...fused.votes)).toBeGreaterThanOrEqual(14);
  });
});

describe('R peaks on inverted PTB-XL leads', () => {
  const cases: Array<[string, string]> = [
    [ptbxl100, '00001_lr'],
    [ptbxl100, '00010_lr'],
    [ptbxl500, '00001_hr'],
  ];
  for (const [dir, name] of cases) {
    const path = join(dir, name);
    const skip = !existsSync(`${path}.hea`);
    it.skipIf(skip).each(R_PEAK_METHODS)(
      `${name}: %s gives the same beats on -lead${skip ? ' (skipped: ../shared/data absent)' : ''}`,
      async (method) => {
        const record = await readRecord(path);
        for (const lead of record.physical) {
          const original = detectRPeaks(lead, record.samplingRateHz, { method });
          const inverted = detectRPeaks(
            lead.map((v) => -v),
            record.samplingRateHz,
            { method },
          );
          expect(Array.from(inverted)).toEqual(Array.from(original));
        }
      },
    );
  }
});

describe.skipIf(!existsSync(mitdb))(
  'R peaks on MIT-BIH Arrhythmia records (../shared/data/mitdb; skipped when absent)',
  () => {
    it('elgendi-2010 scores Se and PPV >= 99.5% over records 100, 108, 207 and 232', async () => {
      // 108 (large P waves, noise), 207 (flutter episode excluded, bundle branch blocks) and
      // 232 (long pauses) are among the hardest; the full 48 are in bench/peaks.ts.
      const results = [];
      for (const name of ['100', '108', '207', '232']) {
        results.push(await evaluateRecord(join(mitdb, name)));
      }
      const total = totalBeatMatch(results);
      expect(total.sensitivity).toBeGreaterThanOrEqual(0.995);
      expect(total.positivePredictivity).toBeGreaterThanOrEqual(0.995);
      expect(results[0].lead).toBe('MLII');
      expect(results[0].referenceBeats).toBe(2273);
    });

    it('pan-tompkins-1985 scores Se and PPV >= 99.5% on record 100', async () => {
      const result = await evaluateRecord(join(mitdb, '100'), {
        method: 'pan-tompkins-1985',
      });
      expect(result.sensitivity).toBeGreaterThanOrEqual(0.995);
      expect(result.positivePredictivity).toBeGreaterThanOrEqual(0.995);
    });

    it('evaluateDatabase scores every annotated record of a folder', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'cardiokit-mitdb-'));
      try {
        for (const name of ['100', '101']) {
          for (const ext of ['hea', 'dat', 'atr']) {
            await symlink(join(mitdb, `${name}.${ext}`), join(dir, `${name}.${ext}`));
          }
        }
        await symlink(join(mitdb, '102.hea'), join(dir, '102.hea'));
        const { records, total } = await evaluateDatabase(dir);
        expect(records.map((r) => r.record)).toEqual(['100', '101']);
        expect(total.referenceBeats).toBe(
          records[0].referenceBeats + records[1].referenceBeats,
        );

        // Record 102 has no MLII lead: 'stop' throws, naming it; 'skip' reports it, goes on.
        for (const ext of ['dat', 'atr']) {
          await symlink(join(mitdb, `102.${ext}`), join(dir, `102.${ext}`));
        }
        await expect(evaluateDatabase(dir, { lead: 'MLII' })).rejects.toThrow(/102\.hea/);
        const partial = await evaluateDatabase(dir, { lead: 'MLII', onError: 'skip' });
        expect(partial.records.map((r) => r.record)).toEqual(['100', '101']);
        expect(partial.skipped.map((s) => s.record)).toEqual(['102']);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  },
);
