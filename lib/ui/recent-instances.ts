// The instances a person visited, newest first, kept in this browser only.

const RECENT_KEY = 'kvstore-backups.recent-instances';
const MAX_RECENT = 5;

export function readRecentInstances(): string[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(value)
      ? value.filter((v): v is string => typeof v === 'string').slice(0, MAX_RECENT)
      : [];
  } catch {
    return [];
  }
}

export function rememberInstance(instanceId: string): void {
  try {
    const next = [instanceId, ...readRecentInstances().filter((id) => id !== instanceId)].slice(
      0,
      MAX_RECENT,
    );
    window.localStorage.setItem(RECENT_KEY, JSON.stringify(next));
  } catch {
    // Private mode or a full quota: recents are a convenience.
  }
}
