// One verification in a process of its own, so its memory is its own: reads a file or a URL once, samples
// its resident memory as it goes, and prints one JSON line. Started by bench/verify.ts.
import { createReadStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { verifyRdb } from '../lib/verify/rdb-verifier';
import { readUrl } from '../lib/verify/read-url';

const MIB = 1024 * 1024;

async function main(): Promise<void> {
  const [source, sizeText] = process.argv.slice(2);
  if (!source || !sizeText) throw new Error('usage: verify-child <file|url> <size>');
  const size = Number(sizeText);
  const rss = () => process.memoryUsage.rss() / MIB;
  const startRss = rss();
  let peak = startRss;
  // Resident memory at each tenth of the file: flat means it does not grow with what has been read.
  const byTenth: number[] = [];
  let sampledAt = 0;
  const started = performance.now();
  const chunks = /^https?:/.test(source)
    ? (await readUrl(new URL(source))).chunks
    : createReadStream(source, { highWaterMark: MIB });
  const report = await verifyRdb(chunks as AsyncIterable<Uint8Array>, {
    expectedSize: size,
    onProgress: (bytes) => {
      // Sampled every 16 MiB: reading the RSS on every 64 KiB chunk would cost more than the verification.
      if (bytes - sampledAt < 16 * MIB && bytes < size) return;
      sampledAt = bytes;
      const now = rss();
      peak = Math.max(peak, now);
      const tenth = Math.floor((bytes / size) * 10);
      if (tenth > byTenth.length) byTenth.push(now);
    },
  });
  const ms = performance.now() - started;
  console.log(
    JSON.stringify({
      status: report.status,
      keys: report.keys,
      bytes: report.bytesRead,
      ms,
      startRss,
      peak,
      byTenth,
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
