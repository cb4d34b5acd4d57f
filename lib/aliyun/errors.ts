// Pure: maps whatever the SDK, the credential chain or the network throws to one AliyunError with a message a
// person can act on. Upstream messages are never passed through wholesale: SignatureDoesNotMatch echoes the
// string-to-sign, and credential-chain errors can quote config files.
import { AliyunError, notConfiguredError, type AccessDenied, type AliyunErrorKind } from './aliyun-error';

export * from './aliyun-error';

export interface ErrorContext {
  /** The RPC action, e.g. `DescribeBackups`, to name the missing RAM permission. */
  action?: string;
}

const CREDENTIAL_MESSAGES: Record<string, string> = {
  'InvalidAccessKeyId.NotFound':
    'Alibaba Cloud does not recognise the AccessKey ID: check ALIBABA_CLOUD_ACCESS_KEY_ID.',
  InvalidAccessKeyId: 'Alibaba Cloud does not recognise the AccessKey ID: check ALIBABA_CLOUD_ACCESS_KEY_ID.',
  'InvalidAccessKeyId.Inactive':
    'The AccessKey is disabled: enable it in the RAM console or use another one.',
  'Forbidden.AccessKeyDisabled':
    'The AccessKey is disabled: enable it in the RAM console or use another one.',
  SignatureDoesNotMatch:
    'Alibaba Cloud rejected the request signature: check that ALIBABA_CLOUD_ACCESS_KEY_SECRET belongs to ALIBABA_CLOUD_ACCESS_KEY_ID.',
  IncompleteSignature:
    'Alibaba Cloud rejected the request signature as incomplete: check the AccessKey and that KVSTORE_ENDPOINT points at Alibaba Cloud or the emulator.',
  'InvalidTimeStamp.Expired':
    "Alibaba Cloud rejected the request time: this server's clock is more than 15 minutes off, sync it (NTP).",
  'InvalidSecurityToken.Expired':
    'The STS security token has expired: refresh ALIBABA_CLOUD_SECURITY_TOKEN or the role session.',
  'InvalidSecurityToken.Malformed':
    'The STS security token is malformed: check ALIBABA_CLOUD_SECURITY_TOKEN.',
  'InvalidSecurityToken.MismatchWithAccessKey':
    'The STS security token does not belong to the AccessKey: check ALIBABA_CLOUD_SECURITY_TOKEN.',
};

// Node and httpx spellings of "no usable answer"; a fresh attempt may well succeed.
const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

interface Fields {
  code: string | null;
  upstreamStatus: number | null;
  requestId: string | null;
  upstreamMessage: string | null;
  name: string;
  message: string;
  accessDenied: AccessDenied | null;
}

export function toAliyunError(err: unknown, context: ErrorContext = {}): AliyunError {
  if (err instanceof AliyunError) return err;
  const f = readFields(err);
  const make = (kind: AliyunErrorKind, message: string, retryable?: boolean) =>
    new AliyunError({
      kind,
      message,
      code: f.code,
      requestId: f.requestId,
      upstreamStatus: f.upstreamStatus,
      accessDenied: f.accessDenied,
      retryable,
    });

  if (f.upstreamStatus === null && isCredentialChainFailure(f)) return notConfiguredError();

  const code = f.code ?? '';
  if (f.upstreamStatus !== null || (code && !RETRYABLE_NETWORK_CODES.has(code) && code !== 'ENOTFOUND')) {
    const mapped = mapUpstreamCode(code, f, context, make);
    if (mapped) return mapped;
  }

  if (
    RETRYABLE_NETWORK_CODES.has(code) ||
    /RequestTimeout|Timeout/i.test(f.name) ||
    /socket hang up/i.test(f.message)
  ) {
    return make(
      'unavailable',
      'Alibaba Cloud did not answer in time or closed the connection: check network access to the endpoint (or KVSTORE_ENDPOINT) and try again.',
      true,
    );
  }
  if (code === 'ENOTFOUND') {
    return make(
      'unavailable',
      'The Alibaba Cloud endpoint host name does not resolve: check KVSTORE_ENDPOINT, the region id and DNS.',
      false,
    );
  }
  if (f.name === 'SyntaxError' || /Unexpected token|JSON/i.test(f.message)) {
    return make('unavailable', 'Alibaba Cloud returned a response that is not valid JSON; try again.', true);
  }
  return make(
    'unavailable',
    'The call to Alibaba Cloud failed unexpectedly; try again, and check the server log if it persists.',
    false,
  );
}

/** A RAM policy refusing the call (a disabled or unknown AccessKey is a credentials problem instead). */
export function isRamDenial(code: string): boolean {
  return !(code in CREDENTIAL_MESSAGES) && (code.startsWith('Forbidden') || code === 'NoPermission');
}

