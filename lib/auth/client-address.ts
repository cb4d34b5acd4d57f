// The client's address as the audit log and the sign-in throttle see it: the first X-Forwarded-For
// hop (set by Next.js or the reverse proxy in front), else X-Real-IP.

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function clientAddress(headers: HeaderSource): string {
  const forwarded = header(headers, 'x-forwarded-for')?.split(',')[0]?.trim();
  const address = forwarded || header(headers, 'x-real-ip')?.trim() || 'unknown';
  return address.slice(0, 64);
}
