'use client';

import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/ui/use-format';
import type { Problem } from '@/lib/verify/problems';
import type { VerificationResult } from '@/lib/verify/verification';

// The words for a verification, in the reader's language: a problem's sentence and a result's short label.

/** The slice of next-intl's translator (namespace `verify`) these need. */
export interface VerifyTranslator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** A problem's sentence: its code's message, with the nested reading or reason worded too. */
export function problemSentence(
  t: VerifyTranslator,
  { code, params }: Pick<Problem, 'code' | 'params'>,
): string {
  const values: Record<string, string | number> = { ...params };
  if (code === 'truncated') {
    const reading = `reading.${String(params.reading)}`;
    values.reading = t.has(reading) ? t(reading, { key: String(params.key ?? '') }) : String(params.reading);
  }
  const reason = `reason.${String(params.reason)}`;
  if (params.reason !== undefined) values.reason = t.has(reason) ? t(reason, values) : String(params.reason);
  const key = `problems.${code}`;
  return t.has(key) ? t(key, values) : code;
}

export function useVerifyText() {
  const t = useTranslations('verify') as unknown as VerifyTranslator;
  const format = useFormat();
  const count = format.count;
  const compact = (n: number) =>
    new Intl.NumberFormat(format.locale, { notation: 'compact', maximumFractionDigits: 1 }).format(n);

  /** "Verified · 1.2M keys", "Corrupt at byte 977", "Unsupported: RDB 13", "Encrypted (TDE)". */
  function label(result: Pick<VerificationResult, 'status' | 'keys' | 'problem'>): string {
    const offset = count(result.problem?.offset ?? 0);
    switch (result.status) {
      case 'ok':
        return t('result.ok', { keys: compact(result.keys) });
      case 'corrupt':
        return t('result.corrupt', { offset });
      case 'truncated':
        return t('result.truncated', { offset });
      case 'encrypted':
        return t('result.encrypted');
      case 'unsupported': {
        const code = result.problem?.code ?? 'other';
        const short = t.has(`unsupportedShort.${code}`)
          ? `unsupportedShort.${code}`
          : 'unsupportedShort.other';
        return t('result.unsupported', { what: t(short, result.problem?.params ?? {}) });
      }
    }
  }

  return { problem: (p: Pick<Problem, 'code' | 'params'>) => problemSentence(t, p), label, count, compact };
}
