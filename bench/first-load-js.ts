import { gzipSync } from 'node:zlib';
import { SEED_INSTANCE_IDS } from '../emulator/seed';
import type { EmulatorProcess } from '../lib/testing/emulator-process';
import { HttpClient } from './http-client';
import { signIn } from './over-http';
import { startBenchConsole } from './processes';

// The JavaScript a browser must fetch before the backups page is interactive, from the production build as
// served: every chunk the signed-in page's HTML names (its <script> tags, and the client components' chunks
// listed in the inline RSC payload, which the runtime loads to hydrate), each compressed with gzip the way a
// server would send it. The `noModule` polyfills are left out: browsers with modules never fetch them.
// Chunks of what loads later (next/dynamic: the calendar, dialogs, pickers' lists) are not in the HTML.

/** The budget for the backups page. */
export const FIRST_LOAD_BUDGET_KB = 200;

const kB = (bytes: number) => (bytes / 1024).toFixed(1);

/** `/_next/static/chunks/x.js`, however the HTML spelled it (a src, or a path in the RSC payload). */
function chunkPath(ref: string): string {
  const at = ref.indexOf('static/chunks/');
  return `/_next/${ref.slice(at).split('?')[0]}`;
}

export async function measureFirstLoadJs(emulator: EmulatorProcess): Promise<string[]> {
  const server = await startBenchConsole(emulator, 'js');
  const client = new HttpClient(server.url, 4);
  try {
    const cookie = await signIn(client);
    const page = `/instances/${SEED_INSTANCE_IDS.cluster}/backups`;
    let res = await client.request(page, { headers: { cookie } });
    // The page without a range redirects to the default one.
    if (res.status >= 300 && res.status < 400 && res.headers.location)
      res = await client.request(res.headers.location, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`GET ${page} answered ${res.status}`);
    const html = res.body;
    const noModule = new Set(
      [...html.matchAll(/<script\b[^>]*>/gi)]
        .map((m) => m[0])
        .filter((tag) => /\snomodule\b/i.test(tag))
        .flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1] ?? [])
        .map(chunkPath),
    );
    const sources = [
      ...new Set(
        [...html.matchAll(/(?:\/_next\/)?static\/chunks\/[\w.~-]+\.js/g)].map((m) => chunkPath(m[0])),
      ),
    ].filter((src) => !noModule.has(src));
    let raw = 0;
    let gzip = 0;
    const files: string[] = [];
    for (const src of sources) {
      const js = await client.request(src);
      if (js.status !== 200) throw new Error(`GET ${src} answered ${js.status}`);
      const bytes = Buffer.from(js.body, 'utf8');
      const zipped = gzipSync(bytes, { level: 9 }).length;
      raw += bytes.length;
      gzip += zipped;
      files.push(`  ${kB(zipped).padStart(6)} kB gzip  ${src}`);
    }
    const verdict = gzip / 1024 <= FIRST_LOAD_BUDGET_KB ? 'within' : 'OVER';
    return [
      `First-load JS of the backups page: ${kB(gzip)} kB gzip (${kB(raw)} kB raw, ${sources.length} files), ${verdict} the ${FIRST_LOAD_BUDGET_KB} kB budget`,
      // BENCH_JS_FILES=1 lists the files, to see what to load later.
      ...(process.env.BENCH_JS_FILES === '1' ? files : []),
    ];
  } finally {
    client.close();
  }
}
