import { ClientError, ServerError, ThrottlingError } from '@alicloud/openapi-core';
import { describe, expect, it } from 'vitest';
import { AliyunError, isRamDenial, toAliyunError } from './errors';

// Built the way openapi-core builds them from an error body (see its doRequest).
function upstream(statusCode: number, code: string, message: string, requestId = 'REQ-1234-ABCD') {
  const body = { RequestId: requestId, HostId: 'r-kvstore.aliyuncs.com', Code: code, Message: message };
  const map = {
    statusCode,
    code,
    message: `code: ${statusCode}, ${message} request id: ${requestId}`,
    data: body,
    requestId,
  };
  if (code.includes('Throttling')) return new ThrottlingError(map);
  return statusCode >= 500 ? new ServerError(map) : new ClientError(map);
}

function netError(code: string, message = `connect ${code} 127.0.0.1:4010`) {
  return Object.assign(new Error(message), { code });
}

describe('toAliyunError: upstream codes', () => {
  it.each([
    ['InvalidAccessKeyId.NotFound', 404, 'credentials', 502, false],
    ['SignatureDoesNotMatch', 400, 'credentials', 502, false],
    ['IncompleteSignature', 400, 'credentials', 502, false],
    ['InvalidTimeStamp.Expired', 400, 'credentials', 502, false],
    ['Forbidden.AccessKeyDisabled', 403, 'credentials', 502, false],
    ['Forbidden.RAM', 403, 'forbidden', 403, false],
    ['Forbidden', 403, 'forbidden', 403, false],
    ['InvalidInstanceId.NotFound', 404, 'not_found', 404, false],
    ['InvalidBackupId.NotFound', 404, 'not_found', 404, false],
    ['MissingParameter', 400, 'invalid_input', 400, false],
    ['InvalidParameter', 400, 'invalid_input', 400, false],
    ['InvalidStartTime.Malformed', 400, 'invalid_input', 400, false],
    ['InvalidEndTime.Malformed', 400, 'invalid_input', 400, false],
    ['Throttling', 400, 'throttled', 429, true],
    ['Throttling.User', 400, 'throttled', 429, true],
    ['Throttling.Api', 503, 'throttled', 429, true],
    ['InternalError', 500, 'unavailable', 503, true],
    ['ServiceUnavailable', 503, 'unavailable', 503, true],
    ['SomethingNew', 502, 'unavailable', 503, true],
    ['InvalidAction.NotFound', 404, 'unavailable', 503, false],
    ['SignatureNonceUsed', 400, 'unavailable', 503, true],
  ] as const)('%s (HTTP %i) -> %s', (code, http, kind, status, retryable) => {
    const e = toAliyunError(upstream(http, code, 'upstream says no'));
    expect(e).toBeInstanceOf(AliyunError);
    expect(e).toMatchObject({
      kind,
      status,
      retryable,
      code,
      requestId: 'REQ-1234-ABCD',
      upstreamStatus: http,
    });
    // Only parameter errors may quote upstream (it names the bad field); everything else is our own sentence.
    if (kind !== 'invalid_input') expect(e.message).not.toContain('upstream says no');
  });

  it('never leaks the string-to-sign from SignatureDoesNotMatch', () => {
    const leaky =
      'Specified signature is not matched with our calculation. server string to sign is:ACS3-HMAC-SHA256\n4f6c0e6e3b4e9d2a';
    const e = toAliyunError(upstream(400, 'SignatureDoesNotMatch', leaky));
    expect(e.message).not.toMatch(/string to sign|4f6c0e6e|ACS3-HMAC/);
    expect(e.message).toMatch(/ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
    expect(e.requestId).toBe('REQ-1234-ABCD');
    expect(JSON.stringify(e)).not.toContain('4f6c0e6e');
  });

  it('never passes on an upstream parameter message, only the code', () => {
    const plain = toAliyunError(
      upstream(400, 'MissingParameter', 'The input parameter "StartTime" is not supplied.'),
    );
    expect(plain.message).toBe('Alibaba Cloud rejected the request parameters (MissingParameter).');
    const leaky = toAliyunError(
      upstream(400, 'InvalidParameter', 'bad Signature string to sign is:GET&%2F&AccessKeyId%3Dabc'),
    );
    expect(leaky.message).not.toMatch(/AccessKeyId|string to sign/);
  });

  it('names the RAM action when forbidden', () => {
    expect(
      toAliyunError(upstream(403, 'Forbidden.RAM', 'x'), { action: 'DescribeBackups' }).message,
    ).toContain('kvstore:DescribeBackups');
  });

  it('reads the request id from the message when data lacks it', () => {
    const e = toAliyunError(
      Object.assign(new Error('code: 500, boom request id: 6D7D871F-8A6B'), {
        statusCode: 500,
        code: 'InternalError',
      }),
    );
    expect(e.requestId).toBe('6D7D871F-8A6B');
  });

  it('treats the SDK "undefined" request id as absent', () => {
    const sdkShaped = new ServerError({
      statusCode: 500,
      code: 'InternalError',
      message: 'code: 500, boom request id: undefined',
      data: { Code: 'InternalError' },
      requestId: `${undefined}`,
    });
    expect(toAliyunError(sdkShaped).requestId).toBeNull();
  });
});

describe('isRamDenial', () => {
  it('is a RAM policy refusing the call, not an AccessKey problem', () => {
    for (const code of ['Forbidden.RAM', 'Forbidden', 'NoPermission']) expect(isRamDenial(code)).toBe(true);
    for (const code of ['Forbidden.AccessKeyDisabled', 'InvalidAccessKeyId.NotFound', 'Throttling.User'])
      expect(isRamDenial(code)).toBe(false);
  });
});

describe('toAliyunError: network, parsing, credentials', () => {
  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN'])(
    '%s -> unavailable, retryable',
    (code) => {
      expect(toAliyunError(netError(code))).toMatchObject({
        kind: 'unavailable',
        status: 503,
        retryable: true,
        code,
      });
    },
  );

  it('socket hang up and httpx timeouts are retryable', () => {
    expect(toAliyunError(new Error('socket hang up')).retryable).toBe(true);
    const readTimeout = Object.assign(new Error('ReadTimeout(15000). '), { name: 'RequestTimeoutError' });
    const connectTimeout = Object.assign(new Error('ConnectTimeout: Connect http://x failed.'), {
      name: 'RequestTimeoutError',
    });
    expect(toAliyunError(readTimeout)).toMatchObject({ kind: 'unavailable', retryable: true });
    expect(toAliyunError(connectTimeout)).toMatchObject({ kind: 'unavailable', retryable: true });
  });

  it('an unresolvable host is unavailable but not retried', () => {
    expect(toAliyunError(netError('ENOTFOUND', 'getaddrinfo ENOTFOUND nowhere'))).toMatchObject({
      kind: 'unavailable',
      retryable: false,
    });
  });

  it('malformed JSON from upstream is unavailable and retryable', () => {
    let err: unknown;
    try {
      JSON.parse('<html>502 Bad Gateway</html>');
    } catch (e) {
      err = e;
    }
    expect(toAliyunError(err)).toMatchObject({ kind: 'unavailable', retryable: true });
  });

  it('a failed credential chain is not_configured, without quoting the chain', () => {
    const chain = new Error(
      'unable to get credentials from any of the providers in the chain: parse aliyun cli config from \'/root/.aliyun/config.json\' failed: {"access_key_secret":"s3cr3t"}',
    );
    const e = toAliyunError(chain);
    expect(e).toMatchObject({ kind: 'not_configured', status: 503, retryable: false });
    expect(e.message).toMatch(/ALIBABA_CLOUD_ACCESS_KEY_ID/);
    expect(e.message).toMatch(/npm run demo/);
    expect(e.message).not.toContain('s3cr3t');
  });

  it('the SDK’s own missing-credential error is not_configured', () => {
    expect(
      toAliyunError(new ClientError({ code: 'InvalidCredentials', message: 'Please set up the credentials' }))
        .kind,
    ).toBe('not_configured');
  });

  it('returns an AliyunError unchanged and survives non-errors', () => {
    const original = new AliyunError({ kind: 'throttled', message: 'x' });
    expect(toAliyunError(original)).toBe(original);
    for (const odd of [undefined, null, 42, 'boom', {}, { code: 7 }]) {
      expect(toAliyunError(odd)).toMatchObject({ kind: 'unavailable', retryable: false });
    }
  });
});
