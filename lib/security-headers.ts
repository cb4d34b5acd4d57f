// The Content-Security-Policy, with a fresh nonce per request (Next.js puts it on its own scripts
// when it finds the policy on the request). The static security headers live in next.config.js.

export function contentSecurityPolicy(
  nonce: string,
  options: { dev: boolean; formTargets?: string[] },
): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'${options.formTargets?.length ? ' ' + options.formTargets.join(' ') : ''}`,
    `frame-ancestors 'none'`,
  ].join('; ');
}
