import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reportError } from './context.js';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cardiokit-context-'));
  await writeFile(join(dir, '100.hea'), '100 1 360 10\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The error a promise rejects with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** What reportError writes to stderr for `error`. */
function reported(error: unknown): string {
  const stderr: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (chunk) => stderr.push(String(chunk)) > 0,
  );
  reportError(error, false);
  vi.restoreAllMocks();
  return stderr.join('');
}

describe('reportError on file-system errors', () => {
  it('names a missing path in plain words (ENOENT)', async () => {
    const missing = join(dir, 'nope');
    const text = reported(await rejection(readdir(missing)));
    expect(text).toBe(`error: ${missing}: not found; check the path\n`);
  });

  it('names a file given where a folder was expected (ENOTDIR)', async () => {
    const file = join(dir, '100.hea');
    const text = reported(await rejection(readdir(file)));
    expect(text).toMatch(new RegExp(`^error: ${file}: is not a folder`));
    expect(text).not.toMatch(/internal error|ENOTDIR|scandir/);
  });

  it('names a folder given where a file was expected (EISDIR)', async () => {
    const text = reported(await rejection(readFile(dir)));
    expect(text).toMatch(/is a folder, but a file was expected/);
    expect(text).not.toMatch(/internal error|EISDIR/);
  });

  it('still reports other errors as internal, with the --debug hint', () => {
    const text = reported(new RangeError('Invalid typed array length'));
    expect(text).toMatch(/^error: internal error: Invalid typed array length\nrun again/);
  });
});
