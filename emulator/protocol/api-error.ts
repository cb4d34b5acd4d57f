/** An Alibaba-shaped API failure; `code` is what clients branch on, `status` is the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** More top-level fields of the error body, such as a RAM denial's `AccessDeniedDetail`. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const apiErrors = {
  missingParameter: (name: string) =>
    new ApiError(
      'MissingParameter',
      400,
      `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
    ),
  invalidParameter: (name: string, why?: string) =>
    new ApiError(
      'InvalidParameter',
      400,
      `The specified parameter "${name}" is not valid.${why ? ` ${why}` : ''}`,
    ),
  invalidStartTime: () =>
    new ApiError('InvalidStartTime.Malformed', 400, 'The Specified parameter StartTime is not valid.'),
  invalidEndTime: () =>
    new ApiError('InvalidEndTime.Malformed', 400, 'The Specified parameter EndTime is not valid.'),
  invalidVersion: () => new ApiError('InvalidVersion', 400, 'Specified parameter Version is not valid.'),
  actionNotFound: () =>
    new ApiError(
      'InvalidAction.NotFound',
      404,
      'Specified api is not found, please check your url and method.',
    ),
  instanceNotFound: () =>
    new ApiError('InvalidInstanceId.NotFound', 404, 'The specified instance is not found.'),
  accessKeyNotFound: () =>
    new ApiError('InvalidAccessKeyId.NotFound', 404, 'Specified access key is not found.'),
  incompleteSignature: (why: string) =>
    new ApiError(
      'IncompleteSignature',
      400,
      `The request signature does not conform to Aliyun standards. ${why}`,
    ),
  signatureMismatch: (stringToSign: string) =>
    new ApiError(
      'SignatureDoesNotMatch',
      400,
      `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
    ),
  contentHashMismatch: () =>
    new ApiError(
      'SignatureDoesNotMatch',
      400,
      'The x-acs-content-sha256 header does not match the hash of the request body.',
    ),
  nonceUsed: () => new ApiError('SignatureNonceUsed', 400, 'Specified signature nonce was used already.'),
  timestampExpired: (value: string) =>
    new ApiError(
      'InvalidTimeStamp.Expired',
      400,
      `Specified time stamp or date value is expired. (${value})`,
    ),
  timestampMalformed: () =>
    new ApiError('InvalidTimeStamp.Format', 400, 'Specified time stamp or date value is not well formatted.'),
  throttled: () => new ApiError('Throttling.User', 400, 'Request was denied due to user flow control.'),
  internalError: () =>
    new ApiError('InternalError', 500, 'The request processing has failed due to some unknown error.'),
  serviceUnavailable: () =>
    new ApiError(
      'ServiceUnavailable',
      503,
      'The request has failed due to a temporary failure of the server.',
    ),
  payloadTooLarge: () => new ApiError('InvalidParameter', 413, 'The request body is too large.'),
  /** A RAM policy that does not grant `action` on this resource, with the detail Alibaba adds. */
  ramDenied: (action: string) =>
    new ApiError(
      'Forbidden.RAM',
      403,
      `User not authorized to operate on the specified resource, or this API doesn't support RAM.`,
      {
        AccessDeniedDetail: {
          AuthAction: action,
          AuthPrincipalType: 'SubUser',
          AuthPrincipalOwnerId: '1234567890123456',
          AuthPrincipalDisplayName: 'kvstore-backups-console',
          PolicyType: 'AccountLevelIdentityBasedPolicy',
          NoPermissionType: 'ImplicitDeny',
          EncodedDiagnosticMessage: Buffer.from(`{"AuthAction":"${action}"}`).toString('base64'),
        },
      },
    ),
};
