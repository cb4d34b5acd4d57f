// @ts-check
// next.config.js is CommonJS (Next loads it with require).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createNextIntlPlugin = require('next-intl/plugin');

// Messages per locale: lib/i18n/messages/<locale>/<namespace>.json, chosen in lib/i18n/request.ts.
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Messages are compiled when the server reads them (lib/i18n/messages.ts), so the browser gets next-intl's
// small formatter instead of an ICU parser (next-intl's `precompile`, wired here because our messages are
// read from disk rather than imported).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const path = require('node:path');
// use-intl as next-intl itself resolves it (it is next-intl's dependency, not ours).
const useIntlFormatOnly = require.resolve('use-intl/format-message/format-only', {
  paths: [path.dirname(require.resolve('next-intl/plugin'))],
});
const formatOnly = `./${path.relative(__dirname, useIntlFormatOnly)}`;

// Headers that never change per request; the CSP with its nonce is set in proxy.ts.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];
const hsts = { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' };

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run typecheck` (part of `npm test`) is the type check; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // The Alibaba SDK and the database drivers are CommonJS with native or dynamic requires: keep them out of the bundle.
  turbopack: { resolveAlias: { 'use-intl/format-message': formatOnly } },
  webpack(config) {
    config.resolve.alias['use-intl/format-message'] = useIntlFormatOnly;
    return config;
  },
  serverExternalPackages: [
    '@alicloud/r-kvstore20150101',
    '@alicloud/openapi-core',
    '@alicloud/credentials',
    'better-sqlite3',
    'pg',
    'pg-cursor',
  ],
  async headers() {
    const production = process.env.NODE_ENV === 'production';
    return [{ source: '/:path*', headers: [...securityHeaders, ...(production ? [hsts] : [])] }];
  },
};

module.exports = withNextIntl(nextConfig);
