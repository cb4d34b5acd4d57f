'use client';

import { ChevronsUpDown, Database } from 'lucide-react';
import dynamic from 'next/dynamic';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { Instance } from '@/lib/aliyun/types';
import { readRecentInstances } from '@/lib/ui/recent-instances';
import { buttonClass } from '@/components/ui/button';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { useInstances } from './use-instances';

// The searchable list (cmdk) loads when the picker first opens: the page's first paint does not need it.
const InstancePickerList = dynamic(() => import('./instance-picker-list').then((m) => m.InstancePickerList), {
  ssr: false,
  loading: () => <PickerLoading />,
});

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
        {open && (
          <InstancePickerList
            instances={instances}
            recent={recentInstances}
            current={current}
            onPick={pick}
          />
        )}
      </PopoverContent>
    </Popover>
  );
}

function PickerLoading() {
  const t = useTranslations('common');
  return <p className="p-3">{t('loading')}</p>;
}
