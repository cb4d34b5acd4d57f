'use client';

import { Command } from 'cmdk';
import { Check, ChevronsUpDown, Database } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { Instance } from '@/lib/aliyun/types';
import { cn } from '@/lib/ui/cn';
import { instanceKeywords } from '@/lib/ui/instance-search';
import { readRecentInstances } from '@/lib/ui/recent-instances';
import { buttonClass } from '@/components/ui/button';
import {
  commandGroupClass as groupClass,
  commandInputClass,
  commandItemClass,
  substringFilter,
} from '@/components/ui/command-styles';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { useInstances } from './use-instances';

const OPEN_EVENT = 'kvstore-backups:open-instance-picker';

/** Opens the header's picker from elsewhere on the page (a "not found" state, for one). */
export function openInstancePicker(): void {
  window.dispatchEvent(new Event(OPEN_EVENT));
}

function currentInstanceId(pathname: string): string | undefined {
  return /^\/instances\/([^/]+)/.exec(pathname)?.[1];
}

/** Searchable, keyboard-driven instance switcher (Ctrl/⌘+K opens it), with recently visited ones first. */
export function InstancePicker() {
  const t = useTranslations('shell.picker');
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const instances = useInstances();
  const [open, setOpen] = useState(false);
  const [recent, setRecent] = useState<string[]>([]);
  const current = currentInstanceId(pathname);
  const selected = instances.data?.find((i) => i.instanceId === current);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === 'k' && (e.metaKey || e.ctrlKey)) {
        e.preventDefault();
        setRecent(readRecentInstances());
        setOpen((o) => !o);
      }
    };
    const onOpen = () => {
      setRecent(readRecentInstances());
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener(OPEN_EVENT, onOpen);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(OPEN_EVENT, onOpen);
    };
  }, []);

  function onOpenChange(next: boolean) {
    if (next) setRecent(readRecentInstances());
    setOpen(next);
  }

  function pick(instanceId: string) {
    setOpen(false);
    if (instanceId === current) return;
    // Keep the period and the zone when switching instances; filters belong to the old instance.
    const keep = new URLSearchParams();
    for (const key of ['start', 'end', 'pageSize', 'tz']) {
      const v = search.get(key);
      if (v) keep.set(key, v);
    }
    const qs = keep.toString();
    router.push(`/instances/${encodeURIComponent(instanceId)}/backups${qs ? `?${qs}` : ''}`);
  }

  const all = instances.data ?? [];
  const recentInstances = recent
    .map((id) => all.find((i) => i.instanceId === id))
    .filter((i): i is Instance => Boolean(i));

  return (
    <Popover open={open} onOpenChange={onOpenChange}>
      <PopoverTrigger
        role="combobox"
        aria-label={t('label')}
        aria-expanded={open}
        aria-haspopup="listbox"
        className={buttonClass('default', 'sm', 'w-full min-w-0 justify-between sm:w-72')}
      >
        <span className="flex min-w-0 items-center gap-2">
          <Database aria-hidden className="h-4 w-4 shrink-0" />
          <span className="truncate">
            {selected ? selected.name : current ? current : instances.isPending ? t('loading') : t('choose')}
          </span>
        </span>
        <ChevronsUpDown aria-hidden className="h-4 w-4 shrink-0 opacity-60" />
      </PopoverTrigger>
      <PopoverContent aria-label={t('choose')} className="w-[min(30rem,calc(100vw-1rem))]">
        <Command label={t('search')} loop filter={substringFilter}>
          <Command.Input placeholder={t('searchPlaceholder')} className={commandInputClass} />
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
      </PopoverContent>
    </Popover>
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
