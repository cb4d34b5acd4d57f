import type { RecoverConfigMode } from '@/lib/aliyun/types';

// RecoverConfigMode says what a restore from this backup brings back besides the data.

export const RECOVER_FLAGS = ['whitelist', 'config', 'account'] as const;
export type RecoverFlagName = (typeof RECOVER_FLAGS)[number];

export interface RecoverFlag {
  name: RecoverFlagName;
  restored: boolean | null;
}

export function recoverFlags(mode: RecoverConfigMode | null): RecoverFlag[] {
  return RECOVER_FLAGS.map((name) => ({ name, restored: mode?.[name] ?? null }));
}
