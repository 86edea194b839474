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
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {/* Plain anchors: a next/link is a client component that every page would hydrate. */}
        <header className="header">
          <a href="/" className="header__logo">
            __TITLE__
          </a>
          <a href="/cart">Cart</a>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
