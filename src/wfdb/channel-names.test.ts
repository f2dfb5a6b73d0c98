import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParameterError } from '../util/errors.js';
import { readRecord, writeRecord } from './index.js';

const repoRoot = resolve(import.meta.dirname, '../..');
let dir = '';
const ramp = Int32Array.from({ length: 20 }, (_, i) => i);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cardiokit-channel-names-'));
  await writeRecord(join(dir, 'mixed'), {
    signalNames: ['V1', 'v1', 'aVR', 'aVL', 'avl'],
    samplingRateHz: 100,
    digital: [0, 100, 200, 300, 400].map((offset) => ramp.map((v) => v + offset)),
    format: 16,
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readRecord channels by name', () => {
  it("finds PTB-XL's 'II' when asked for 'ii' (ptbdb's spelling)", async () => {
    const rec = await readRecord(
      resolve(repoRoot, 'data/ptbxl/records100/00000/00001_lr'),
      {
        channels: ['ii', 'AVR'],
      },
    );
    expect(rec.signalNames).toEqual(['II', 'AVR']);
  });

  it('prefers an exact match and otherwise takes the one name equal but for case', async () => {
    const rec = await readRecord(join(dir, 'mixed'), {
      channels: ['v1', 'V1', 'avr'],
      digital: true,
    });
    expect(rec.signalNames).toEqual(['v1', 'V1', 'aVR']);
    expect(rec.digital!.map((d) => d[0])).toEqual([100, 0, 200]);
  });

  it('refuses a name that matches several names but for case, listing them', async () => {
    const read = readRecord(join(dir, 'mixed'), { channels: ['AVL'] });
    await expect(read).rejects.toThrow(ParameterError);
    await expect(readRecord(join(dir, 'mixed'), { channels: ['AVL'] })).rejects.toThrow(
      "signal name must be one of 'aVL', 'avl' exactly (they differ only in case) (got 'AVL')",
    );
  });
});
