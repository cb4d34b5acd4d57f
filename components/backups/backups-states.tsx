'use client';

import { AlertTriangle, KeyRound, SearchX } from 'lucide-react';
import type { ReactNode } from 'react';
import { ApiRequestError } from '@/lib/api/fetch-json';
import { Button } from '@/components/ui/button';

function Panel({
  icon,
  title,
  children,
  tone = 'neutral',
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  tone?: 'neutral' | 'error';
}) {
  return (
    <section
      role={tone === 'error' ? 'alert' : undefined}
      className={
        tone === 'error'
          ? 'rounded-lg border border-red-300 bg-red-50 p-6 text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100'
          : 'rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-600'
      }
    >
      <div className={tone === 'error' ? 'flex gap-3' : 'mx-auto flex max-w-lg flex-col items-center gap-2'}>
        <span aria-hidden className="shrink-0">
          {icon}
        </span>
        <div className="space-y-2">
          <h2 className="font-semibold">{title}</h2>
          {children}
        </div>
      </div>
    </section>
  );
}

export function EmptyState({
  filtered,
  rangeText,
  widerLabel,
  onWiden,
  onReset,
}: {
  filtered: boolean;
  rangeText: string;
  widerLabel?: string;
  onWiden?: () => void;
  onReset: () => void;
}) {
  return (
    <Panel
      icon={<SearchX className="h-8 w-8 text-slate-500 dark:text-slate-400" />}
      title={filtered ? 'No backups match the filters' : 'No backups in this range'}
    >
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {filtered
          ? `There are backups ${rangeText}, but none with the chosen filters or search.`
          : `The instance has no backups ${rangeText}. Backups may be older, or the backup policy may be off.`}
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        {filtered && <Button onClick={onReset}>Reset filters</Button>}
        {widerLabel && onWiden && (
          <Button variant="primary" onClick={onWiden}>
            Show {widerLabel.toLowerCase()}
          </Button>
        )}
      </div>
    </Panel>
  );
}

export function NotConfiguredState({ message }: { message: string }) {
  return (
    <Panel
      icon={<KeyRound className="h-6 w-6" />}
      title="Alibaba Cloud credentials are not configured"
      tone="error"
    >
      <p className="text-sm">{message}</p>
      <p className="text-sm">
        Set <code className="font-mono">ALIBABA_CLOUD_ACCESS_KEY_ID</code> and{' '}
        <code className="font-mono">ALIBABA_CLOUD_ACCESS_KEY_SECRET</code> (or any source of the Alibaba Cloud
        default credential chain: RRSA, a CLI profile, an ECS RAM role) in the server&apos;s environment and
        restart it. To try the console without an account, run <code className="font-mono">npm run demo</code>
        , which starts it against the built-in emulator.
      </p>
    </Panel>
  );
}

export function ErrorState({ error, onRetry, what }: { error: unknown; onRetry: () => void; what: string }) {
  if (error instanceof ApiRequestError && error.body.code === 'not_configured') {
    return <NotConfiguredState message={error.message} />;
  }
  const api = error instanceof ApiRequestError ? error : null;
  const signedOut = api?.status === 401;
  return (
    <Panel
      icon={<AlertTriangle className="h-6 w-6" />}
      title={signedOut ? 'Your session has ended' : `Could not load ${what}`}
      tone="error"
    >
      <p className="text-sm">
        {signedOut
          ? 'Sign in again to continue.'
          : error instanceof Error
            ? error.message
            : 'Something went wrong.'}
      </p>
      {api?.body.field && (
        <p className="text-sm">
          Field: <code className="font-mono">{api.body.field}</code>
        </p>
      )}
      {api?.body.requestId && (
        <p className="text-sm">
          Request id (for a support ticket):{' '}
          <code className="font-mono select-all">{api.body.requestId}</code>
        </p>
      )}
      <div className="flex gap-2">
        {signedOut ? (
          <a className="text-sm font-medium underline" href="/sign-in">
            Sign in
          </a>
        ) : (
          <Button onClick={onRetry}>Retry</Button>
        )}
      </div>
    </Panel>
  );
}

export function InvalidRangeState({ message, onReset }: { message: string; onReset: () => void }) {
  return (
    <Panel
      icon={<AlertTriangle className="h-6 w-6" />}
      title="The date range in the link is not valid"
      tone="error"
    >
      <p className="text-sm">
        {message} Nothing was requested. Choose a new range with the Date range control, or:
      </p>
      <div>
        <Button onClick={onReset}>Use the last 7 days</Button>
      </div>
    </Panel>
  );
}
