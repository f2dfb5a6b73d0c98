import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { refuseNonMiRun, runTaskOf } from './run-task.js';

async function runFolder(config: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cardiokit-run-task-'));
  await mkdir(path.join(dir, 'model'));
  await writeFile(path.join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

describe('runTaskOf and refuseNonMiRun', () => {
  it('reads the task from the run folder or from the folder above its model', async () => {
    const aami = await runFolder({ task: 'aami' });
    expect(await runTaskOf(aami)).toBe('aami');
    expect(await runTaskOf(path.join(aami, 'model'))).toBe('aami');
    expect(await runTaskOf(await runFolder({ model: { name: 'x' } }))).toBeUndefined();
    expect(await runTaskOf('/nonexistent-run')).toBeUndefined();
  });

  it('refuses aami and transfer runs by name and lets MI runs through', async () => {
    await expect(
      refuseNonMiRun(await runFolder({ task: 'aami' }), 'evaluate'),
    ).rejects.toThrow(/cardiokit evaluate on an aami run .* is not supported/);
    await expect(
      refuseNonMiRun(await runFolder({ task: 'mi-transfer' }), 'predict'),
    ).rejects.toThrow(/predict on a transfer run .*saves no model/);
    await expect(refuseNonMiRun(await runFolder({}), 'report')).resolves.toBeUndefined();
  });
});
