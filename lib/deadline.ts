import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { ApiError } from '@/lib/api/api-error';
import { getConfig } from '@/lib/config';

// No answer waits on Alibaba Cloud longer than KVSTORE_DEADLINE_MS. The route wrapper starts the clock when a
// request arrives; whatever the request then waits on (the instance list, a download link, a sync, the
// readiness call) shares what is left, so the answer comes in time however many waits it strings together.

const requestDeadline = new AsyncLocalStorage<number>();

/** Runs `fn` with KVSTORE_DEADLINE_MS from now as the deadline of everything it waits on. */
export function withDeadline<T>(fn: () => Promise<T>): Promise<T> {
  return requestDeadline.run(Date.now() + getConfig().KVSTORE_DEADLINE_MS, fn);
}

/** Background work (a sync, the instance list) runs to its end, not to the deadline of the request that began it. */
export function detached<T>(fn: () => T): T {
  return requestDeadline.exit(fn);
}

/** When the current answer must leave; outside a request (the warmer), KVSTORE_DEADLINE_MS from now. */
export function currentDeadline(): number {
  return requestDeadline.getStore() ?? Date.now() + getConfig().KVSTORE_DEADLINE_MS;
}

export function timeoutError(consequence: string): ApiError {
  const seconds = getConfig().KVSTORE_DEADLINE_MS / 1000;
  return new ApiError(504, 'timeout', `Alibaba Cloud did not answer within ${seconds} s: ${consequence}`);
}

/**
 * `work` if it settles before the deadline, else a 504 `timeout` saying `consequence`. The work is not
 * cancelled: what it was doing (and its upstream budget) is spent either way, and a cache may keep the result.
 */
export async function beforeDeadline<T>(work: Promise<T>, consequence: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(consequence)), Math.max(0, currentDeadline() - Date.now()));
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
    // A failure after we stopped waiting is nobody's to handle.
    work.catch(() => undefined);
  }
}
