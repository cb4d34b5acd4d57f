'use client';

import type { DownloadLink } from '@/lib/backups/fetch-download';
import { fetchJson } from '@/lib/api/client/fetch-json';
import { downloadPath } from './download-policy';

// Fresh presigned URLs, always through our download route: list rows never carry them.

export type { DownloadLink };

/** `download`: the console starts a download with it (audited as one); `copy`: it is shown or copied. */
export function fetchDownloadLink(
  instanceId: string,
  backupId: string,
  variant: 'public' | 'intranet',
  intent: 'download' | 'copy' = 'copy',
) {
  return fetchJson<DownloadLink>(downloadPath(instanceId, backupId, variant, true, intent));
}

export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

/** Starts the browser's download of a fresh URL; the file server's Content-Disposition names the file. */
export function startDownload(link: DownloadLink): void {
  const a = document.createElement('a');
  a.href = link.url;
  a.download = link.fileName;
  a.rel = 'noreferrer';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
