import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { writeRunReport } from './run-report.js';
import { buildTinyRun } from './test-helpers/tiny-run.js';

const CHROMIUM = process.env.CARDIOKIT_CHROMIUM ?? '/usr/bin/chromium';
const repoRoot = resolve(__dirname, '../..');

if (!existsSync(CHROMIUM)) {
  process.stderr.write(
    `report browser test skipped: no Chromium at ${CHROMIUM} (Debian: apt-get install chromium)\n`,
  );
}

describe.skipIf(!existsSync(CHROMIUM))('run report in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cardiokit-report-browser-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens without console errors, shows every chart, and is screenshot', async () => {
    const runDir = join(dir, 'run');
    await buildTinyRun(repoRoot, runDir);
    const file = await writeRunReport(runDir);

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) =>
        problems.push(`request failed: ${request.url()}`),
      );
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      // Every chart of the report, each an inline SVG with a visible size.
      const charts = await page.locator('figure.chart').evaluateAll((figures) =>
        figures.map((f) => {
          const svg = f.querySelector('svg');
          const box = svg?.getBoundingClientRect();
          return {
            name: f.getAttribute('data-chart'),
            width: box?.width ?? 0,
            height: box?.height ?? 0,
            marks: svg?.querySelectorAll('path, line, rect, text').length ?? 0,
          };
        }),
      );
      const names = charts.map((c) => c.name);
      for (const name of [
        'class-counts',
        'age-by-class',
        'sex-by-class',
        'history',
        'roc',
        'pr',
        'confusion',
        'calibration',
        'example-1',
      ]) {
        expect(names).toContain(name);
      }
      for (const chart of charts) {
        expect(chart.width, `${chart.name} width`).toBeGreaterThan(100);
        expect(chart.height, `${chart.name} height`).toBeGreaterThan(100);
        expect(chart.marks, `${chart.name} marks`).toBeGreaterThan(10);
        await expect(
          page.locator(`figure[data-chart="${chart.name}"] svg`).isVisible(),
        ).resolves.toBe(true);
      }
      expect(await page.locator('table.metrics tbody tr').count()).toBeGreaterThanOrEqual(
        2,
      );

      const screenshot = join(tmpdir(), 'cardiokit-report-screenshot.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      expect(existsSync(screenshot)).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
