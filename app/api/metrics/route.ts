import { withPublicRoute } from '@/lib/api/server/with-route';
import { metricsResponse } from '@/lib/metrics/collect';

export const dynamic = 'force-dynamic';

// Prometheus scrapes this with its bearer token; it has no session.
export const GET = withPublicRoute((req) => metricsResponse(req.headers.get('authorization')));
