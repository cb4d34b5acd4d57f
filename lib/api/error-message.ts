import { ApiRequestError } from './fetch-json';

/** The message a person sees for a failed call, with Alibaba's request id when there is one. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiRequestError) {
    return err.body.requestId ? `${err.message} (request id ${err.body.requestId})` : err.message;
  }
  return err instanceof Error ? err.message : 'Something went wrong.';
}

/** Whether asking again can help: not for a request the API refused as invalid, forbidden or unknown. */
export function isRetryable(err: unknown): boolean {
  return !(err instanceof ApiRequestError && [400, 401, 403, 404].includes(err.status));
}
