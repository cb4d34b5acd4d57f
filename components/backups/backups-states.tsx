'use client';

import { AlertTriangle, KeyRound, SearchX } from 'lucide-react';
import type { ReactNode } from 'react';
import { isRetryable } from '@/lib/api/error-message';
import { ApiRequestError } from '@/lib/api/fetch-json';
import { AccessDeniedDetail } from './access-denied-detail';
import type { InvalidValue } from './link-check';
import { Button } from '@/components/ui/button';
import { openInstancePicker } from '@/components/shell/instance-picker';

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
      <p className="text-sm">{signedOut ? 'Sign in again to continue.' : errorText(error)}</p>
      <AccessDeniedDetail detail={api?.body.accessDenied} />
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
      {signedOut ? (
        <a className="text-sm font-medium underline" href="/sign-in">
          Sign in
        </a>
      ) : (
        isRetryable(error) && <Button onClick={onRetry}>Retry</Button>
      )}
    </Panel>
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}

/** The instance does not exist, or this user may not see it: asking again cannot help. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 404;
}

export function InstanceNotFoundState({ instanceId }: { instanceId: string }) {
  return (
    <Panel icon={<SearchX className="h-6 w-6" />} title="Instance not found" tone="error">
      <p className="text-sm">
        There is no instance <code className="font-mono">{instanceId}</code> in the configured regions, or it
        is not visible to you.
      </p>
      <Button onClick={openInstancePicker}>Choose an instance</Button>
    </Panel>
  );
}

const FIELD_NAMES: Partial<Record<InvalidValue['field'], string>> = {
  q: 'Search',
  sort: 'Sort',
  page: 'Page',
  pageSize: 'Rows per page',
};

/** A link the API would refuse: what is wrong with it, and a way to a valid view. Nothing is sent. */
export function InvalidLinkState({
  rangeMessage,
  invalid,
  onResetRange,
  onRemoveInvalid,
}: {
  rangeMessage: string | null;
  invalid: InvalidValue[];
  onResetRange: () => void;
  onRemoveInvalid: () => void;
}) {
  const name = (field: InvalidValue['field']) =>
    FIELD_NAMES[field] ?? field[0]!.toUpperCase() + field.slice(1);
  return (
    <Panel
      icon={<AlertTriangle className="h-6 w-6" />}
      title={
        rangeMessage ? 'The date range in the link is not valid' : 'The link has values this page cannot use'
      }
      tone="error"
    >
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {rangeMessage && <li>{rangeMessage}</li>}
        {invalid.map((v) => (
          <li key={v.field}>
            {name(v.field)} <code className="font-mono break-all">&quot;{v.value}&quot;</code>: {v.message}.
          </li>
        ))}
      </ul>
      <p className="text-sm">
        Nothing was requested.
        {rangeMessage && ' Choose a new range with the Date range control above, or:'}
      </p>
      <div className="flex flex-wrap gap-2">
        {rangeMessage && <Button onClick={onResetRange}>Use the last 7 days</Button>}
        {invalid.length > 0 && <Button onClick={onRemoveInvalid}>Remove the invalid values</Button>}
      </div>
    </Panel>
  );
}
