import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// `next build` when there is no build yet or a source is newer than it (npm run demo, npm run bench).

const root = path.resolve(__dirname, '..');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const inputs = ['app', 'components', 'lib', 'public'].map((d) => path.join(root, d)).filter(existsSync);
  const files = [
    'next.config.js',
    'package.json',
    'tailwind.config.ts',
    'postcss.config.mjs',
    'proxy.ts',
    'instrumentation.ts',
  ].map((f) => path.join(root, f));
  return (
    Math.max(...inputs.map(newestSource), ...files.filter(existsSync).map((f) => statSync(f).mtimeMs)) > built
  );
}

/** Builds when needed; exits the process with the build's code when it fails. */
export function buildIfNeeded(): void {
  if (!needsBuild()) return;
  console.log('Building the console (first run or sources changed)…');
  const build = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
