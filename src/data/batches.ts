/**
 * Batches of fixed windows for training and evaluation, produced by async iterators
 * that read records lazily through a {@link RecordStore}.
 */
import type { LeadStatistics, PreprocessingConfig } from './preprocess.js';
import { loadPreprocessed } from './preprocess.js';
import { shuffled, type RandomSource } from './random.js';
import { SignalLengthError } from '../util/errors.js';
import { randomCropStart, slidingWindowStarts } from './windows.js';

/** A record the pipeline can read, with its label and patient. */
export interface PipelineItem {
  recordId: string;
  recordPath: string;
  patientId: string;
  label: 0 | 1;
}

/** One batch: inputs `[size, windowSamples, leads]` (channels-last), labels 0/1. */
export interface WindowBatch {
  inputs: Float32Array;
  labels: Float32Array;
  size: number;
  /** Index into the item list of the record each window came from. */
  itemIndices: number[];
}

/**
 * Reads and preprocesses records on demand, optionally keeping them in memory.
 * @remarks With `cache: true` each record is read once (the embedded sample takes about
 * 17 MB as float32); with `cache: false` memory stays bounded by about one batch:
 * evaluation reads each record once per pass, training reads a record for each crop.
 */
export class RecordStore {
  private readonly memory = new Map<string, Float32Array[]>();

  constructor(
    readonly config: PreprocessingConfig,
    readonly options: { cache: boolean } = { cache: true },
    private readonly load: (item: PipelineItem) => Promise<Float32Array[]> = (item) =>
      loadPreprocessed(item.recordPath, config, item.recordId),
  ) {}

  /** The preprocessed (not yet standardised) leads of a record. */
  async get(item: PipelineItem): Promise<Float32Array[]> {
    const cached = this.memory.get(item.recordId);
    if (cached) return cached;
    const leads = await this.load(item);
    if (this.options.cache) this.memory.set(item.recordId, leads);
    return leads;
  }
}

/** Copies a standardised window into a batch, channels-last. */
function writeWindow(
  leads: readonly Float32Array[],
  stats: LeadStatistics,
  fromSample: number,
  windowSamples: number,
  target: Float32Array,
  offset: number,
): void {
  const leadCount = leads.length;
  for (let lead = 0; lead < leadCount; lead++) {
    const signal = leads[lead];
    const mean = stats.mean[lead];
    const scale = 1 / stats.std[lead];
    for (let t = 0; t < windowSamples; t++) {
      target[offset + t * leadCount + lead] = (signal[fromSample + t] - mean) * scale;
    }
  }
}

export interface BatchShape {
  windowSamples: number;
  batchSize: number;
  stats: LeadStatistics;
}

/** A window to cut: which item and where. */
interface WindowRef {
  itemIndex: number;
  fromSample: number;
  /** The record's leads, already read: a window never reads its record again. */
  leads: Float32Array[];
}

async function* batchesOf(
  items: readonly PipelineItem[],
  windows: Iterable<WindowRef> | AsyncIterable<WindowRef>,
  shape: BatchShape,
): AsyncGenerator<WindowBatch> {
  const leadCount = shape.stats.mean.length;
  const windowSize = shape.windowSamples * leadCount;
  let inputs = new Float32Array(shape.batchSize * windowSize);
  let labels = new Float32Array(shape.batchSize);
  let itemIndices: number[] = [];
  for await (const window of windows) {
    const item = items[window.itemIndex];
    const leads = window.leads;
    const slot = itemIndices.length;
    writeWindow(
      leads,
      shape.stats,
      window.fromSample,
      shape.windowSamples,
      inputs,
      slot * windowSize,
    );
    labels[slot] = item.label;
    itemIndices.push(window.itemIndex);
    if (itemIndices.length === shape.batchSize) {
      yield { inputs, labels, size: shape.batchSize, itemIndices };
      inputs = new Float32Array(shape.batchSize * windowSize);
      labels = new Float32Array(shape.batchSize);
      itemIndices = [];
    }
  }
  if (itemIndices.length > 0) {
    const size = itemIndices.length;
    yield {
      inputs: inputs.slice(0, size * windowSize),
      labels: labels.slice(0, size),
      size,
      itemIndices,
    };
  }
}

/**
 * One training epoch of random crops: `cropsPerRecord` crops of every item, in a
 * seeded random order.
 * @remarks Crop positions are drawn when the record is first needed, uniformly over the
 * positions where the window fits.
 */
export function trainingBatches(
  store: RecordStore,
  items: readonly PipelineItem[],
  shape: BatchShape & { cropsPerRecord: number; random: RandomSource },
): AsyncGenerator<WindowBatch> {
  const order = shuffled(
    items.flatMap((_, itemIndex) =>
      Array.from({ length: shape.cropsPerRecord }, () => itemIndex),
    ),
    shape.random,
  );
  async function* crops(): AsyncGenerator<WindowRef> {
    for (const itemIndex of order) {
      const leads = await store.get(items[itemIndex]);
      assertWindowFits(leads, items[itemIndex], shape.windowSamples);
      const fromSample = randomCropStart(
        leads[0].length,
        shape.windowSamples,
        shape.random,
      );
      yield { itemIndex, fromSample, leads };
    }
  }
  return batchesOf(items, crops(), shape);
}

/**
 * Sliding windows over every item, in item order, for evaluation.
 * @remarks See {@link slidingWindowStarts}: the last window is aligned to the record's
 * end so that every sample is seen.
 */
export function evaluationBatches(
  store: RecordStore,
  items: readonly PipelineItem[],
  shape: BatchShape & { strideSamples: number },
): AsyncGenerator<WindowBatch> {
  async function* windows(): AsyncGenerator<WindowRef> {
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      const leads = await store.get(items[itemIndex]);
      assertWindowFits(leads, items[itemIndex], shape.windowSamples);
      for (const fromSample of slidingWindowStarts(
        leads[0].length,
        shape.windowSamples,
        shape.strideSamples,
      )) {
        yield { itemIndex, fromSample, leads };
      }
    }
  }
  return batchesOf(items, windows(), shape);
}

/** Throws, naming the record, when a record is shorter than one window. */
function assertWindowFits(
  leads: readonly Float32Array[],
  item: PipelineItem,
  windowSamples: number,
): void {
  if (leads[0].length < windowSamples) {
    throw new SignalLengthError(
      `record ${item.recordId}: a ${windowSamples}-sample window`,
      windowSamples - 1,
      leads[0].length,
      'use a shorter --window-sec',
    );
  }
}
