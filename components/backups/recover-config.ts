import type { RecoverConfigMode } from '@/lib/aliyun/types';

// RecoverConfigMode says what a restore from this backup brings back besides the data.

const FLAGS = [
  ['whitelist', 'IP whitelist'],
  ['config', 'Parameter configuration'],
  ['account', 'Accounts'],
] as const;

export interface RecoverFlag {
  label: string;
  restored: boolean | null;
}

export function recoverFlags(mode: RecoverConfigMode | null): RecoverFlag[] {
  return FLAGS.map(([key, label]) => ({ label, restored: mode?.[key] ?? null }));
}
