import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetError } from '../util/errors.js';
import { EMBEDDED_PTBXL_DIR } from './config.js';
import { runTraining } from './run.js';
import { tinyConfig } from './test-helpers/tiny-config.js';

const repoRoot = resolve(__dirname, '../..');
const sharedPtbdb = resolve(repoRoot, '../shared/data/ptbdb');
const REAL_PTBDB = ['patient001/s0010_re', 'patient001/s0014lre', 'patient002/s0015lre'];

/** Writes a PTB-XL 100 Hz record as a ptbdb record with the given reason for admission. */
async function writeAsPtbdb(
  root: string,
  ptbxlId: string,
  patient: string,
  reason: string,
): Promise<void> {
  const name = `s${ptbxlId.slice(0, 5)}_re`;
  const source = join(EMBEDDED_PTBXL_DIR, 'records100/00000', ptbxlId);
  const header = (await readFile(`${source}.hea`, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => line.replace(ptbxlId, name));
  await mkdir(join(root, patient), { recursive: true });
  await copyFile(`${source}.dat`, join(root, patient, `${name}.dat`));
  const comments = ['# age: 60', '# sex: male', `# Reason for admission: ${reason}`];
  await writeFile(
    join(root, patient, `${name}.hea`),
    `${[...header, ...comments].join('\n')}\n`,
  );
}

describe.skipIf(!existsSync(sharedPtbdb))(
  '--dataset ptbdb end to end (needs ../shared/data/ptbdb)',
  () => {
    let root: string;
    let mixed: string;
    let onlyMi: string;

    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'cardiokit-ptbdb-'));
      // Real ptbdb MI records (1000 Hz), PTB-XL MI and NORM records written as ptbdb ones.
      mixed = join(root, 'mixed');
      onlyMi = join(root, 'only-mi');
      for (const dir of [mixed, onlyMi]) {
        for (const record of REAL_PTBDB) {
          await mkdir(join(dir, record, '..'), { recursive: true });
          for (const ext of ['.hea', '.dat'])
            await copyFile(join(sharedPtbdb, record + ext), join(dir, record + ext));
        }
      }
      const miIds = [
        '00008_lr',
        '00039_lr',
        '00077_lr',
        '00103_lr',
        '00139_lr',
        '00142_lr',
        '00146_lr',
        '00153_lr',
      ];
      const normIds = [
        '00001_lr',
        '00002_lr',
        '00003_lr',
        '00004_lr',
        '00005_lr',
        '00006_lr',
        '00007_lr',
        '00009_lr',
        '00010_lr',
        '00011_lr',
      ];
      for (const [index, id] of miIds.entries())
        await writeAsPtbdb(mixed, id, `patient${900 + index}`, 'Myocardial infarction');
      for (const [index, id] of normIds.entries())
        await writeAsPtbdb(mixed, id, `patient${950 + index}`, 'Healthy control');
    });
    afterAll(async () => {
      await rm(root, { recursive: true, force: true });
    });

    it('trains on a ptbdb-layout folder with a stratified patient split', async () => {
      const result = await runTraining(
        tinyConfig({ dataset: 'ptbdb', dataDir: mixed, maxRecords: undefined }),
        join(root, 'run'),
      );
      const split = JSON.parse(await readFile(join(root, 'run', 'split.json'), 'utf8'));
      expect(split.scheme).toBe('stratified-patient');
      expect(result.metrics.test.record.n).toBeGreaterThanOrEqual(2);
      expect(result.metrics.test.record.positives).toBeGreaterThanOrEqual(1);
      const dataset = JSON.parse(
        await readFile(join(root, 'run', 'dataset.json'), 'utf8'),
      );
      expect(dataset.counts).toEqual({ positive: 11, negative: 10, excluded: 0 });
    });

    it('rejects a folder with only MI records with a DatasetError naming the missing class', async () => {
      await expect(
        runTraining(
          tinyConfig({ dataset: 'ptbdb', dataDir: onlyMi, maxRecords: undefined }),
          join(root, 'x'),
        ),
      ).rejects.toThrow(DatasetError);
      await expect(
        runTraining(
          tinyConfig({ dataset: 'ptbdb', dataDir: onlyMi, maxRecords: undefined }),
          join(root, 'x'),
        ),
      ).rejects.toThrow(/no normal \(label 0\) record/);
    });
  },
);
