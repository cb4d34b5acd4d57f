// Pure (no SDK, no server-only): the API layer imports the class and kinds to map errors to responses.
// Import from `./errors`, which also holds the mapper from SDK/network errors.

export type AliyunErrorKind =
  | 'not_configured'
  | 'credentials'
  | 'forbidden'
  | 'not_found'
  | 'invalid_input'
  | 'throttled'
  | 'unavailable';

/**
 * The status our own API should answer with. `credentials` is 502, not 401: the key that failed is the server's,
 * not the signed-in user's, and a 401 would make the browser think its own session expired.
 */
const ALIYUN_ERROR_STATUS: Record<AliyunErrorKind, number> = {
  not_configured: 503,
  credentials: 502,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  throttled: 429,
  unavailable: 503,
};

/**
 * What a RAM denial's AccessDeniedDetail says that a user may see: the denied action, the policy type and
 * whether the deny was implicit or explicit. The principal's account id and name and the encoded diagnostic
 * message stay on the server.
 */
export interface AccessDenied {
  action: string | null;
  policyType: string | null;
  denyType: string | null;
}

export interface AliyunErrorInit {
  kind: AliyunErrorKind;
  message: string;
  code?: string | null;
  requestId?: string | null;
  retryable?: boolean;
  upstreamStatus?: number | null;
  accessDenied?: AccessDenied | null;
}

export class AliyunError extends Error {
  readonly kind: AliyunErrorKind;
  /** The upstream `Code` (e.g. `Throttling.User`), or a network error code such as `ECONNREFUSED`. */
  readonly code: string | null;
  readonly requestId: string | null;
  readonly retryable: boolean;
  /** The HTTP status our API should answer with (see `ALIYUN_ERROR_STATUS`). */
  readonly status: number;
  /** The HTTP status Alibaba Cloud answered with, when there was an answer. */
  readonly upstreamStatus: number | null;
  /** A RAM denial's detail, when Alibaba Cloud sent one. */
  readonly accessDenied: AccessDenied | null;

  constructor(init: AliyunErrorInit) {
    super(init.message);
    this.name = 'AliyunError';
    this.kind = init.kind;
    this.code = init.code ?? null;
    this.requestId = init.requestId ?? null;
    this.retryable = init.retryable ?? (init.kind === 'throttled' || init.kind === 'unavailable');
    this.status = ALIYUN_ERROR_STATUS[init.kind];
    this.upstreamStatus = init.upstreamStatus ?? null;
    this.accessDenied = init.accessDenied ?? null;
  }
}

/**
 * `instanceof` fails across Next.js bundles, which may each load this class: a sync started by the warmer
 * (instrumentation) throws its bundle's AliyunError into a route handler's. The shape tells them apart.
 */
export function isAliyunError(err: unknown): err is AliyunError {
  return (
    err instanceof AliyunError ||
    (err instanceof Error && err.name === 'AliyunError' && typeof (err as AliyunError).status === 'number')
  );
}

const NOT_CONFIGURED_MESSAGE =
  'Alibaba Cloud credentials are not configured: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET ' +
  '(or another source of the Alibaba Cloud default credential chain), or run `npm run demo` to use the local emulator.';

export function notConfiguredError(): AliyunError {
  return new AliyunError({
    kind: 'not_configured',
    code: 'CredentialsNotFound',
    message: NOT_CONFIGURED_MESSAGE,
  });
}
