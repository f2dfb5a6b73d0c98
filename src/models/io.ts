import type { Dirent } from 'node:fs';
import {
  copyFile,
  cp,
  link,
  mkdir,
  readFile,
  readdir,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FileError, ParameterError } from '../util/errors.js';
import { tf, tfl, type LayersModel } from './runtime.js';

/** File names of a saved model, the standard tfjs layout. */
export const MODEL_FILES = { topology: 'model.json', weights: 'weights.bin' } as const;

/**
 * A tfjs `IOHandler` that saves a model as `model.json` plus `weights.bin` in `dir`, and
 * loads it back; the layout `tf.loadLayersModel('file://…')` of tfjs-node reads.
 *
 * @remarks
 * Saving is atomic for the folder as a whole: both files are written to a new sibling
 * folder, which then takes the place of `dir` by rename (the previous folder, if any, is
 * moved aside first and deleted last). A failed or interrupted save never leaves a
 * truncated model where a good one stood; a save that fails puts the previous folder
 * back, and only a process killed between the two renames can leave it aside, as
 * `.NAME.PID.TIME.previous` beside `dir`. Other files already in `dir` (say, the
 * preprocessing settings of a run) are carried over to the new folder.
 */
export class FileModelHandler implements tf.io.IOHandler {
  constructor(private readonly dir: string) {}

  async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
    if (artifacts.modelTopology instanceof ArrayBuffer) {
      throw new ParameterError('model topology', 'JSON (a layers model)', 'binary');
    }
    const weights = concatWeights(artifacts.weightData);
    const modelJson: tf.io.ModelJSON = {
      modelTopology: artifacts.modelTopology as object,
      format: artifacts.format ?? 'layers-model',
      generatedBy:
        artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tfl.version_layers}`,
      convertedBy: artifacts.convertedBy ?? null,
      weightsManifest: [
        { paths: [MODEL_FILES.weights], weights: artifacts.weightSpecs ?? [] },
      ],
    };
    if (artifacts.trainingConfig) modelJson.trainingConfig = artifacts.trainingConfig;
    if (artifacts.userDefinedMetadata)
      modelJson.userDefinedMetadata = artifacts.userDefinedMetadata;

    const staging = join(
      dirname(this.dir),
      `.${basename(this.dir)}.${process.pid}.${Date.now()}.partial`,
    );
    const previous = `${staging.slice(0, -'.partial'.length)}.previous`;
    try {
      await mkdir(staging, { recursive: true });
      await writeFile(join(staging, MODEL_FILES.weights), new Uint8Array(weights));
      await writeFile(join(staging, MODEL_FILES.topology), JSON.stringify(modelJson));
      await carryOverOtherFiles(this.dir, staging);
      const hadModel = await exists(this.dir);
      if (hadModel) await rename(this.dir, previous);
      await rename(staging, this.dir);
      if (hadModel) await rm(previous, { recursive: true, force: true });
    } catch (error) {
      // Put the previous model back if it was moved aside but not replaced.
      if ((await exists(previous)) && !(await exists(this.dir))) {
        await rename(previous, this.dir);
      }
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    return {
      modelArtifactsInfo: {
        dateSaved: new Date(),
        modelTopologyType: 'JSON',
        modelTopologyBytes: JSON.stringify(modelJson.modelTopology).length,
        weightSpecsBytes: JSON.stringify(artifacts.weightSpecs ?? []).length,
        weightDataBytes: weights.byteLength,
      },
    };
  }

  async load(): Promise<tf.io.ModelArtifacts> {
    const topologyPath = join(this.dir, MODEL_FILES.topology);
    let modelJson: tf.io.ModelJSON;
    try {
      modelJson = JSON.parse(await readFile(topologyPath, 'utf8')) as tf.io.ModelJSON;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new FileError(topologyPath, 'no saved model here (model.json is missing)');
      }
      throw new FileError(
        topologyPath,
        `not a tfjs model.json: ${(error as Error).message}`,
      );
    }
    if (!modelJson.modelTopology || !Array.isArray(modelJson.weightsManifest)) {
      throw new FileError(topologyPath, 'modelTopology or weightsManifest is missing');
    }

    // Every weight group's files, in manifest order, concatenated.
    const specs: tf.io.WeightsManifestEntry[] = [];
    const buffers: Uint8Array[] = [];
    for (const group of modelJson.weightsManifest) {
      specs.push(...group.weights);
      for (const path of group.paths) buffers.push(await readFile(join(this.dir, path)));
    }
    const weightData = concatBytes(buffers);
    const expectedBytes = specs.reduce((sum, spec) => sum + weightBytes(spec), 0);
    if (weightData.byteLength !== expectedBytes) {
      throw new FileError(
        join(this.dir, MODEL_FILES.weights),
        `holds ${weightData.byteLength} bytes but model.json describes ${expectedBytes}; ` +
          'the model was not saved completely: save it again',
      );
    }
    return {
      modelTopology: modelJson.modelTopology,
      format: modelJson.format,
      generatedBy: modelJson.generatedBy,
      convertedBy: modelJson.convertedBy,
      trainingConfig: modelJson.trainingConfig,
      userDefinedMetadata: modelJson.userDefinedMetadata,
      weightSpecs: specs,
      weightData,
    };
  }
}

/**
 * Saves a layers model as `dir/model.json` and `dir/weights.bin`, atomically.
 * @param model the model to save
 * @param dir the model's folder: created, or replaced as a whole (other files in it are
 *   kept)
 * @example
 * ```ts
 * await saveModel(model, 'runs/2026-01-01/model');
 * ```
 */
export async function saveModel(model: LayersModel, dir: string): Promise<void> {
  await model.save(new FileModelHandler(dir));
}

/**
 * Loads a layers model saved by {@link saveModel} (or by tfjs-node's `file://` handler).
 * @param dir folder holding `model.json` and its weight files
 * @throws {@link FileError} when model.json is missing or malformed, or the weights do
 *   not match it.
 */
export async function loadModel(dir: string): Promise<LayersModel> {
  return tfl.loadLayersModel(new FileModelHandler(dir));
}

function concatWeights(data: tf.io.WeightData | undefined): ArrayBuffer {
  if (data === undefined) return new ArrayBuffer(0);
  if (data instanceof ArrayBuffer) return data;
  return tf.io.concatenateArrayBuffers(data);
}

function concatBytes(parts: Uint8Array[]): ArrayBuffer {
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return joined.buffer;
}

// Bytes of one weight entry; float32 and int32 are 4 bytes, bool and uint8 are 1.
function weightBytes(spec: tf.io.WeightsManifestEntry): number {
  const count = spec.shape.reduce((a, b) => a * b, 1);
  if (spec.quantization)
    return (
      count *
      (spec.quantization.dtype === 'float16'
        ? 2
        : spec.quantization.dtype === 'uint16'
          ? 2
          : 1)
    );
  return count * (spec.dtype === 'bool' || spec.dtype === 'string' ? 1 : 4);
}

async function exists(path: string): Promise<boolean> {
  try {
    await readdir(path);
    return true;
  } catch {
    return false;
  }
}

// Files the caller keeps beside the model (e.g. preprocessing settings) move to the new
// folder too: hard links where the file system allows, copies otherwise.
async function carryOverOtherFiles(dir: string, staging: string): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name === MODEL_FILES.topology || entry.name === MODEL_FILES.weights)
      continue;
    const from = join(dir, entry.name);
    const to = join(staging, entry.name);
    if (entry.isDirectory()) {
      await cp(from, to, { recursive: true });
    } else {
      await link(from, to).catch(() => copyFile(from, to));
    }
  }
}
