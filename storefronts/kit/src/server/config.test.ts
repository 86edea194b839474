import { describe, expect, it } from 'vitest';
import { readConfig, supportedCurrency } from './config';

describe('readConfig', () => {
  it('reads a theme’s environment with safe defaults', () => {
    const config = readConfig('atelier', { PORT: '3001' });
    expect(config).toMatchObject({
      apiUrl: 'http://localhost:4000',
      siteUrl: 'http://localhost:3001',
      currencies: ['USD', 'EUR'],
      secureCookies: false,
      // A local API names its media by any of its loopback names.
      soukOrigins: ['http://localhost:4000', 'http://127.0.0.1:4000', 'http://[::1]:4000'],
      // No foreign image host unless one is named: the demo's pictures are Souk's own.
      imageHosts: [],
      cookies: { cart: 'atelier_cart', currency: 'atelier_currency' },
      liveConnection: { apiUrl: 'http://localhost:4000', publishableKey: 'pk_demo_storefront' },
    });
  });

  it('takes the API, media origins, currencies and image hosts from the environment', () => {
    const config = readConfig('bazaar', {
      SOUK_API_URL: 'https://api.shop.example/',
      SOUK_MEDIA_ORIGINS: 'https://cdn.shop.example/images, not a url',
      BAZAAR_CURRENCIES: 'eur, jpy, nope',
      STOREFRONT_IMAGE_HOSTS: 'Images.Example',
      SITE_URL: 'https://shop.example',
    });
    expect(config.apiUrl).toBe('https://api.shop.example');
    expect(config.soukOrigins).toEqual(['https://api.shop.example', 'https://cdn.shop.example']);
    expect(config.currencies).toEqual(['EUR', 'JPY']);
    expect(config.imageHosts).toEqual(['images.example']);
    expect(config.secureCookies).toBe(true);
    expect(supportedCurrency(config, 'jpy')).toBe('JPY');
    expect(supportedCurrency(config, 'GBP')).toBe('EUR');
    // Without a public URL, browsers connect live updates to the API the server uses.
    expect(config.liveConnection.apiUrl).toBe('https://api.shop.example');
  });

  it('connects browsers to the public API URL when the server reaches the API another way', () => {
    const config = readConfig('bazaar', {
      SOUK_API_URL: 'http://souk-api.internal:4000',
      SOUK_PUBLIC_API_URL: 'https://api.shop.example',
      SOUK_PUBLISHABLE_KEY: 'pk_live_shop',
    });
    expect(config.liveConnection).toEqual({
      apiUrl: 'https://api.shop.example',
      publishableKey: 'pk_live_shop',
    });
  });

  it('refuses a theme id that cannot name a cookie', () => {
    expect(() => readConfig('My Theme', {})).toThrow(/theme id/);
  });
});
