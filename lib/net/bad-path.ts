import type { ServerResponse } from 'node:http';

// A path that does not percent-decode (`%zz`, an encoded lone surrogate) makes Next.js answer a bare 500
// before any of our code runs. The server answers it first: 400, with the security headers every other
// answer carries, JSON under /api/ like the API's other errors.

export function decodesCleanly(url: string): boolean {
  try {
    decodeURIComponent(url.split('?')[0] ?? '');
    return true;
  } catch {
    return false;
  }
}

export function answerBadPath(res: ServerResponse, url: string, headers: Record<string, string>): void {
  const api = url.startsWith('/api/');
  const message = 'The address is not valid percent-encoding: check the link.';
  res.writeHead(400, {
    ...headers,
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    'Content-Type': api ? 'application/json' : 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(
    api ? JSON.stringify({ error: { code: 'invalid_input', message, field: 'path' } }) : `${message}\n`,
  );
}
