'use client';

import { Command } from 'cmdk';
import { Check } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { Instance } from '@/lib/aliyun/types';
import { cn } from '@/lib/ui/cn';
import { instanceKeywords } from '@/lib/ui/instance-search';
import {
  commandGroupClass as groupClass,
  commandInputClass,
  commandItemClass,
  substringFilter,
} from '@/components/ui/command-styles';
import { useErrorMessage } from '@/components/ui/use-error-message';
import type { useInstances } from './use-instances';

/** The picker's searchable list: recent instances first, then all. */
export function InstancePickerList({
  instances,
  recent: recentInstances,
  current,
  onPick: pick,
}: {
  instances: ReturnType<typeof useInstances>;
  recent: Instance[];
  current: string | undefined;
  onPick: (instanceId: string) => void;
}) {
  const t = useTranslations('shell.picker');
  const errorMessage = useErrorMessage();
  const all = instances.data ?? [];
  return (
    <Command label={t('search')} loop filter={substringFilter}>
      <Command.Input autoFocus placeholder={t('searchPlaceholder')} className={commandInputClass} />
      <Command.List className="max-h-80 overflow-y-auto p-1">
        {instances.isError && (
          <p role="alert" className="p-3 text-red-700 dark:text-red-300">
            {t('listError', { message: errorMessage(instances.error) })}
          </p>
        )}
        {instances.isPending && <p className="p-3">{t('loading')}</p>}
        <Command.Empty className="p-3 text-slate-600 dark:text-slate-300">{t('noMatch')}</Command.Empty>
        {recentInstances.length > 0 && (
          <Command.Group heading={t('recent')} className={groupClass}>
            {recentInstances.map((i) => (
              <InstanceItem
                key={`recent-${i.instanceId}`}
                instance={i}
                value={`recent ${i.instanceId}`}
                current={current}
                onPick={pick}
              />
            ))}
          </Command.Group>
        )}
        <Command.Group heading={t('all')} className={groupClass}>
          {all.map((i) => (
            <InstanceItem
              key={i.instanceId}
              instance={i}
              value={i.instanceId}
              current={current}
              onPick={pick}
            />
          ))}
        </Command.Group>
      </Command.List>
    </Command>
  );
}

function InstanceItem({
  instance: i,
  value,
  current,
  onPick,
}: {
  instance: Instance;
  value: string;
  current: string | undefined;
  onPick: (id: string) => void;
}) {
  const t = useTranslations('shell.instance');
  const word = (group: 'status' | 'architecture', value: string) =>
    t.has(`${group}.${value}`) ? t(`${group}.${value}`) : value;
  return (
    <Command.Item
      value={value}
      keywords={[...instanceKeywords(i), word('architecture', i.architecture), word('status', i.status)]}
      onSelect={() => onPick(i.instanceId)}
      className={commandItemClass}
    >
      <Check
        aria-hidden
        className={cn('h-4 w-4 shrink-0', i.instanceId === current ? 'opacity-100' : 'opacity-0')}
      />
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium">{i.name}</span>
        <span className="block truncate font-mono text-xs text-slate-600 dark:text-slate-300">
          {i.instanceId}
        </span>
      </span>
      <span className="shrink-0 text-right text-xs text-slate-600 dark:text-slate-300">
        <span className="block">
          {i.regionId} · {word('architecture', i.architecture)}
        </span>
        <span className={cn('block', i.status !== 'Normal' && 'text-amber-800 dark:text-amber-300')}>
          {word('status', i.status)}
        </span>
      </span>
    </Command.Item>
  );
}
