import type { ShardSkipped } from '@/lib/backups/shell-script';

// The errors our API answers with. Anything thrown that is not an ApiError (or an AliyunError,
// which the route wrapper converts) becomes a generic 500 and is never echoed to the browser.

export type ApiErrorCode =
  | 'invalid_input'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'throttled'
  | 'not_configured'
  | 'credentials'
  | 'bad_upstream'
  | 'unavailable'
  /** Alibaba Cloud did not answer within KVSTORE_DEADLINE_MS (504). */
  | 'timeout'
  | 'internal';

export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    /** The field a validation error is about, when there is one. */
    field?: string;
    issues?: { field: string; message: string }[];
    /** Alibaba Cloud's RequestId, for a support ticket. */
    requestId?: string;
    /** With `throttled`: when to try again (also the Retry-After header). */
    retryAfterSeconds?: number;
    /** A RAM denial: the action and the policy type (never who was denied). */
    accessDenied?: { action: string | null; policyType: string | null; denyType: string | null };
    /** A job's script refused as incomplete: the shards (or nodes) without a file. */
    missing?: ShardSkipped[];
    /** With `missing`: how many shards (or nodes) the job has in all. */
    shards?: number;
  };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: Omit<ApiErrorBody['error'], 'code' | 'message'> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    const retry = this.retryAfterSeconds ? { retryAfterSeconds: this.retryAfterSeconds } : {};
    return { error: { code: this.code, message: this.message, ...this.extra, ...retry } };
  }
}

/** As `isAliyunError`: an ApiError thrown in another bundle (a sync's deadline) is still one. */
export function isApiError(err: unknown): err is ApiError {
  return (
    err instanceof ApiError ||
    (err instanceof Error && err.name === 'ApiError' && typeof (err as ApiError).toBody === 'function')
  );
}