function mapUpstreamCode(
  code: string,
  f: Fields,
  context: ErrorContext,
  make: (kind: AliyunErrorKind, message: string, retryable?: boolean) => AliyunError,
): AliyunError | null {
  const credentialMessage = CREDENTIAL_MESSAGES[code];
  if (credentialMessage) return make('credentials', credentialMessage, false);
  if (code === 'InvalidCredentials') return notConfiguredError();

  if (code.startsWith('Throttling')) {
    return make(
      'throttled',
      'Alibaba Cloud is throttling requests for this account; wait a moment and try again.',
      true,
    );
  }
  if (code === 'SignatureNonceUsed') {
    // Each attempt signs with a fresh nonce, so a new attempt is the fix.
    return make('unavailable', 'Alibaba Cloud saw a repeated request nonce; try again.', true);
  }
  if (isRamDenial(code) || f.upstreamStatus === 403) {
    const permission =
      f.accessDenied?.action ?? (context.action ? `kvstore:${context.action}` : 'kvstore:Describe*');
    return make(
      'forbidden',
      `The Alibaba Cloud identity in use is not allowed to call ${permission}: grant it in the RAM console (AliyunKvstoreReadOnlyAccess covers all reads).`,
      false,
    );
  }
  if (code === 'InvalidAction.NotFound') {
    return make(
      'unavailable',
      'The endpoint does not know this API action: check that KVSTORE_ENDPOINT points at R-kvstore or the emulator.',
      false,
    );
  }
  if (code.endsWith('.NotFound') || code === 'InstanceNotFound') {
    const what = code.startsWith('InvalidInstanceId') ? 'The instance was' : 'The requested resource was';
    return make(
      'not_found',
      `${what} not found in this region: check the instance id and the region.`,
      false,
    );
  }
  if (
    code === 'InternalError' ||
    code === 'ServiceUnavailable' ||
    code.startsWith('InternalError') ||
    (f.upstreamStatus ?? 0) >= 500
  ) {
    return make(
      'unavailable',
      `Alibaba Cloud had an internal error (${code || f.upstreamStatus}); try again shortly.`,
      true,
    );
  }
  if (
    code === 'MissingParameter' ||
    code.startsWith('MissingParameter') ||
    code.startsWith('InvalidParameter') ||
    code.startsWith('Invalid') ||
    (f.upstreamStatus ?? 0) >= 400
  ) {
    return make('invalid_input', invalidInputMessage(code), false);
  }
  return null;
}

/** Our wording only: upstream error bodies never reach the browser, however harmless they look. */
function invalidInputMessage(code: string): string {
  return `Alibaba Cloud rejected the request parameters (${code || 'unknown code'}).`;
}

function isCredentialChainFailure(f: Fields): boolean {
  return /unable to get credentials|credentials? (?:is|are) (?:not|missing)|no credential/i.test(f.message);
}

function readFields(err: unknown): Fields {
  const e = (typeof err === 'object' && err !== null ? err : {}) as Record<string, unknown>;
  const data = (typeof e.data === 'object' && e.data !== null ? e.data : {}) as Record<string, unknown>;
  const message = typeof e.message === 'string' ? e.message : typeof err === 'string' ? err : '';
  const code = str(data.Code) ?? str(data.code) ?? str(e.code);
  return {
    code,
    upstreamStatus: num(e.statusCode) ?? num(data.statusCode) ?? num(data.httpStatusCode),
    requestId:
      str(e.requestId) ??
      str(data.RequestId) ??
      str(data.requestId) ??
      str(/request ?id[:=]\s*"?([\w-]{6,})/i.exec(message)?.[1]),
    upstreamMessage: str(data.Message) ?? str(data.message),
    name: typeof e.name === 'string' ? e.name : '',
    message,
    accessDenied: readAccessDenied(
      e.accessDeniedDetail ?? data.AccessDeniedDetail ?? data.accessDeniedDetail,
    ),
  };
}

/** Only the fields a user may see (see AccessDenied); the rest of the detail is dropped here. */
function readAccessDenied(detail: unknown): AccessDenied | null {
  if (typeof detail !== 'object' || detail === null) return null;
  const d = detail as Record<string, unknown>;
  const out = {
    action: str(d.AuthAction) ?? str(d.authAction),
    policyType: str(d.PolicyType) ?? str(d.policyType),
    denyType: str(d.NoPermissionType) ?? str(d.noPermissionType),
  };
  return out.action || out.policyType || out.denyType ? out : null;
}

function str(v: unknown): string | null {
  // The SDK builds `requestId: \`${requestId}\``, so an absent id arrives as the string "undefined".
  return typeof v === 'string' && v !== '' && v !== 'undefined' && v !== 'null' ? v : null;
}

function num(v: unknown): number | null {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n < 600 ? n : null;
}
