import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { readRecord } from '../wfdb/read-record.js';
import { ParameterError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { renderEcgPaperSvg } from './ecg-paper.js';
import type { PredictionRow } from './run-folder.js';

/** One example ECG of the report. */
export interface ExampleEcg {
  row: PredictionRow;
  /** `true positive`, `false negative`, `false positive` or `true negative`. */
  outcome: string;
  /** The chart, or undefined when the record could not be read (see `problem`). */
  svg: string | undefined;
  problem: string | undefined;
}

/**
 * Picks up to four telling records among the evaluated ones (the most confident true
 * positive, the most missed positive, the most confident false alarm, the most confident
 * true negative) and draws their first 10 seconds on ECG paper.
 * @param rows evaluated predictions
 * @param thresholdOf decision threshold of a row: positive when probability >= threshold
 * @param rootDir data set folder the record ids are relative to
 * @returns the examples, in the order above; duplicates and empty picks left out
 */
export async function exampleEcgs(
  rows: PredictionRow[],
  thresholdOf: (row: PredictionRow) => number,
  rootDir: string | undefined,
  logger: Logger,
): Promise<ExampleEcg[]> {
  const byProbability = [...rows].sort((a, b) => b.probability - a.probability);
  const positives = byProbability.filter((r) => r.label === 1);
  const negatives = byProbability.filter((r) => r.label === 0);
  const picks = [
    positives[0],
    positives[positives.length - 1],
    negatives[0],
    negatives[negatives.length - 1],
  ];
  const seen = new Set<string>();

  const examples: ExampleEcg[] = [];
  for (const row of picks) {
    if (!row || seen.has(row.recordId)) continue;
    seen.add(row.recordId);
    const predicted = row.probability >= thresholdOf(row) ? 1 : 0;
    const outcome = `${predicted === row.label ? 'true' : 'false'} ${predicted === 1 ? 'positive' : 'negative'}`;
    try {
      const svg = await drawRecord(row.recordId, rootDir);
      examples.push({ row, outcome, svg, problem: undefined });
    } catch (error) {
      const problem = (error as Error).message;
      logger.warn(`report: example ECG ${row.recordId} left out: ${problem}`);
      examples.push({ row, outcome, svg: undefined, problem });
    }
  }
  return examples;
}

async function drawRecord(
  recordId: string,
  rootDir: string | undefined,
): Promise<string> {
  if (!rootDir)
    throw new ParameterError('dataset.json rootDir', 'the data set folder', 'absent');
  const recordPath = await findRecord(rootDir, recordId);
  const record = await readRecord(recordPath);
  const toSec = Math.min(10, record.lengthSamples / record.samplingRateHz);
  const options = { fromSec: 0, toSec, pxPerMm: 3 };
  try {
    return renderEcgPaperSvg(record, { ...options, layout: '3x4' });
  } catch (error) {
    if (!(error instanceof ParameterError) || error.parameter !== 'layout') throw error;
    return renderEcgPaperSvg(record, { ...options, layout: '1x12' });
  }
}

/** Finds `<recordId>.hea` under rootDir: directly, or by name up to four folders deep. */
async function findRecord(rootDir: string, recordId: string): Promise<string> {
  const direct = join(rootDir, recordId);
  if (existsSync(`${direct}.hea`)) return direct;
  const wanted = `${basename(recordId)}.hea`;
  const visit = async (dir: string, depth: number): Promise<string | undefined> => {
    const entries = await readdir(dir, { withFileTypes: true });
    const hit = entries.find((e) => e.isFile() && e.name === wanted);
    if (hit) return join(dir, hit.name.slice(0, -4));
    if (depth === 0) return undefined;
    for (const e of entries.filter((x) => x.isDirectory())) {
      const found = await visit(join(dir, e.name), depth - 1);
      if (found) return found;
    }
    return undefined;
  };
  const found = existsSync(rootDir) ? await visit(rootDir, 4) : undefined;
  if (!found)
    throw new ParameterError(
      'record',
      `a record under ${rootDir}`,
      recordId,
      `no ${wanted} found`,
    );
  return found;
}
