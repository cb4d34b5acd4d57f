import type { Metadata, Viewport } from 'next';
import { cookies, headers } from 'next/headers';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/providers/query-provider';
import { ThemeProvider } from '@/components/providers/theme-provider';
import { DisplayZoneProvider } from '@/components/ui/display-zone';
import { NotifierProvider } from '@/components/ui/notifier';
import { TIME_ZONE_COOKIE } from '@/lib/format/display-zone';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('common');
  return {
    title: { template: `%s · ${t('appName')}`, default: t('appName') },
    description: t('description'),
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#020617' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The CSP (proxy.ts) allows scripts by nonce only; next-themes' anti-flash script needs it.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  const locale = await getLocale();
  const zone = (await cookies()).get(TIME_ZONE_COOKIE)?.value ?? null;
  return (
    <html lang={locale} suppressHydrationWarning>
      <body>
        <NextIntlClientProvider>
          <ThemeProvider nonce={nonce}>
            <NuqsAdapter>
              <DisplayZoneProvider remembered={zone}>
                <QueryProvider>
                  <NotifierProvider>{children}</NotifierProvider>
                </QueryProvider>
              </DisplayZoneProvider>
            </NuqsAdapter>
          </ThemeProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
