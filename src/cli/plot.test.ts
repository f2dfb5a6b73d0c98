import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './test-helpers/run-cli.js';
import { findAll, hasClass, parseSvg } from '../report/test-helpers/svg-tree.js';
import { buildTinyRun } from '../report/test-helpers/tiny-run.js';
import { registerPlot } from './plot.js';
import { registerReport } from './report.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const record = resolve(repoRoot, 'data/ptbdb/patient001/s0010_re');
const mitdb100 = resolve(repoRoot, '../shared/data/mitdb/100');
const dir = mkdtempSync(join(tmpdir(), 'cardiokit-plot-cli-'));

/** Runs `cardiokit ...args` in-process with the plot and report commands. */
const run = (...args: string[]) => runCli([registerPlot, registerReport], args);

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cardiokit plot', () => {
  it('draws a range of a 1000 Hz ptbdb record in 6x2 with a filtered overlay and R peaks', async () => {
    const out = join(dir, 'ptbdb.svg');
    const args = [
      'plot',
      record,
      '--out',
      out,
      '--layout',
      '6x2',
      '--from',
      '2',
      '--to',
      '6',
    ];
    const { stdout, exitCode } = await run(
      ...args,
      '--filter',
      'highpass:0.5',
      'lowpass:40',
      '--peaks',
      '--json',
    );
    expect(exitCode).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({
      layout: '6x2',
      fromSec: 2,
      toSec: 6,
      samplingRateHz: 1000,
    });
    expect(summary.filters).toEqual([
      'Butterworth order 4, high-pass 0.5 Hz',
      'Butterworth order 4, low-pass 40 Hz',
    ]);
    // About 70 beats a minute: 4 to 6 beats in 4 s.
    expect(summary.rPeaks).toBeGreaterThanOrEqual(4);
    expect(summary.rPeaks).toBeLessThanOrEqual(6);

    const root = parseSvg(readFileSync(out, 'utf8'));
    const leads = findAll(root, (n) => n.name === 'g' && hasClass(n, 'lead'));
    expect(leads).toHaveLength(12);
    expect(leads[0].attributes['data-from-sec']).toBe('2');
    expect(leads[1].attributes['data-to-sec']).toBe('6');
    for (const lead of leads) {
      expect(findAll(lead, (n) => hasClass(n, 'overlay'))).toHaveLength(1);
    }
    const marked = findAll(root, (n) => hasClass(n, 'r-peaks'));
    expect(marked.length).toBeGreaterThan(0);
  });

  it('writes a PNG when the file name ends in .png', async () => {
    const out = join(dir, 'ptbdb.png');
    const { exitCode } = await run(
      'plot',
      record,
      '--out',
      out,
      '--from',
      '0',
      '--to',
      '10',
    );
    expect(exitCode).toBe(0);
    expect(readFileSync(out).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('draws a two-lead record one lead a row when --layout is not given', async () => {
    const out = join(dir, 'mitdb-default.svg');
    const args = ['plot', mitdb100, '--out', out, '--from', '60', '--to', '70'];
    const { stdout, exitCode } = await run(...args, '--json');
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout).layout).toBe('1x12');
    const root = parseSvg(readFileSync(out, 'utf8'));
    const leads = findAll(root, (n) => n.name === 'g' && hasClass(n, 'lead'));
    expect(leads.map((lead) => lead.attributes['data-lead'])).toEqual(['MLII', 'V5']);

    // The 12 standard leads still default to 3x4; an explicit 3x4 on 2 leads is an error.
    const ptbdb = await run('plot', record, '--out', join(dir, 'd.svg'), '--json');
    expect(JSON.parse(ptbdb.stdout).layout).toBe('3x4');
    const explicit = await run(...args, '--layout', '3x4');
    expect(explicit.exitCode).toBe(1);
    expect(explicit.stderr).toMatch(/layout must be a record with the 12 standard leads/);
  });

  it('refuses a PNG above 64 megapixels, naming --px-per-mm and the largest value', async () => {
    const out = join(dir, 'huge.png');
    const { exitCode, stderr } = await run(
      'plot',
      record,
      '--out',
      out,
      '--from',
      '0',
      '--to',
      '10',
      '--px-per-mm',
      '1000',
    );
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(
      /--px-per-mm must be at most \d+(\.\d)? for this page as PNG \(got 1000\)/,
    );
    expect(stderr).toContain('above the limit of 64 megapixels');
    expect(existsSync(out)).toBe(false);
  });

  it('exits non-zero with a message naming the problem, without a stack trace', async () => {
    const bad = await run('plot', record, '--out', join(dir, 'x.jpg'));
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/--out must be a file name ending in \.svg or \.png/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const filter = await run(
      'plot',
      record,
      '--out',
      join(dir, 'y.svg'),
      '--filter',
      'smooth:3',
    );
    expect(filter.exitCode).toBe(1);
    expect(filter.stderr).toMatch(
      /use lowpass:HZ, highpass:HZ, bandpass:LO-HI or notch:HZ/,
    );
  });
});

describe('cardiokit report', () => {
  it('writes report.html into a run folder and prints its path as JSON', async () => {
    const runDir = join(dir, 'run');
    await buildTinyRun(repoRoot, runDir);
    const { stdout, exitCode } = await run('report', runDir, '--json');
    expect(exitCode).toBe(0);
    const file = JSON.parse(stdout).report;
    expect(file).toBe(join(runDir, 'report.html'));
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('writes report.html inside --out when --out is an existing folder', async () => {
    const runDir = join(dir, 'run');
    if (!existsSync(runDir)) await buildTinyRun(repoRoot, runDir);
    const outDir = join(dir, 'reports');
    mkdirSync(outDir);
    const { stdout, exitCode } = await run('report', runDir, '--out', outDir, '--json');
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout).report).toBe(join(outDir, 'report.html'));
    expect(readFileSync(join(outDir, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('exits non-zero naming the fields of a metrics.json that lacks them', async () => {
    const runDir = join(dir, 'empty-metrics');
    mkdirSync(runDir);
    writeFileSync(join(runDir, 'config.json'), '{}');
    writeFileSync(join(runDir, 'metrics.json'), '{}');
    const { exitCode, stderr } = await run('report', runDir);
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/metrics\.json: test\.record missing/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('names the missing config.json of a folder that is not a run', async () => {
    const { exitCode, stderr } = await run('report', join(dir, 'no-run'));
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/config\.json: not found: RUN must be a run folder/);
  });
});
