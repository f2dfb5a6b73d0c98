import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { NotImplementedError } from '../util/errors.js';

/**
 * The task a run folder's `config.json` names: `aami`, `mi-transfer`, or undefined for an
 * MI run (whose config has no task) and for a folder without a readable config (the
 * MI readers name the file and what is wrong).
 * @param runDir a run folder, or the `model` folder inside one
 */
export async function runTaskOf(runDir: string): Promise<string | undefined> {
  const folders = basename(runDir) === 'model' ? [runDir, dirname(runDir)] : [runDir];
  for (const folder of folders) {
    try {
      const config = JSON.parse(await readFile(join(folder, 'config.json'), 'utf8'));
      const task = (config as { task?: unknown }).task;
      if (typeof task === 'string') return task;
    } catch {
      // not this folder
    }
  }
  return undefined;
}

/**
 * Refuses, with a message that says why, a command that reads MI runs only when it is
 * given the folder of an AAMI or transfer run.
 * @throws NotImplementedError for an `aami` or `mi-transfer` run folder
 */
export async function refuseNonMiRun(runDir: string, command: string): Promise<void> {
  const task = await runTaskOf(runDir);
  if (task === 'aami') {
    throw new NotImplementedError(
      `cardiokit ${command} on an aami run (${runDir})`,
      'it reads MI runs; the aami results are in metrics.json and report.html',
    );
  }
  if (task === 'mi-transfer') {
    throw new NotImplementedError(
      `cardiokit ${command} on a transfer run (${runDir})`,
      'a transfer run keeps its results in metrics.json (AUC per variant and seed) ' +
        'and saves no model',
    );
  }
}
