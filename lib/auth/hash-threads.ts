import type { ScryptOptions } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { processSingleton } from '@/lib/process-singleton';
import type { DeriveKey } from './password';

// Sign-in password checks on threads of their own at the lowest CPU priority (Linux nice 19, per
// thread). On libuv's threadpool, scrypt would compete with what every signed-in request needs from it
// (the session cookie's key derivation, file reads, compression) and, at normal priority, with the
// request thread for the cores: a sign-in spray would slow everyone. Here it only takes spare CPU.
// The source is inline so no bundler has to find a worker file.

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(tid, 19);
} catch {}
parentPort.on('message', ({ password, salt, keyLength, options }) => {
  try {
    const key = scryptSync(password, Buffer.from(salt), keyLength, options);
    parentPort.postMessage({ key });
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message) });
  }
});
`;

interface Job {
  resolve: (key: Buffer) => void;
  reject: (err: Error) => void;
}

export class HashThreads {
  private idle: Worker[] = [];
  /** One job per thread: callers keep at most as many in flight as they want threads (the hash queue does). */
  private readonly jobs = new Map<Worker, Job>();

  readonly derive: DeriveKey = (password, salt, keyLength, options: ScryptOptions) =>
    new Promise((resolve, reject) => {
      const worker = this.idle.pop() ?? this.spawn();
      this.jobs.set(worker, { resolve, reject });
      worker.postMessage({ password, salt, keyLength, options });
    });

  private spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    // Idle hashing threads must not keep a stopping server alive.
    worker.unref();
    worker.on('message', ({ key, error }: { key?: Uint8Array; error?: string }) => {
      const job = this.jobs.get(worker);
      this.jobs.delete(worker);
      this.idle.push(worker);
      if (key) job?.resolve(Buffer.from(key));
      else job?.reject(new Error(error ?? 'hashing failed'));
    });
    // A thread that dies fails its job; the next derivation starts a new thread.
    const fail = (err: Error) => {
      this.idle = this.idle.filter((w) => w !== worker);
      this.jobs.get(worker)?.reject(err);
      this.jobs.delete(worker);
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('hashing thread exited')));
    return worker;
  }
}

export function hashThreads(): HashThreads {
  return processSingleton('hash-threads', () => new HashThreads());
}
