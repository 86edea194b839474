import { describe, expect, it } from 'vitest';
import { contentImage, imageProps, placeholderSvg } from './images';

const souk = ['https://api.souk.example'];

describe('imageProps', () => {
  it('gives Souk images a srcset of the served widths, never wider than the original', () => {
    const props = imageProps(
      { url: 'https://api.souk.example/media/img_1.jpg', alt: 'A mug', width: 1000, height: 800 },
      'fallback',
      { soukOrigins: souk, sizes: '50vw' },
    );
    expect(props.src).toBe('https://api.souk.example/media/img_1.jpg?w=640');
    expect(props.srcSet?.split(', ').map((s) => s.split(' ')[1])).toEqual([
      '160w',
      '320w',
      '480w',
      '640w',
      '960w',
    ]);
    expect(props).toMatchObject({ width: 1000, height: 800, alt: 'A mug', sizes: '50vw' });
  });

  it('caps thumbnails at maxWidth and keeps a query string the URL already has', () => {
    const props = imageProps(
      { url: 'https://api.souk.example/media/i.png?v=3', alt: '', width: 1600, height: 1600 },
      'Mug',
      { soukOrigins: souk, maxWidth: 320 },
    );
    expect(props.src).toBe('https://api.souk.example/media/i.png?v=3&w=320');
    expect(props.srcSet).toContain('?v=3&w=160 160w');
    expect(props.alt).toBe('Mug');
  });

  it('routes foreign images through the proxy, or serves them as they are without one', () => {
    const image = { url: 'https://picsum.photos/seed/a/800/800', alt: 'A', width: 800, height: 800 };
    expect(imageProps(image, 'x', { soukOrigins: souk }).src).toBe(
      '/media?url=https%3A%2F%2Fpicsum.photos%2Fseed%2Fa%2F800%2F800',
    );
    expect(imageProps(image, 'x', { soukOrigins: souk, proxyPath: null })).toEqual({
      src: image.url,
      width: 800,
      height: 800,
      alt: 'A',
    });
  });

  it('draws a placeholder of the asked size', () => {
    expect(placeholderSvg(400, 300)).toMatch(/^<svg [^>]*width="400" height="300"/);
  });
});

describe('contentImage', () => {
  it('makes a content block picture an image at the drawn aspect, decorative without alt text', () => {
    const url = 'https://api.souk.example/media/products/prod_1/abc.webp';
    expect(contentImage({}, { width: 1600, height: 900 })).toBeNull();
    const banner = contentImage({ image_url: url, image_alt: 'Tents at dusk' }, { width: 1600, height: 900 });
    expect(banner).toEqual({ url, alt: 'Tents at dusk', width: 1600, height: 900 });
    const props = imageProps(banner as NonNullable<typeof banner>, '', { soukOrigins: souk, sizes: '100vw' });
    expect(props.srcSet?.split(', ')).toHaveLength(7);
    expect(props.alt).toBe('Tents at dusk');
    const decorative = contentImage({ image_url: url }, { width: 800, height: 800 });
    expect(imageProps(decorative as NonNullable<typeof decorative>, '', { soukOrigins: souk }).alt).toBe('');
  });
});
