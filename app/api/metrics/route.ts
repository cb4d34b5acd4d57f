import { withPublicRoute } from '@/lib/api/with-route';
import { checkMetricsToken, scrape } from '@/lib/metrics/collect';

export const dynamic = 'force-dynamic';

// Prometheus scrapes this with its bearer token; it has no session.
export const GET = withPublicRoute(async (req) => {
  checkMetricsToken(req.headers.get('authorization'));
  const { body, contentType } = await scrape();
  return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } });
});
