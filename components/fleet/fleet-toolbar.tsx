'use client';

import { Search, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { HEALTH_STATES, type HealthState } from '@/lib/health/types';
import { cn } from '@/lib/ui/cn';

function Toggle({ on, onClick, children }: { on: boolean; onClick: () => void; children: string }) {
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={onClick}
      className={cn(buttonClass(on ? 'primary' : 'default', 'sm'), 'rounded-full')}
    >
      {children}
    </button>
  );
}

const toggled = (list: string[], value: string) =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

export function FleetToolbar({
  states,
  regions,
  stateCounts,
  regionCounts,
  q,
  onChange,
  onSearch,
  onClear,
}: {
  states: string[];
  regions: string[];
  stateCounts: Record<HealthState, number>;
  regionCounts: [string, number][];
  q: string;
  onChange: (patch: { state?: string[] | null; region?: string[] | null }) => void;
  onSearch: (q: string) => void;
  onClear: () => void;
}) {
  const t = useTranslations('fleet');
  const [text, setText] = useState(q);
  // Back/Forward or Clear change q from outside: the box follows (set during render, not in an effect).
  const [shown, setShown] = useState(q);
  if (q !== shown) {
    setShown(q);
    setText(q);
  }
  useEffect(() => {
    if (text === q) return;
    const timer = setTimeout(() => onSearch(text), 250);
    return () => clearTimeout(timer);
  }, [text, q, onSearch]);
  const filtered = states.length > 0 || regions.length > 0 || q !== '';

  return (
    <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{t('search')}</span>
        <span className="relative">
          <Search aria-hidden className="absolute top-2 left-2 h-4 w-4 text-slate-500" />
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('searchPlaceholder')}
            className="h-8 w-56 rounded-md border border-slate-300 bg-white pr-2 pl-8 text-sm dark:border-slate-600 dark:bg-slate-900"
          />
        </span>
      </label>
      <div role="group" aria-label={t('filterState')} className="flex flex-wrap gap-1.5">
        {HEALTH_STATES.filter((s) => stateCounts[s] > 0 || states.includes(s)).map((s) => (
          <Toggle key={s} on={states.includes(s)} onClick={() => onChange({ state: toggled(states, s) })}>
            {t('filterOption', { label: t(`state.${s}`), count: stateCounts[s] })}
          </Toggle>
        ))}
      </div>
      <div role="group" aria-label={t('filterRegion')} className="flex flex-wrap gap-1.5">
        {regionCounts.map(([r, n]) => (
          <Toggle key={r} on={regions.includes(r)} onClick={() => onChange({ region: toggled(regions, r) })}>
            {t('filterOption', { label: r, count: n })}
          </Toggle>
        ))}
      </div>
      {filtered && (
        <button type="button" onClick={onClear} className={buttonClass('ghost', 'sm')}>
          <X aria-hidden className="h-4 w-4" />
          {t('clearFilters')}
        </button>
      )}
    </div>
  );
}
