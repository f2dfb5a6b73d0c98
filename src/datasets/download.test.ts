import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DatasetError } from '../util/errors.js';
import { downloadDatabase } from './download.js';
import { ChecksumError, DownloadError, DownloadFailuresError } from './errors.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const SUMS = join(repoRoot, 'test/fixtures/datasets/ptbxl-SHA256SUMS-excerpt.txt');
const PREFIX = '/files/ptb-xl/1.0.3/';
const DAT = 'records100/00000/00001_lr.dat';

/** A PhysioNet stand-in on 127.0.0.1 serving copies of embedded PTB-XL files. */
interface FakePhysionet {
  server: Server;
  baseUrl: string;
  files: Map<string, Buffer>;
  /** Every request: path and Range header. */
  requests: { path: string; range: string | undefined }[];
  honourRange: boolean;
}

async function startServer(): Promise<FakePhysionet> {
  const sums = await readFile(SUMS, 'utf8');
  const files = new Map<string, Buffer>([['SHA256SUMS.txt', Buffer.from(sums)]]);
  for (const line of sums.trim().split('\n')) {
    const file = line.split(' ')[1];
    files.set(file, await readFile(join(repoRoot, 'data/ptbxl', file)));
  }
  const fake = { files, requests: [], honourRange: true } as unknown as FakePhysionet;
  fake.server = createServer((request, response) => {
    const path = decodeURIComponent(request.url ?? '');
    fake.requests.push({ path, range: request.headers.range });
    const body = path.startsWith(PREFIX)
      ? files.get(path.slice(PREFIX.length))
      : undefined;
    if (body === undefined) {
      response.writeHead(404, 'Not Found').end();
      return;
    }
    const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    if (range && fake.honourRange) {
      const start = Number(range[1]);
      if (start >= body.length) {
        response.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
        return;
      }
      response.writeHead(206, {
        'content-length': body.length - start,
        'content-range': `bytes ${start}-${body.length - 1}/${body.length}`,
      });
      response.end(body.subarray(start));
      return;
    }
    response.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((done) => fake.server.listen(0, '127.0.0.1', done));
  const { port } = fake.server.address() as AddressInfo;
  fake.baseUrl = `http://127.0.0.1:${port}/files`;
  return fake;
}

describe('downloadDatabase against a local HTTP server', () => {
  let fake: FakePhysionet;
  let toDir: string;
  const original = new Map<string, Buffer>();

  beforeAll(async () => {
    fake = await startServer();
    for (const [file, body] of fake.files) original.set(file, Buffer.from(body));
  });
  afterAll(() => new Promise<void>((done) => fake.server.close(() => done())));
  beforeEach(async () => {
    toDir = await mkdtemp(join(tmpdir(), 'download-'));
    fake.requests.length = 0;
    fake.honourRange = true;
    for (const [file, body] of original) fake.files.set(file, Buffer.from(body));
  });
  afterEach(() => rm(toDir, { recursive: true, force: true }));

  const download = (more: Parameters<typeof downloadDatabase>[1] | object = {}) =>
    downloadDatabase('ptbxl', { toDir, baseUrl: fake.baseUrl, ...more });

  async function expectFilesAsServed(): Promise<void> {
    for (const [file, body] of original) {
      expect((await readFile(join(toDir, file))).equals(body), file).toBe(true);
      expect(existsSync(join(toDir, `${file}.part`)), `${file}.part`).toBe(false);
    }
  }

  it('fetches every listed file, verifies it, and keeps SHA256SUMS.txt', async () => {
    const summary = await download();
    expect(summary.downloaded).toHaveLength(5);
    expect(summary.url).toBe(`${fake.baseUrl}/ptb-xl/1.0.3/`);
    await expectFilesAsServed();
  });

  it('skips files already verified on a second run', async () => {
    await download();
    fake.requests.length = 0;
    const summary = await download();
    expect(summary.alreadyVerified).toHaveLength(5);
    expect(fake.requests.map((r) => r.path)).toEqual([`${PREFIX}SHA256SUMS.txt`]);
  });

  it('resumes a partial file with a Range request', async () => {
    const partial = join(toDir, `${DAT}.part`);
    await mkdir(dirname(partial), { recursive: true });
    await writeFile(partial, original.get(DAT)!.subarray(0, 1000));
    const summary = await download();
    expect(summary.resumed).toEqual([DAT]);
    expect(fake.requests.find((r) => r.path === PREFIX + DAT)?.range).toBe('bytes=1000-');
    await expectFilesAsServed();
  });

  it('verifies a partial file that is already whole when the server answers 416', async () => {
    const partial = join(toDir, `${DAT}.part`);
    await mkdir(dirname(partial), { recursive: true });
    await writeFile(partial, original.get(DAT)!);
    const summary = await download({ include: [DAT] });
    expect(summary.resumed).toEqual([DAT]);
    expect((await readFile(join(toDir, DAT))).equals(original.get(DAT)!)).toBe(true);
  });

  it('starts again when the server ignores Range', async () => {
    fake.honourRange = false;
    const partial = join(toDir, `${DAT}.part`);
    await mkdir(dirname(partial), { recursive: true });
    await writeFile(partial, Buffer.alloc(500, 7));
    const summary = await download();
    expect(summary.downloaded).toContain(DAT);
    await expectFilesAsServed();
  });

  it('deletes a corrupted file, names it, and keeps the good ones', async () => {
    const corrupted = Buffer.from(original.get(DAT)!);
    corrupted[100] ^= 0xff;
    fake.files.set(DAT, corrupted);
    const error = await download().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadFailuresError);
    const failures = (error as DownloadFailuresError).failures;
    expect(failures.map((f) => f.file)).toEqual([DAT]);
    expect(failures[0].message).toMatch(
      /00001_lr\.dat: SHA-256 [0-9a-f]{64} does not match/,
    );
    expect(existsSync(join(toDir, DAT))).toBe(false);
    expect(existsSync(join(toDir, `${DAT}.part`))).toBe(false);
    expect(existsSync(join(toDir, 'records100/00000/00002_lr.dat'))).toBe(true);
    // Once the server is right again, a second run completes the set.
    fake.files.set(DAT, original.get(DAT)!);
    await download();
    await expectFilesAsServed();
  });

  it('rejects a resumed file whose earlier bytes were wrong', async () => {
    const partial = join(toDir, `${DAT}.part`);
    await mkdir(dirname(partial), { recursive: true });
    await writeFile(partial, Buffer.alloc(1000, 1));
    const error = await download({ include: [DAT], stopOnError: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChecksumError);
    expect(existsSync(join(toDir, DAT))).toBe(false);
    expect(existsSync(partial)).toBe(false);
  });

  it('replaces a file that exists under its name with the wrong content', async () => {
    await mkdir(dirname(join(toDir, DAT)), { recursive: true });
    await writeFile(join(toDir, DAT), 'not the record');
    const summary = await download({ include: [DAT] });
    expect(summary.downloaded).toEqual([DAT]);
    expect((await readFile(join(toDir, DAT))).equals(original.get(DAT)!)).toBe(true);
  });

  it('names the URL of a file the server does not have', async () => {
    fake.files.delete(DAT);
    const error = await download({ stopOnError: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as Error).message).toContain(
      `${PREFIX}${DAT}: server answered HTTP 404`,
    );
  });

  it('fetches only the files under --include, and says when none match', async () => {
    const summary = await download({ include: ['records100/00000/00002'] });
    expect(summary.downloaded).toEqual([
      'records100/00000/00002_lr.dat',
      'records100/00000/00002_lr.hea',
    ]);
    await expect(download({ include: ['records500/'] })).rejects.toThrow(DatasetError);
  });

  it('names the server when it cannot be reached, and a wrong version', async () => {
    // A port that was just free: nothing listens there.
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((done) => closed.close(() => done()));
    await expect(
      downloadDatabase('ptbxl', { toDir, baseUrl: `http://127.0.0.1:${port}/files` }),
    ).rejects.toThrow(/SHA256SUMS\.txt: cannot connect \(ECONNREFUSED\)/);
    await expect(download({ version: '9.9.9' })).rejects.toThrow(
      /HTTP 404.*--db-version/,
    );
    await expect(download({ version: '../x' })).rejects.toThrow(/version must be/);
  });

  it('runs as `cardiokit download`: summary on stdout, one line per file on stderr', async () => {
    const args = [
      'ptbxl',
      '--to',
      toDir,
      '--base-url',
      fake.baseUrl,
      '--include',
      'records100/',
    ];
    const { stdout, stderr } = await runCli(['download', ...args]);
    expect(stdout).toBe(
      `ptbxl: 4 downloaded, 0 resumed, 0 already verified, in ${toDir}\n`,
    );
    expect(stderr).toContain(`[1/4] ${DAT}`);
  });

  it('exits 1 without a stack trace when a file is corrupted', async () => {
    const corrupted = Buffer.from(original.get(DAT)!);
    corrupted[0] ^= 1;
    fake.files.set(DAT, corrupted);
    const args = ['ptbxl', '--to', toDir, '--base-url', fake.baseUrl];
    const result = await runCli(['download', ...args]).catch((e: unknown) => e);
    const { code, stderr } = result as { code: number; stderr: string };
    expect(code).toBe(1);
    expect(stderr).toMatch(/error: 1 of 5 files failed/);
    expect(stderr).toMatch(/00001_lr\.dat: SHA-256 .* does not match/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

/** Runs the command line from source, as `npx cardiokit` would after a build. */
function runCli(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const main = join(repoRoot, 'src/cli/main.ts');
  return promisify(execFile)(process.execPath, ['--import', 'tsx', main, ...args], {
    cwd: repoRoot,
  });
}
