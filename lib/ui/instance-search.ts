import type { Instance } from '@/lib/aliyun/types';

// The picker's search: plain substrings, so "cluster" finds the cluster instances and nothing else.

export function instanceKeywords(i: Instance): string[] {
  return [i.name, i.instanceId, i.regionId, i.architecture, i.status, i.engine];
}

/** Every word typed appears, case-insensitively, inside one of the keywords. */
export function matchesSearch(keywords: readonly string[], search: string): boolean {
  const haystack = keywords.map((k) => k.toLowerCase());
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.some((k) => k.includes(word)));
}
