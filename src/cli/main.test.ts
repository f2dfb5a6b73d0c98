import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');
const main = join(repoRoot, 'src/cli/main.ts');

/** Runs `cardiokit ...args | head ...` in bash; returns head's output, stderr, exit code. */
async function runPiped(args: string[], head: string) {
  const quoted = args.map((a) => `'${a}'`).join(' ');
  const script =
    `'${process.execPath}' --import tsx '${main}' ${quoted} | head ${head}; ` +
    'echo "exit=${PIPESTATUS[0]}" >&2';
  const { stdout, stderr } = await promisify(execFile)('bash', ['-c', script], {
    cwd: repoRoot,
  });
  const exit = /exit=(\d+)/.exec(stderr);
  return {
    stdout,
    stderr: stderr.replace(/exit=\d+\n?/, ''),
    exitCode: Number(exit?.[1]),
  };
}

describe('cardiokit main: output piped into a reader that stops early', () => {
  const record = 'data/ptbdb/patient001/s0010_re';

  it('export | head -2 exits 0 without a stack trace', async () => {
    const result = await runPiped(['export', record], '-2');
    expect(result.stdout.split('\n')[0]).toMatch(/^sample,time_s,i,/);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  }, 60_000);

  it('export --format json | head -c 100 exits 0 without a stack trace', async () => {
    const result = await runPiped(['export', record, '--format', 'json'], '-c 100');
    expect(result.stdout).toHaveLength(100);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  }, 60_000);
});
