import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from './server-command';

describe('server command', () => {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
    .scripts;

  it.each(['start', 'dev'])(
    'npm run %s starts server.ts with the same Node flags as the launchers',
    (name) => {
      expect(scripts[name]).toBe(
        `exec node ${SERVER_NODE_FLAGS.join(' ')} --import tsx server.ts${name === 'dev' ? ' --dev' : ''}`,
      );
    },
  );
});
