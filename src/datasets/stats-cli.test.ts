import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { CatalogueDescription } from './describe.js';

const repoRoot = resolve(import.meta.dirname, '../..');

function runCli(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const main = join(repoRoot, 'src/cli/main.ts');
  return promisify(execFile)(process.execPath, ['--import', 'tsx', main, ...args], {
    cwd: repoRoot,
  });
}

describe('cardiokit stats', () => {
  it('prints the MI-versus-normal description of the embedded sample as JSON', async () => {
    const { stdout } = await runCli([
      'stats',
      'data/ptbxl',
      '--task',
      'mi-vs-normal',
      '--json',
    ]);
    const description = JSON.parse(stdout) as CatalogueDescription;
    expect(description.database).toBe('ptbxl');
    expect(description.classes.map((c) => [c.name, c.records, c.patients])).toEqual([
      ['normal', 290, 279],
      ['MI', 73, 70],
    ]);
    expect(description.excludedRecords).toBe(137);
  });

  it('prints a table with one row per class', async () => {
    const { stdout } = await runCli(['stats', 'data/ptbxl']);
    expect(stdout).toMatch(/^ptbxl at .*: 500 records, 466 patients$/m);
    expect(stdout).toMatch(
      /^MI\s+73\s+70\s+73\s+65\.9 \(15\.1\)\s+68 \[56, 79\]\s+49\s+24\s+0$/m,
    );
  });

  it('exits 1 with a message and no stack trace for a folder it cannot place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stats-'));
    try {
      const result = await runCli(['stats', dir]).catch((e: unknown) => e);
      const { code, stderr } = result as { code: number; stderr: string };
      expect(code).toBe(1);
      expect(stderr).toMatch(/^error: .*cannot tell the database.*pass --dataset\n$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
