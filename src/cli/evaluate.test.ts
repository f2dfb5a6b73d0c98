import { describe, expect, it } from 'vitest';
import { runCli } from './test-helpers/run-cli.js';
import { registerEvaluate } from './evaluate.js';

describe('cardiokit evaluate --atol', () => {
  it.each(['abc', '-1', ''])(
    "refuses --atol '%s' before reading the run",
    async (atol) => {
      const result = await runCli(
        [registerEvaluate],
        ['evaluate', '/nonexistent-run', '--atol', atol],
      );
      expect(result.exitCode).not.toBe(0);
      expect(result.stderr).toContain(`--atol must be a number >= 0 (got '${atol}')`);
    },
  );
});
