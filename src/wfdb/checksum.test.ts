import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../util/logger.js';
import { readRecord, writeRecord } from './index.js';

let dir = '';
const ramp = Int32Array.from({ length: 100 }, (_, i) => i - 20);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cardiokit-checksum-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes a two-signal record, then sets the checksum field (7th) of its signal lines. */
async function recordWithChecksums(name: string, checksums: [number, number]) {
  const path = join(dir, name);
  await writeRecord(path, {
    signalNames: ['I', 'II'],
    samplingRateHz: 100,
    digital: [ramp, ramp],
    format: 16,
  });
  const lines = (await readFile(`${path}.hea`, 'utf8')).trimEnd().split('\n');
  const edited = lines.map((line, i) => {
    if (i === 0 || line.startsWith('#')) return line;
    const fields = line.split(' ');
    fields[6] = String(checksums[i - 1]);
    return fields.join(' ');
  });
  await writeFile(`${path}.hea`, `${edited.join('\n')}\n`);
  return path;
}

describe('readRecord checksum warnings', () => {
  it('takes a header whose checksums are all 0 as giving none (old ptbdb headers)', async () => {
    const logger = createMemoryLogger();
    await readRecord(await recordWithChecksums('zeros', [0, 0]), { logger });
    expect(logger.lines).toEqual([]);
  });

  it('still warns about a wrong checksum when the others are not all 0', async () => {
    const logger = createMemoryLogger();
    await readRecord(await recordWithChecksums('wrong', [0, 1234]), { logger });
    expect(logger.lines).toHaveLength(2);
    expect(logger.lines[0]).toMatch(/checksum of signal 0 'I' is .* header says 0/);
  });
});
