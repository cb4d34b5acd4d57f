import { NextRequest } from 'next/server';

// Tests call route handlers directly, as Next.js would: a NextRequest and the (already decoded) path params.

type Handler = (
  req: NextRequest,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
}

export function callRoute(
  handler: Handler,
  url: string,
  params: Record<string, string> = {},
  { method = 'GET', headers }: CallOptions = {},
): Promise<Response> {
  return handler(new NextRequest(new URL(url, 'http://127.0.0.1'), { method, headers }), {
    params: Promise.resolve(params),
  });
}
