'use client';

import { useLocale } from 'next-intl';
import { useMemo } from 'react';
import { createFormatter, type Formatter } from '@/lib/format/formatter';
import { useDisplayZone } from './display-zone';

/** Numbers, sizes, times and ages in the reader's locale and display zone. */
export function useFormat(): Formatter {
  const locale = useLocale();
  const { timeZone } = useDisplayZone();
  return useMemo(() => createFormatter(locale, timeZone), [locale, timeZone]);
}
