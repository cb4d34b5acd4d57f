import { NextResponse } from 'next/server';
import { withPublicRoute } from '@/lib/api/server/with-route';
import { readiness } from '@/lib/readiness/readiness';

export const dynamic = 'force-dynamic';

// Readiness for a load balancer or an orchestrator: 200 when every check passes, 503 naming the ones that
// do not. Public like /api/health, and like it never shows a key, an endpoint or a path.
export const GET = withPublicRoute(async () => {
  const report = await readiness();
  return NextResponse.json(report, {
    status: report.status === 'ready' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
});
