'use client';

import { Command } from 'cmdk';
import { Check } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { zoneLabel, UTC } from '@/lib/format/zone';
import { cn } from '@/lib/ui/cn';
import {
  commandGroupClass as groupClass,
  commandInputClass,
  commandItemClass,
  substringFilter,
} from '@/components/ui/command-styles';
import { useDisplayZone, useSetDisplayZone } from '@/components/ui/display-zone';

const SHANGHAI = 'Asia/Shanghai';

/** The zones offered before the full list: Beijing time first for a Chinese reader, UTC first otherwise. */
function suggested(locale: string, browser: string): string[] {
  const order = locale === 'zh-CN' ? [SHANGHAI, UTC, browser] : [UTC, browser, SHANGHAI];
  return [...new Set(order)];
}

export function ZoneList({ now, onPick }: { now: number; onPick: () => void }) {
  const t = useTranslations('backups.timeZone');
  const locale = useLocale();
  const { timeZone } = useDisplayZone();
  const setZone = useSetDisplayZone();
  // Only in the browser, and only once opened: the browser's zone and the list Intl knows.
  const [browser] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone || UTC);
  const [all] = useState(() => Intl.supportedValuesOf('timeZone'));
  const first = suggested(locale, browser);
  const pick = (zone: string) => {
    onPick();
    if (zone !== timeZone) setZone(zone);
  };
  const item = (zone: string, key: string, note?: string) => (
    <Command.Item
      key={key}
      value={key}
      keywords={[zone, zoneLabel(zone, now)]}
      onSelect={() => pick(zone)}
      className={commandItemClass}
    >
      <Check
        aria-hidden
        className={cn('h-4 w-4 shrink-0', zone === timeZone ? 'opacity-100' : 'opacity-0')}
      />
      <span className="min-w-0 flex-1 truncate">{zoneLabel(zone, now)}</span>
      {note && <span className="shrink-0 text-xs text-slate-600 dark:text-slate-300">{note}</span>}
    </Command.Item>
  );
  return (
    <Command label={t('search')} loop filter={substringFilter}>
      <Command.Input autoFocus placeholder={t('searchPlaceholder')} className={commandInputClass} />
      <Command.List className="max-h-80 overflow-y-auto p-1">
        <Command.Empty className="p-3 text-slate-600 dark:text-slate-300">{t('noMatch')}</Command.Empty>
        <Command.Group heading={t('suggested')} className={groupClass}>
          {first.map((zone) =>
            item(
              zone,
              `suggested ${zone}`,
              zone === browser ? t('browser') : zone === SHANGHAI ? t('beijing') : undefined,
            ),
          )}
        </Command.Group>
        <Command.Group heading={t('all')} className={groupClass}>
          {all.filter((zone) => !first.includes(zone)).map((zone) => item(zone, zone))}
        </Command.Group>
      </Command.List>
    </Command>
  );
}
