import { request } from '@playwright/test';

// The e2e emulator's fault switch (loopback admin API). A test that turns faults on resets them in
// `finally`, so the next test talks to a healthy emulator.

const emulator = () => `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4110}`;

export interface FaultPatch {
  latencyMs?: number;
  errorRate?: number;
  actions?: string[];
}

async function admin(method: 'PUT' | 'DELETE', data?: FaultPatch): Promise<void> {
  const ctx = await request.newContext();
  try {
    const res = await ctx.fetch(`${emulator()}/__admin/faults`, { method, data });
    if (!res.ok()) throw new Error(`${method} /__admin/faults answered ${res.status()}: ${await res.text()}`);
  } finally {
    await ctx.dispose();
  }
}

export const setFaults = (patch: FaultPatch) => admin('PUT', patch);
export const resetFaults = () => admin('DELETE');
