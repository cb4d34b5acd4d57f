import { checkCredentials } from '@/lib/aliyun/client';
import { withPublicRoute } from '@/lib/api/server/with-route';
import { getConfig } from '@/lib/config';
import { beforeDeadline } from '@/lib/deadline';
import { TtlCache } from '@/lib/ttl-cache';

export const dynamic = 'force-dynamic';

// Anyone may ask, so the credential chain (which may call the ECS metadata service) runs at most
// every 10 seconds.
const recent = new TtlCache<Awaited<ReturnType<typeof checkCredentials>>>(10_000, 1);

// Liveness plus "would an Alibaba call be signed at all": never a key, a secret or an endpoint. Whether
// Alibaba Cloud accepts the signature is /api/ready's question.
export const GET = withPublicRoute(async () => {
  const credentials = await beforeDeadline(
    recent.get('credentials', checkCredentials),
    'the credential chain is still resolving.',
  ).catch((err: unknown) => ({ ok: false, message: err instanceof Error ? err.message : String(err) }));
  return {
    status: 'ok',
    target: getConfig().KVSTORE_ENDPOINT ? 'custom-endpoint' : 'alibaba-cloud',
    credentials: { ok: credentials.ok, ...(credentials.message ? { message: credentials.message } : {}) },
  };
});
