import { NextResponse } from 'next/server';
import { withRoute } from '@/lib/api/server/with-route';
import { recordAudit } from '@/lib/audit/audit-log';
import { fetchDownloadLink } from '@/lib/backups/fetch-download';
import { backupParamsSchema, downloadQuerySchema } from '@/lib/backups/query';

export const dynamic = 'force-dynamic';

export const GET = withRoute(
  { permission: 'download', sameOriginOnly: true, params: backupParamsSchema, query: downloadQuerySchema },
  async ({ params, query, user, address }) => {
    const link = await fetchDownloadLink(params.instanceId, params.backupId, query.variant, user.scope);
    // Committed before the answer leaves: a download nobody can trace never happens.
    // A redirect, or a URL the console's Download button hands straight to the browser, is a download; a URL
    // shown or copied is a reveal.
    const download = query.format === 'redirect' || query.intent === 'download';
    await recordAudit({
      action: download ? 'download' : 'url_reveal',
      user: user.name,
      role: user.role,
      instanceId: params.instanceId,
      backupId: params.backupId,
      variant: query.variant,
      address,
      status: query.format === 'json' ? 200 : 302,
    });
    if (query.format === 'json') return link;
    const res = NextResponse.redirect(link.url, 302);
    res.headers.set('Cache-Control', 'no-store');
    res.headers.set('Referrer-Policy', 'no-referrer');
    return res;
  },
);
