import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileError } from '../util/errors.js';
import { readHeader, readRecord, writeRecord } from './index.js';

let dir = '';
const ramp = Int32Array.from({ length: 100 }, (_, i) => i - 50);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cardiokit-header-path-'));
  await writeRecord(join(dir, 'rec'), {
    signalNames: ['I'],
    samplingRateHz: 100,
    digital: [ramp],
    format: 16,
  });
  await mkdir(join(dir, 'folder'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readHeader record paths', () => {
  it('drops a .dat extension when the header without it exists', async () => {
    const header = await readHeader(join(dir, 'rec.dat'));
    expect(header.headerPath).toBe(join(dir, 'rec.hea'));
    const rec = await readRecord(join(dir, 'rec.dat'), { digital: true });
    expect(Array.from(rec.digital![0].subarray(0, 3))).toEqual([-50, -49, -48]);
  });

  it('still looks for <path>.hea when neither header exists', async () => {
    await expect(readHeader(join(dir, 'gone.dat'))).rejects.toThrow(
      `${join(dir, 'gone.dat')}.hea: header file not found`,
    );
  });

  it('says that a folder is not a record and shows a record path', async () => {
    const folder = join(dir, 'folder');
    const read = readHeader(folder);
    await expect(read).rejects.toThrow(FileError);
    await expect(readHeader(folder)).rejects.toThrow(
      `${folder}: is a directory; give a record path such as ${join(folder, '100')}`,
    );
  });
});
