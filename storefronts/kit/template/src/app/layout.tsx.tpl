import { Link } from '@souk/storefront-kit/client';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { store } from '@/lib/store';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(store.config.siteUrl),
  title: { default: '__TITLE__', template: '%s · __TITLE__' },
  description: '__TITLE__, a shop on Souk.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="header">
          <Link href="/">__TITLE__</Link>
          <Link href="/cart">Cart</Link>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
