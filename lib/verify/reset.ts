import { dropProcessSingleton } from '@/lib/process-singleton';

// Kept apart from the runner so that test set-up can reset verification state without loading the verifier.

export const RUNNER_KEY = 'verify-runner';
export const TDE_KEY = 'verify-tde';

/** Stops whatever runs and forgets the queue and the TDE answers, for tests that change the environment. */
export function resetVerificationForTests(): void {
  dropProcessSingleton<{ cancelAll(): void }>(RUNNER_KEY)?.cancelAll();
  dropProcessSingleton(TDE_KEY);
}
