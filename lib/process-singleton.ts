// Next.js may load one server module in several bundles (route handlers, instrumentation); state that must
// be one per process (the index database, the upstream budget, the sync engine) lives on globalThis.

const store = globalThis as typeof globalThis & { __kvstoreBackups?: Map<string, unknown> };

export function processSingleton<T>(key: string, create: () => T): T {
  store.__kvstoreBackups ??= new Map();
  if (!store.__kvstoreBackups.has(key)) store.__kvstoreBackups.set(key, create());
  return store.__kvstoreBackups.get(key) as T;
}

/** Drops one singleton (tests that change the environment); returns what was there. */
export function dropProcessSingleton<T>(key: string): T | undefined {
  const value = store.__kvstoreBackups?.get(key) as T | undefined;
  store.__kvstoreBackups?.delete(key);
  return value;
}

/** A singleton another bundle created, if it has been created (the proxy reads, the server creates). */
export function existingProcessSingleton<T>(key: string): T | undefined {
  return store.__kvstoreBackups?.get(key) as T | undefined;
}
