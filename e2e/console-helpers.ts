import type { Locator, Page } from '@playwright/test';
import type { Instance } from '@/lib/aliyun/types';
import type { BackupsAnswer } from '@/lib/backups/answer';
import { expect } from './fixtures';

/** Signs in through the form, as a person does; lands wherever the console sends them. */
export async function signIn(page: Page, user: string, password = user): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/**
 * Presses `button` until `heard` passes. The server's HTML shows a button before the page is hydrated, and a
 * press before then does nothing; `force` presses an aria-disabled button, which still answers a press.
 */
export async function pressUntil(
  button: Locator,
  heard: () => Promise<void>,
  { force = false }: { force?: boolean } = {},
): Promise<void> {
  await expect(async () => {
    await button.click({ timeout: 2_000, force });
    await heard();
  }).toPass();
}

/** The API, with the page's session cookie. */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

export async function listInstances(page: Page): Promise<Instance[]> {
  return (await apiGet<{ instances: Instance[] }>(page, '/api/instances')).instances;
}

export function backupsPath(instanceId: string, params: Record<string, string>): string {
  return `/api/instances/${instanceId}/backups?${new URLSearchParams(params)}`;
}

export function fetchBackups(
  page: Page,
  instanceId: string,
  params: Record<string, string>,
): Promise<BackupsAnswer> {
  return apiGet<BackupsAnswer>(page, backupsPath(instanceId, params));
}

/** `2026-11-01 08:00` in UTC, as the range form takes it. */
export function typedUtc(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

/** The URL form of the same minute. */
export function urlUtc(date: Date): string {
  return date.toISOString().slice(0, 16) + 'Z';
}

export async function pickInstance(page: Page, name: string): Promise<void> {
  const picker = page.getByRole('combobox', { name: 'Instance' });
  // Wait for the page (the fleet at `/`, or an instance's backups) before driving the picker.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await picker.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: 'Search instances' }).fill(name);
  await page.keyboard.press('Enter');
  await expect(picker).toContainText(name);
}

export async function toggleFacet(page: Page, facet: string, value: string): Promise<void> {
  await page.getByRole('button', { name: facet, exact: true }).click();
  await page.getByRole('menuitemcheckbox', { name: value, exact: true }).click();
  await page.keyboard.press('Escape');
}

/** The numbers in the Size column's exact-bytes titles, top to bottom. */
export async function visibleSizes(page: Page): Promise<number[]> {
  const titles = await page
    .locator('tbody td span[title$="bytes"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
  return titles.map((t) => Number(t.replace(/[^\d]/g, '')));
}

/** A range of whole minutes ending now, in the URL's form. */
export function lastDays(days: number): { start: string; end: string } {
  const end = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  return { start: urlUtc(new Date(end.getTime() - days * 86_400_000)), end: urlUtc(end) };
}

/** Every backups-list request the page makes from now on, as its query without the range. */
export function recordBackupRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!/^\/api\/instances\/[^/]+\/backups$/.test(url.pathname)) return;
    url.searchParams.delete('start');
    url.searchParams.delete('end');
    seen.push(url.searchParams.toString());
  });
  return seen;
}
