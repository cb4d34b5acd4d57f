import type { Translate } from '@/lib/i18n/translate';
import { ApiRequestError } from './fetch-json';

// What a person reads for a failed call, in their language: our API's error code chooses the message
// (lib/i18n/messages/<locale>/errors.json); the server's own English sentence is a detail beside it.

/** `t`: the `errors` namespace's translator; the request id is left out where the page shows it apart. */
export function errorMessage(err: unknown, t: Translate, withRequestId = true): string {
  if (err instanceof ApiRequestError) {
    const { code, field, requestId, retryAfterSeconds } = err.body;
    const message =
      code === 'invalid_input' && field
        ? t('api.invalid_input_field', { field })
        : code === 'throttled'
          ? retryAfterSeconds
            ? t('api.throttled', { seconds: retryAfterSeconds })
            : t('api.throttled_soon')
          : t(`api.${KNOWN.has(code) ? code : 'internal'}`);
    return requestId && withRequestId ? t('withRequestId', { message, requestId }) : message;
  }
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (err instanceof TypeError) return t('network');
  return t('unknown');
}

const KNOWN = new Set([
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'throttled',
  'not_configured',
  'credentials',
  'bad_upstream',
  'unavailable',
  'timeout',
  'internal',
]);

/** The server's own sentence, when it says more than the message chosen by its code. */
export function errorDetail(err: unknown): string | null {
  return err instanceof ApiRequestError && err.status !== 401 ? err.message : null;
}

/** Whether asking again can help: not for a request the API refused as invalid, forbidden or unknown. */
export function isRetryable(err: unknown): boolean {
  return !(err instanceof ApiRequestError && [400, 401, 403, 404].includes(err.status));
}

/** Not found, or not visible to this user: asking again cannot help. */
export function isNotFound(err: unknown): boolean {
  return err instanceof ApiRequestError && err.status === 404;
}
