import { describe, expect, it } from 'vitest';
import { jobVerdict, setVerdict } from './status-rules';

const nodes = (available: number, unavailable = 0) => [
  ...Array.from({ length: available }, () => ({ available: true })),
  ...Array.from({ length: unavailable }, () => ({ available: false })),
];

describe('setVerdict', () => {
  it.each([
    ['every node available', { status: 'OK', isAvail: 1, nodes: nodes(16) }, 'Success', 0],
    ['two of 16 nodes unavailable', { status: 'OK', isAvail: 0, nodes: nodes(14, 2) }, 'Incomplete', 2],
    ['IsAvail 0 though the nodes look fine', { status: 'OK', isAvail: 0, nodes: nodes(16) }, 'Incomplete', 0],
    ['no node available', { status: 'OK', isAvail: 0, nodes: nodes(0, 16) }, 'Failed', 16],
    ['Alibaba says Failed', { status: 'Failed', isAvail: 0, nodes: nodes(15, 1) }, 'Failed', 1],
    ['still running', { status: 'RUNNING', isAvail: 0, nodes: nodes(3) }, 'Running', 0],
    ['running, case aside', { status: 'running', isAvail: null, nodes: [] }, 'Running', 0],
    ['shards left out (NoShardBackup)', { status: 'OK', isAvail: 1, nodes: [] }, 'Success', 0],
    ['shards left out, not available', { status: 'OK', isAvail: 0, nodes: [] }, 'Incomplete', 0],
  ])('%s', (_name, set, status, unavailable) => {
    const verdict = setVerdict(set);
    expect(verdict.status).toBe(status);
    expect(verdict.unavailable).toBe(unavailable);
    expect(verdict.nodes).toBe(set.nodes.length);
  });
});

describe('jobVerdict', () => {
  it.each([
    [
      { listed: 8, failed: 0, expected: 8 },
      { status: 'Success', shards: 8, missing: 0, failed: 0 },
    ],
    [
      { listed: 8, failed: 1, expected: 8 },
      { status: 'Partial', shards: 8, missing: 0, failed: 1 },
    ],
    [
      { listed: 6, failed: 0, expected: 8 },
      { status: 'Partial', shards: 8, missing: 2, failed: 0 },
    ],
    [
      { listed: 8, failed: 8, expected: 8 },
      { status: 'Failed', shards: 8, missing: 0, failed: 8 },
    ],
    [
      { listed: 2, failed: 2, expected: 8 },
      { status: 'Failed', shards: 8, missing: 6, failed: 2 },
    ],
    [
      { listed: 256, failed: 1, expected: 256 },
      { status: 'Partial', shards: 256, missing: 0, failed: 1 },
    ],
    // Scaled in since: more listed than the instance has now.
    [
      { listed: 10, failed: 0, expected: 8 },
      { status: 'Success', shards: 10, missing: 0, failed: 0 },
    ],
    [
      { listed: 3, failed: 0, expected: null },
      { status: 'Success', shards: 3, missing: 0, failed: 0 },
    ],
  ])('%j → %j', (facts, verdict) => {
    expect(jobVerdict(facts)).toEqual(verdict);
  });
});
