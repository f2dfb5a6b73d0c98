import { createHash, type Hash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ChecksumError, DownloadError } from './errors.js';

/** What {@link fetchVerifiedFile} did. */
export type FetchOutcome = 'already-verified' | 'downloaded' | 'resumed';

/** Arguments of {@link fetchVerifiedFile}. */
export interface FetchRequest {
  url: string;
  /** Final path of the file; the download goes to `<target>.part` until verified. */
  target: string;
  /** Expected SHA-256, lowercase hex. */
  sha256: string;
  /** Called as bytes arrive: bytes of the file now on disk, and its size when known. */
  onBytes?: (receivedBytes: number, totalBytes: number | undefined) => void;
}

/** Suffix of a file being downloaded. */
export const PARTIAL_SUFFIX = '.part';

/**
 * Fetches one file, resuming a partial download with an HTTP Range request, and keeps
 * it only when its SHA-256 matches.
 * @param request URL, target path, expected sum and progress callback
 * @returns `already-verified` when the target existed with the right sum, otherwise
 * `downloaded` or `resumed`
 * @throws DownloadError when the server cannot be reached or answers with an error (the
 * partial file is kept for the next try); ChecksumError when the complete file has the
 * wrong sum (the partial file is deleted and the target is not created)
 * @remarks A target that exists with the wrong sum is deleted and fetched again. A
 * server that ignores `Range` (answers 200) gets the whole file again; an answer 416 to
 * a resume means the partial file is already whole, and it is verified as it is.
 */
export async function fetchVerifiedFile(request: FetchRequest): Promise<FetchOutcome> {
  const { url, target, sha256 } = request;
  if (existsSync(target)) {
    if ((await sha256OfFile(target)) === sha256) return 'already-verified';
    await rm(target);
  }

  // Resume from the bytes already on disk, if any.
  await mkdir(dirname(target), { recursive: true });
  const partial = `${target}${PARTIAL_SUFFIX}`;
  const hash = createHash('sha256');
  let offsetBytes = existsSync(partial) ? (await stat(partial)).size : 0;
  const response = await get(url, offsetBytes);

  // 206: the server sends the rest; 200: the whole file; 416: nothing is left to send.
  if (response.status === 416 && offsetBytes > 0) {
    await response.body?.cancel();
    await hashFileInto(partial, hash);
    return finish(hash, partial, request, 'resumed');
  }
  if (response.status !== 200 && response.status !== 206) {
    await response.body?.cancel();
    throw new DownloadError(
      url,
      `server answered HTTP ${response.status} ${response.statusText}`,
    );
  }
  const resuming = response.status === 206 && offsetBytes > 0;
  if (resuming) {
    checkContentRange(url, response.headers.get('content-range'), offsetBytes);
    await hashFileInto(partial, hash);
  } else {
    offsetBytes = 0;
  }

  // Append the body to the partial file, hashing as it arrives.
  const length = Number(response.headers.get('content-length') ?? NaN);
  const totalBytes = Number.isFinite(length) ? offsetBytes + length : undefined;
  await appendBody(response, partial, hash, resuming, offsetBytes, totalBytes, request);
  return finish(hash, partial, request, resuming ? 'resumed' : 'downloaded');
}

/**
 * Computes the SHA-256 of a file, streaming it.
 * @param file path of the file
 * @returns the sum in lowercase hex
 */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await hashFileInto(file, hash);
  return hash.digest('hex');
}

async function get(url: string, offsetBytes: number): Promise<Response> {
  const headers: Record<string, string> =
    offsetBytes > 0 ? { range: `bytes=${offsetBytes}-` } : {};
  try {
    return await fetch(url, { headers });
  } catch (error) {
    throw new DownloadError(
      url,
      `cannot connect (${networkReason(error)}); check the network or --base-url`,
    );
  }
}

/**
 * The system's reason for a failed `fetch` (`ECONNREFUSED`, `ENOTFOUND`, ...), which
 * undici hides in `cause`, or in `cause.errors` when several addresses were tried.
 * @param error what `fetch` threw
 */
export function networkReason(error: unknown): string {
  interface Cause {
    code?: string;
    message?: string;
    errors?: Cause[];
  }
  const cause = (error as { cause?: Cause }).cause;
  return (
    cause?.code ??
    cause?.errors?.[0]?.code ??
    cause?.message ??
    (error instanceof Error ? error.message : String(error))
  );
}

function checkContentRange(
  url: string,
  header: string | null,
  offsetBytes: number,
): void {
  const start = header ? /^bytes (\d+)-/.exec(header)?.[1] : undefined;
  if (start === undefined || Number(start) !== offsetBytes) {
    throw new DownloadError(
      url,
      `asked for bytes from ${offsetBytes} but the server sent Content-Range '${header}'; ` +
        'delete the .part file and run again',
    );
  }
}

async function appendBody(
  response: Response,
  partial: string,
  hash: Hash,
  resuming: boolean,
  offsetBytes: number,
  totalBytes: number | undefined,
  request: FetchRequest,
): Promise<void> {
  const handle = await open(partial, resuming ? 'a' : 'w');
  let receivedBytes = offsetBytes;
  try {
    if (response.body) {
      for await (const chunk of response.body) {
        const bytes = chunk as Uint8Array;
        await handle.write(bytes);
        hash.update(bytes);
        receivedBytes += bytes.byteLength;
        request.onBytes?.(receivedBytes, totalBytes);
      }
    }
  } catch (error) {
    throw new DownloadError(
      request.url,
      `connection lost after ${receivedBytes} bytes (${(error as Error).message}); ` +
        'run again to resume',
    );
  } finally {
    await handle.close();
  }
}

async function finish(
  hash: Hash,
  partial: string,
  request: FetchRequest,
  outcome: FetchOutcome,
): Promise<FetchOutcome> {
  const actual = hash.digest('hex');
  if (actual !== request.sha256) {
    await rm(partial, { force: true });
    throw new ChecksumError(request.target, request.sha256, actual);
  }
  await rename(partial, request.target);
  return outcome;
}

async function hashFileInto(file: string, hash: Hash): Promise<void> {
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
}
