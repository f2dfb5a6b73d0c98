import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileError } from '../util/errors.js';
import { readRecord, TruncatedFileError, writeRecord } from './index.js';

let dir = '';
const ramp = Int32Array.from({ length: 1000 }, (_, i) => i - 500);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cardiokit-signal-file-'));
  // 21 bytes of format 16: ten whole samples and one stray byte.
  await writeFile(join(dir, 'tiny.dat'), new Uint8Array(21));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readRecord on a signal file too short for the header', () => {
  it('gives the real file size when the range starts inside the file', async () => {
    await writeRecord(join(dir, 'cut'), {
      signalNames: ['I'],
      samplingRateHz: 100,
      digital: [ramp],
      format: 16,
    });
    await truncate(join(dir, 'cut.dat'), 1500);
    const read = readRecord(join(dir, 'cut'), { fromSample: 700, toSample: 900 });
    await expect(read).rejects.toThrow(TruncatedFileError);
    await expect(
      readRecord(join(dir, 'cut'), { fromSample: 700, toSample: 900 }),
    ).rejects.toThrow(/cut\.dat: truncated: .* needs 1800 bytes but the file has 1500;/);
  });

  it('says that a byte offset starts past the end of the file', async () => {
    await writeFile(join(dir, 'far.hea'), 'far 1 100 5\ntiny.dat 16+99999 200 16 0 0\n');
    await expect(readRecord(join(dir, 'far'))).rejects.toThrow(
      /tiny\.dat: truncated: the requested range starts at byte 99999, past the end of the file, and needs 100009 bytes but the file has 21;/,
    );
  });

  it('reports a huge announced length as truncated, naming needed and actual bytes', async () => {
    await writeFile(
      join(dir, 'huge.hea'),
      'huge 1 100 99999999999999\ntiny.dat 16 200\n',
    );
    const read = readRecord(join(dir, 'huge'));
    await expect(read).rejects.toThrow(TruncatedFileError);
    await expect(readRecord(join(dir, 'huge'))).rejects.toThrow(
      /tiny\.dat: truncated: .* needs 199999999999998 bytes but the file has 21;/,
    );
  });

  it('names a signal file that is a directory', async () => {
    await mkdir(join(dir, 'folder.dat'));
    await writeFile(join(dir, 'folder.hea'), 'folder 1 100 10\nfolder.dat 16 200\n');
    const read = readRecord(join(dir, 'folder'));
    await expect(read).rejects.toThrow(FileError);
    await expect(readRecord(join(dir, 'folder'))).rejects.toThrow(
      /folder\.dat: is a directory, but the header names it as a signal file/,
    );
  });
});
