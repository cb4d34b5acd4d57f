import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';

// npm 11 lists dependency install scripts nobody has reviewed (npm 12 will skip them). package.json's
// allowScripts holds the review: better-sqlite3's runs (it fetches or builds the native addon); esbuild's
// (a binary check and a CLI speed-up; the JS API finds the binary in its platform package),
// @alicloud/openapi-core's (installs TypeScript on Node 10 and 12, nothing on ours), and those of
// @parcel/watcher and @swc/core (next-intl's optional message extractor, which we do not use; they only
// check or build a native binding their platform packages already provide) are denied.

function npmMajorMinor(): [number, number] {
  const [major, minor] = execFileSync('npm', ['--version'], { encoding: 'utf8' })
    .trim()
    .split('.')
    .map(Number);
  return [major ?? 0, minor ?? 0];
}

const [major, minor] = npmMajorMinor();
const npmKnowsAllowScripts = major > 11 || (major === 11 && minor >= 16);

describe('dependency install scripts', () => {
  it.skipIf(!npmKnowsAllowScripts)('are all reviewed in package.json allowScripts', () => {
    const out = execFileSync('npm', ['approve-scripts', '--allow-scripts-pending', '--json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out).allowScripts).toEqual([]);
  });

  it('leave better-sqlite3 with a native addon that loads', () => {
    const db = new Database(':memory:');
    expect(db.prepare('SELECT 1 + 1 AS n').get()).toEqual({ n: 2 });
    db.close();
  });

  it('leave esbuild (tsx, Vitest) working without its postinstall', async () => {
    expect((await transform('const n: number = 1', { loader: 'ts' })).code).toBe('const n = 1;\n');
  });
});
