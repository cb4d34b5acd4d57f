// Shell text for downloads: every value is single-quoted so a URL's `&` or `$` stays literal.

export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function wgetCommand(fileName: string, url: string): string {
  return `wget -c -O ${shellQuote(fileName)} ${shellQuote(url)}`;
}

export interface ShardLink {
  node: string | null;
  backupId: string;
  fileName: string;
  url: string;
  expiresAt?: string;
}

export interface ShardSkipped {
  node: string | null;
  /** Null for a shard that has no backup in the job at all. */
  backupId: string | null;
  /** Why, for the console to word: the backup did not succeed, the shard has none, or Alibaba Cloud no longer lists it. */
  cause: 'status' | 'absent' | 'unlisted';
  /** With `status`: the backup's status. */
  status?: string;
  /** The same in English, for the script's comment. */
  reason: string;
}

/** A POSIX sh script that downloads every shard of a job into its own directory, resumably. */
export function jobDownloadScript(opts: {
  instanceId: string;
  jobId: string;
  links: ShardLink[];
  skipped: ShardSkipped[];
  generatedAt: string;
}): string {
  const expiries = opts.links
    .map((l) => l.expiresAt)
    .filter((v): v is string => Boolean(v))
    .sort();
  const lines = [
    '#!/bin/sh',
    `# Backup job ${opts.jobId} of ${opts.instanceId}: ${opts.links.length} shard file(s).`,
    `# Generated ${opts.generatedAt}.${expiries[0] ? ` The URLs expire at ${expiries[0]}; generate a new script after that.` : ''}`,
    'set -eu',
    '',
  ];
  for (const s of opts.skipped)
    lines.push(
      `# skipped ${s.node ?? 'node'} (${s.backupId ? `backup ${s.backupId}` : 'no backup'}): ${s.reason}`,
    );
  for (const l of opts.links) {
    const dir = (l.node ?? opts.instanceId).replace(/[^A-Za-z0-9._-]/g, '_');
    lines.push(`mkdir -p ${shellQuote(dir)}`);
    lines.push(wgetCommand(`${dir}/${l.fileName}`, l.url));
  }
  return lines.join('\n') + '\n';
}
