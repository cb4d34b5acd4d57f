import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { npmStartCommand } from './server-command';

describe('server command', () => {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
    .scripts;

  it('npm start runs server.ts as the launchers do', () => {
    expect(scripts.start).toBe(npmStartCommand());
  });

  it('npm run dev too, in development mode', () => {
    expect(scripts.dev).toBe(npmStartCommand(true));
  });
});
