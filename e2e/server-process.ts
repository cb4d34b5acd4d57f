import { expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SERVER_ENV, serverNodeArgs } from '../scripts/server-command';

// Starts a second console process (the built app) for tests that must kill or restart it.

export interface ConsoleProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function startConsole(port: number, env: Record<string, string | undefined>): ConsoleProcess {
  const child = spawn(process.execPath, serverNodeArgs(port), {
    env: { ...process.env, ...SERVER_ENV, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits until the console answers /api/health (the condition polled by Playwright, not a sleep of ours). */
export async function waitForHealth(port: number, timeoutMs = 30_000): Promise<void> {
  const healthy = () =>
    fetch(`http://127.0.0.1:${port}/api/health`).then(
      (res) => res.ok,
      () => false, // not up yet
    );
  await expect
    .poll(healthy, { timeout: timeoutMs, message: `console on port ${port} did not become healthy` })
    .toBe(true);
}

/** The environment of the shared demo server, pointed at its emulator. */
export function demoEnv(): Record<string, string> {
  return {
    KVSTORE_ENDPOINT: `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4110}`,
    ALIBABA_CLOUD_ACCESS_KEY_ID: 'demo-access-key-id',
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: process.env.E2E_EMULATOR_SECRET!,
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
    KVSTORE_DEMO: '1',
    AUTH_USERS_FILE: path.resolve('data/demo-users.json'),
    NEXTAUTH_SECRET: process.env.E2E_NEXTAUTH_SECRET!,
    DATA_DIR: process.env.E2E_DATA_DIR!,
  };
}

/** What must never leave the server: this run's secrets and the demo users' password hashes (whole and in parts). */
export function secrets(): string[] {
  const users = JSON.parse(readFileSync('data/demo-users.json', 'utf8')) as {
    users: { passwordHash: string }[];
  };
  const hashes = users.users.map((u) => u.passwordHash);
  return [
    process.env.E2E_NEXTAUTH_SECRET!,
    process.env.E2E_EMULATOR_SECRET!,
    ...hashes,
    ...hashes.flatMap((h) => h.split('$').slice(4)),
  ];
}
