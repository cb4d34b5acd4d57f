import { matchesSearch } from '@/lib/ui/instance-search';

// The console's cmdk lists (instances, time zones) look and search alike.

export const commandGroupClass =
  '[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-slate-600 dark:[&_[cmdk-group-heading]]:text-slate-300';

export const commandItemClass =
  'flex cursor-default items-center gap-2 rounded px-2 py-1.5 data-[selected=true]:bg-slate-100 dark:data-[selected=true]:bg-slate-800';

export const commandInputClass =
  'h-10 w-full border-b border-slate-200 bg-transparent px-3 outline-none placeholder:text-slate-500 dark:border-slate-700 dark:placeholder:text-slate-400';

/** cmdk's default scorer is fuzzy ("cluster" matched ticker-cache-sg); items match by plain substrings. */
export function substringFilter(_value: string, search: string, keywords: string[] = []): number {
  return matchesSearch(keywords, search) ? 1 : 0;
}
