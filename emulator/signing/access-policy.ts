import { createHash } from 'node:crypto';
import { ApiError } from '../protocol/api-error';

// RAM, in miniature: each AccessKey may have actions it is not allowed to call. A denied call answers
// 403 NoPermission with the AccessDeniedDetail Alibaba Cloud adds to RAM denials, so a client can say
// which permission is missing.

/** The emulator's account, as RAM names it in a denial. */
const ACCOUNT_ID = '1234567890123456';

export class AccessPolicies {
  private denied: Map<string, ReadonlySet<string>>;

  constructor(private readonly initial: ReadonlyMap<string, readonly string[]>) {
    this.denied = AccessPolicies.copy(initial);
  }

  private static copy(from: ReadonlyMap<string, readonly string[]>): Map<string, ReadonlySet<string>> {
    return new Map([...from].map(([key, actions]) => [key, new Set(actions)]));
  }

  /** Every key's denied actions, as the admin route shows them. */
  snapshot(): Record<string, string[]> {
    return Object.fromEntries([...this.denied].map(([key, actions]) => [key, [...actions].sort()]));
  }

  /** Replaces what one key may not call (`[]`: everything allowed). */
  setDenied(accessKeyId: string, actions: readonly string[]): void {
    this.denied.set(accessKeyId, new Set(actions));
  }

  reset(): void {
    this.denied = AccessPolicies.copy(this.initial);
  }

  /** Throws the RAM denial when `accessKeyId` may not call `action`. */
  check(accessKeyId: string, action: string): void {
    if (this.denied.get(accessKeyId)?.has(action)) throw accessDenied(accessKeyId, action);
  }
}

function accessDenied(accessKeyId: string, action: string): ApiError {
  const authAction = `kvstore:${action}`;
  const diagnostic = Buffer.from(
    JSON.stringify({ AuthAction: authAction, AccessKeyId: accessKeyId, Policy: 'emulator' }),
  ).toString('base64');
  return new ApiError(
    'NoPermission',
    403,
    `You are not authorized to do this operation. Action: ${authAction}.`,
    {
      AccessDeniedDetail: {
        AuthAction: authAction,
        PolicyType: 'AccountLevelIdentityBasedPolicy',
        NoPermissionType: 'ImplicitDeny',
        AuthPrincipalType: 'SubUser',
        AuthPrincipalOwnerId: ACCOUNT_ID,
        AuthPrincipalDisplayName: `emulator-user-${createHash('sha256').update(accessKeyId).digest('hex').slice(0, 8)}`,
        EncodedDiagnosticMessage: diagnostic,
      },
    },
  );
}
