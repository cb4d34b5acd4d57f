import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { isAliyunError } from '@/lib/aliyun/errors';
import { recordAudit } from '@/lib/audit/audit-log';
import { clientAddress } from '@/lib/auth/client-address';
import { can, type Permission, type SessionUser } from '@/lib/auth/roles';
import { getSessionUser } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { withDeadline } from '@/lib/deadline';
import { eventLog } from '@/lib/limits/event-logs';
import { ApiError, isApiError, type ApiErrorCode } from '../api-error';
import { RateLimiter } from './rate-limiter';
import { requestSite } from './request-site';

// The one wrapper every route handler goes through: session, role, per-user rate limit, zod parsing
// of path and query, the deadline for whatever it waits on upstream, and the mapping of every failure to
// `{ error: { code, message } }`. Each request is checked here even though the proxy checks too. Route
// files stay one sentence.

const ANONYMOUS_REQUESTS_PER_MINUTE = 60;

type Schema = z.ZodType;
type Parsed<S> = S extends Schema ? z.output<S> : undefined;
type NextContext = { params: Promise<Record<string, string | string[]>> };

interface RouteSpec<P extends Schema | undefined, Q extends Schema | undefined> {
  /** What the signed-in user must be allowed to do. */
  permission: Permission;
  /**
   * Only for requests from this site's own pages (or no browser at all): for routes that hand out data as a
   * side effect of a GET (a download, an export), which a page on another site could otherwise trigger with
   * the signed-in person's cookie.
   */
  sameOriginOnly?: boolean;
  params?: P;
  query?: Q;
}

export interface RouteInput<P, Q> {
  req: NextRequest;
  params: P;
  query: Q;
  user: SessionUser;
  address: string;
}

function validationError(error: z.ZodError): ApiError {
  const issues = error.issues.map((i) => ({
    field: i.path.length ? String(i.path[0]) : '(query)',
    message: i.message,
  }));
  const first = issues[0] ?? { field: '(query)', message: 'invalid input' };
  const message = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  return new ApiError(400, 'invalid_input', message, { field: first.field, issues });
}

function toApiError(err: unknown): ApiError {
  if (isApiError(err)) return err;
  if (err instanceof z.ZodError) return validationError(err);
  if (isAliyunError(err)) {
    // AliyunError messages are written for people and never carry upstream bodies or secrets.
    return new ApiError(err.status, err.kind as ApiErrorCode, err.message, {
      ...(err.requestId ? { requestId: err.requestId } : {}),
      ...(err.accessDenied ? { accessDenied: err.accessDenied } : {}),
    });
  }
  return new ApiError(
    500,
    'internal',
    'Something went wrong on our side. Try again; if it persists, check the server log.',
  );
}

function errorResponse(err: unknown): NextResponse {
  const apiError = toApiError(err);
  if (apiError.code === 'internal') {
    // Unknown failures are logged by type and message only: upstream bodies can carry request details.
    console.error(
      '[api] unexpected error:',
      err instanceof Error ? `${err.name}: ${err.message}` : typeof err,
    );
  }
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (apiError.retryAfterSeconds) headers['Retry-After'] = String(apiError.retryAfterSeconds);
  return NextResponse.json(apiError.toBody(), { status: apiError.status, headers });
}

/** First value of each query parameter; a repeated parameter is rejected rather than silently picked. */
function queryObject(search: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of new Set(search.keys())) {
    const all = search.getAll(key);
    if (all.length > 1)
      throw new ApiError(400, 'invalid_input', `${key}: expected one value, got ${all.length}`, {
        field: key,
      });
    out[key] = all[0]!;
  }
  return out;
}

let limiter: RateLimiter | undefined;
// Anonymous callers are limited per address, so they cannot flood the audit log with denied rows.
let anonymousLimiter: RateLimiter | undefined;

/** The host the browser addressed: a reverse proxy in front passes it on as X-Forwarded-Host. */
function ownHost(req: NextRequest): string {
  return req.headers.get('x-forwarded-host') ?? req.headers.get('host') ?? new URL(req.url).host;
}

async function authorize(
  { permission, sameOriginOnly }: RouteSpec<Schema | undefined, Schema | undefined>,
  req: NextRequest,
  address: string,
): Promise<SessionUser> {
  const user = await getSessionUser();
  const deny = async (status: number, code: ApiErrorCode, message: string, why = '') => {
    await recordAudit({
      action: 'denied',
      user: user?.name ?? null,
      role: user?.role ?? null,
      address,
      status,
      detail: `${req.method} ${req.nextUrl.pathname}${why}`,
    });
    return new ApiError(status, code, message);
  };
  if (!user) {
    anonymousLimiter ??= new RateLimiter(ANONYMOUS_REQUESTS_PER_MINUTE, {
      events: eventLog('anonymous'),
      name: 'anonymous',
    });
    const wait = await anonymousLimiter.take(address);
    if (wait > 0)
      throw new ApiError(429, 'throttled', `Too many requests: try again in ${wait} seconds.`, {}, wait);
    throw await deny(401, 'unauthorized', 'Sign in to use this API.');
  }
  if (!can(user.role, permission)) {
    throw await deny(
      403,
      'forbidden',
      `Your role (${user.role}) does not allow this: it needs the ${permission} permission.`,
    );
  }
  if (sameOriginOnly) {
    const site = requestSite(req.headers, ownHost(req));
    if (site.foreign)
      throw await deny(
        403,
        'forbidden',
        'This request came from another site. Open the console and use its buttons, or call the API directly.',
        ` (cross-site: ${site.evidence})`,
      );
  }
  limiter ??= new RateLimiter(getConfig().API_RATE_LIMIT_PER_MINUTE, {
    events: eventLog('api'),
    name: 'api',
  });
  const wait = await limiter.take(user.name);
  if (wait > 0)
    throw new ApiError(429, 'throttled', `Too many requests: try again in ${wait} seconds.`, {}, wait);
  return user;
}

function toResponse(result: unknown): Response {
  if (result instanceof Response) return result;
  return NextResponse.json(result, { headers: { 'Cache-Control': 'private, no-store' } });
}

export function withRoute<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined>(
  spec: RouteSpec<P, Q>,
  handler: (input: RouteInput<Parsed<P>, Parsed<Q>>) => Promise<unknown>,
) {
  return async (req: NextRequest, context: NextContext): Promise<Response> => {
    try {
      return await withDeadline(async () => {
        const address = clientAddress(req.headers);
        const user = await authorize(spec, req, address);
        const rawParams = (await context?.params) ?? {};
        const params = spec.params ? spec.params.parse(rawParams) : undefined;
        const query = spec.query ? spec.query.parse(queryObject(req.nextUrl.searchParams)) : undefined;
        return toResponse(
          await handler({ req, params: params as Parsed<P>, query: query as Parsed<Q>, user, address }),
        );
      });
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/** For the few routes anyone may call (health, readiness): error mapping only. */
export function withPublicRoute(handler: (req: NextRequest) => Promise<unknown>) {
  return async (req: NextRequest): Promise<Response> => {
    try {
      return await withDeadline(async () => toResponse(await handler(req)));
    } catch (err) {
      return errorResponse(err);
    }
  };
}
