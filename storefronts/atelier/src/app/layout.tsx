import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/SiteFooter';
import { SiteHeader } from '@/components/SiteHeader';
import { store } from '@/lib/store';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(store.config.siteUrl),
  title: { default: 'Atelier — objects from independent makers', template: '%s · Atelier' },
  description: 'A curated edit of goods from independent makers, delivered in one order.',
  applicationName: 'Atelier',
  openGraph: { siteName: 'Atelier', type: 'website', locale: 'en_US' },
};

export const viewport: Viewport = { themeColor: '#faf7f2', width: 'device-width', initialScale: 1 };

/**
 * The root layout is static (no cookies read), so product pages can be prerendered per currency.
 * Per-buyer bits of the header (currency, bag count, mini-cart) are client components.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
