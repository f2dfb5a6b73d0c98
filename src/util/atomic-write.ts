import { statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { ParameterError } from './errors.js';
import { dirname, join, basename } from 'node:path';

/**
 * Writes a file so that readers never see it half-written: the bytes go to a temporary
 * file beside the target, which is then renamed over it.
 * @param path the file to create or replace
 * @param data its full content
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${Date.now()}.tmp`,
  );
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Refuses, before any long work, a run folder path that is an existing file, so that the
 * run does not fail only when it writes its results.
 * @param dir the folder a run will write (absent or an existing folder are fine)
 * @param parameter the option that named it, for the message
 * @throws ParameterError when `dir` is an existing file
 */
export function refuseFileAsFolder(dir: string, parameter = '--out'): void {
  if (statSync(dir, { throwIfNoEntry: false })?.isFile()) {
    throw new ParameterError(parameter, 'a folder', dir, 'it is an existing file');
  }
}
