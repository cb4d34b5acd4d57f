import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// What the browser's bundles may hold: every module a client component reaches (its value imports, and the
// ones next/dynamic loads later) is walked, and none may bring in a server-side or a heavy package. zod alone
// was 32 kB gzip of the backups page's first load the last time a browser module imported a route's schema.

const ROOT = path.resolve(import.meta.dirname, '..');
const KEPT_OUT = ['zod', 'server-only', 'better-sqlite3', 'pg', 'kysely', '@alicloud/r-kvstore20150101'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith('@/')
    ? path.join(ROOT, spec.slice(2))
    : path.resolve(path.dirname(from), spec);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/** Value imports and re-exports (not `import type`), and dynamic `import('…')`. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm))
    found.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** For each package kept out that a client component reaches: the chain of files that brings it in. */
function reachedFromClient(): Map<string, string[]> {
  const entries = [...sources(path.join(ROOT, 'app')), ...sources(path.join(ROOT, 'components'))].filter(
    (f) => /^\s*['"]use client['"]/.test(readFileSync(f, 'utf8')),
  );
  const via = new Map<string, string[]>();
  const seen = new Set<string>();
  const queue = entries.map((f) => [f]);
  while (queue.length > 0) {
    const chain = queue.shift()!;
    const file = chain[chain.length - 1]!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.') || spec.startsWith('@/')) {
        const next = resolveLocal(file, spec);
        if (next) queue.push([...chain, next]);
      } else if (KEPT_OUT.includes(packageOf(spec)) && !via.has(packageOf(spec))) {
        via.set(
          packageOf(spec),
          chain.map((f) => path.relative(ROOT, f)),
        );
      }
    }
  }
  return via;
}

describe('the browser bundles', () => {
  it('reach no server-side or heavy package from a client component', () => {
    const reached = Object.fromEntries(reachedFromClient());
    expect(reached).toEqual({});
  });
});
