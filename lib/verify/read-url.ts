import http from 'node:http';
import https from 'node:https';
import type { ByteRate } from './byte-rate';

// Reads a presigned URL once, as a stream of chunks, at no more than the shared byte rate. Nothing is written
// anywhere: the chunks go straight to the verifier. Failures say what happened without the storage's body.

export class ReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadError';
  }
}

export interface ReadUrlOptions {
  signal?: AbortSignal;
  rate?: ByteRate;
  /** No byte for this long ends the read. */
  idleTimeoutMs?: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

function get(
  url: URL,
  signal: AbortSignal | undefined,
  idleTimeoutMs: number,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.get(url, { signal, headers: { 'accept-encoding': 'identity' } }, resolve);
    req.setTimeout(idleTimeoutMs, () =>
      req.destroy(new ReadError(`no answer from ${url.host} within ${idleTimeoutMs / 1000} s`)),
    );
    req.on('error', (err) =>
      reject(
        err instanceof ReadError || signal?.aborted
          ? err
          : new ReadError(`could not reach ${url.host}: ${err.message}`),
      ),
    );
  });
}

/** The file's bytes; `length` is the Content-Length the storage announced (null when it did not). */
export async function readUrl(
  url: URL,
  { signal, rate, idleTimeoutMs = 60_000 }: ReadUrlOptions = {},
): Promise<{ length: number | null; chunks: AsyncIterable<Uint8Array> }> {
  const res = await get(url, signal, idleTimeoutMs);
  if (res.statusCode !== 200) {
    res.resume();
    throw new ReadError(`the storage answered HTTP ${res.statusCode} for the backup file`);
  }
  const announced = Number(res.headers['content-length']);
  res.setTimeout(idleTimeoutMs, () =>
    res.destroy(new ReadError(`the download stalled for ${idleTimeoutMs / 1000} s`)),
  );
  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of res as AsyncIterable<Buffer>) {
        const wait = rate?.take(chunk.length) ?? 0;
        if (wait > 0) await sleep(wait, signal);
        signal?.throwIfAborted();
        yield chunk;
      }
    } catch (err) {
      if (signal?.aborted || err instanceof ReadError) throw err;
      // The connection broke: a file cut short by the network is not a file that is short.
      throw new ReadError(`the download broke off: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      res.destroy();
    }
  }
  return { length: Number.isSafeInteger(announced) ? announced : null, chunks: chunks() };
}
