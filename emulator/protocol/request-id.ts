import { randomUUID } from 'node:crypto';

/** `6D7D871F-8A6B-40C2-85C7-3632D139EAFD`, like Alibaba's. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}
