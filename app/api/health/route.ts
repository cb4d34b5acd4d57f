import { checkCredentials } from '@/lib/aliyun/client';
import { withPublicRoute } from '@/lib/api/with-route';
import { getConfig } from '@/lib/config';

export const dynamic = 'force-dynamic';

// Liveness plus "would an Alibaba call be signed at all": never a key, a secret or an endpoint.
export const GET = withPublicRoute(async () => {
  const credentials = await checkCredentials();
  return {
    status: 'ok',
    target: getConfig().KVSTORE_ENDPOINT ? 'custom-endpoint' : 'alibaba-cloud',
    credentials: { ok: credentials.ok, ...(credentials.message ? { message: credentials.message } : {}) },
  };
});
