import type { ApiErrorBody } from '../api-error';

/** A failed API call as the browser sees it: our message and, when there is one, Alibaba's RequestId. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody['error'],
  ) {
    super(body.message);
    this.name = 'ApiRequestError';
  }
}

export async function fetchJson<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (body as ApiErrorBody | null)?.error ?? {
      code: 'internal',
      message: `Request failed with HTTP ${res.status}`,
    };
    throw new ApiRequestError(res.status, error);
  }
  return body as T;
}
