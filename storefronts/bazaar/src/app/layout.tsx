import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/SiteFooter';
import { SiteHeader } from '@/components/SiteHeader';
import { config } from '@/lib/config';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(config.siteUrl),
  title: { default: 'Bazaar — a Souk marketplace', template: '%s · Bazaar' },
  description: 'Shop hundreds of products from independent sellers in one cart.',
  applicationName: 'Bazaar',
  openGraph: { siteName: 'Bazaar', type: 'website', locale: 'en_US' },
};

export const viewport: Viewport = { themeColor: '#1f3a5f', width: 'device-width', initialScale: 1 };

/**
 * The root layout is static: it reads no cookies, so product pages below it can be prerendered and
 * revalidated (ISR). Per-buyer bits of the header (currency, cart badge) are small client components.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader currencies={config.currencies} />
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
