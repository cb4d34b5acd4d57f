import { availableParallelism } from 'node:os';
import { processSingleton } from '@/lib/process-singleton';

// Password hashing with bounded concurrency. scrypt runs on libuv's threadpool (4 threads by default),
// which also derives the key of every session cookie, reads files and compresses answers: a sign-in
// spray that hashes on all of them at once makes every signed-in request wait. So a few hashes run at
// a time, a bounded number wait their turn, and the rest are refused at once (429 with Retry-After).

export class HashQueueFull extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many sign-ins in progress');
    this.name = 'HashQueueFull';
  }
}

export class HashQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** Recent time a hash takes, for Retry-After. */
  private averageMs = 100;

  constructor(
    private readonly concurrency: number,
    private readonly queueLimit: number,
  ) {}

  isFull(): boolean {
    return this.running >= this.concurrency && this.waiting.length >= this.queueLimit;
  }

  /** How long the queue takes to drain, in whole seconds (at least 1). */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(((this.waiting.length + 1) * this.averageMs) / this.concurrency / 1000));
  }

  /** Runs `hash` when a slot is free; throws HashQueueFull without running it when the queue is full. */
  async run<T>(hash: () => Promise<T>): Promise<T> {
    if (this.isFull()) throw new HashQueueFull(this.retryAfterSeconds());
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    const started = performance.now();
    try {
      return await hash();
    } finally {
      this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - started);
      // The slot passes straight to the next in line, so `running` never dips and lets a newcomer jump ahead.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/**
 * Half the cores, at most 3, so the threadpool keeps a thread for everything else; a queue of 64
 * waits at most a few seconds.
 */
export function defaultHashConcurrency(): number {
  return Math.max(1, Math.min(3, Math.floor(availableParallelism() / 2)));
}

export function hashQueue(settings: { concurrency: number; queueLimit: number }): HashQueue {
  return processSingleton('hash-queue', () => new HashQueue(settings.concurrency, settings.queueLimit));
}
