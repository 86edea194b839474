import type { Schemas } from '@souk/sdk';

export type Image = Schemas['Image'];

/** The widths Souk serves a resized variant at (`?w=<width>`), the contract of the media endpoints. */
export const SOUK_IMAGE_WIDTHS = [160, 320, 480, 640, 960, 1280, 1600] as const;

/** Where a theme's image proxy listens (see `createImageRoute` in `@souk/storefront-kit/server`). */
export const IMAGE_PROXY_PATH = '/media';

/** The attributes of an `<img>` for a catalog image. */
export interface ImageProps {
  src: string;
  srcSet?: string;
  sizes?: string;
  width: number;
  height: number;
  alt: string;
}

export interface ImageOptions {
  /** The `sizes` attribute: how wide the image is drawn, so the browser picks a fitting variant. */
  sizes?: string;
  /** Origins whose images are served by Souk (they take `?w=`). Anything else goes through the proxy. */
  soukOrigins: readonly string[];
  /** Widest variant worth asking for where the layout never draws the image wider (a thumbnail). */
  maxWidth?: number;
  /** The path of the theme's image proxy; `null` serves foreign images as they are. */
  proxyPath?: string | null;
}

/** Whether Souk serves this URL (and so accepts `?w=` for a resized variant). */
export function isSoukImage(url: string, soukOrigins: readonly string[]): boolean {
  try {
    return soukOrigins.includes(new URL(url).origin);
  } catch {
    return false;
  }
}

/** The URL of the `width` variant of a Souk image. */
export function soukImageUrl(url: string, width: number): string {
  const u = new URL(url);
  u.searchParams.set('w', String(width));
  return u.toString();
}

/**
 * `<img>` attributes for a catalog image. Souk's images get a `srcset` of the variant widths up to
 * the original's width (never upscaled) and, for `src`, the variant nearest 640 px (or `maxWidth`).
 * Images from other hosts (the demo's placeholder URLs, a seller's own CDN) cannot be resized here:
 * they go through the theme's proxy, which answers a tidy placeholder when the host fails, so a
 * missing picture is never a broken-image icon nor a console error.
 */
export function imageProps(image: Image, fallbackAlt: string, options: ImageOptions): ImageProps {
  const base = { width: image.width, height: image.height, alt: image.alt || fallbackAlt };
  if (isSoukImage(image.url, options.soukOrigins)) {
    const cap = Math.min(image.width, options.maxWidth ?? Number.POSITIVE_INFINITY);
    const widths = SOUK_IMAGE_WIDTHS.filter((w) => w <= cap);
    if (widths.length === 0) return { ...base, src: image.url };
    const src = soukImageUrl(image.url, widths.find((w) => w >= 640) ?? (widths.at(-1) as number));
    return {
      ...base,
      src,
      srcSet: widths.map((w) => `${soukImageUrl(image.url, w)} ${w}w`).join(', '),
      ...(options.sizes ? { sizes: options.sizes } : {}),
    };
  }
  const proxy = options.proxyPath === undefined ? IMAGE_PROXY_PATH : options.proxyPath;
  const src = proxy === null ? image.url : `${proxy}?url=${encodeURIComponent(image.url)}`;
  return { ...base, src };
}

/**
 * A neutral SVG placeholder at an aspect ratio (what the proxy answers for an image it cannot get,
 * and what a theme may draw for a product without images).
 */
export function placeholderSvg(width = 800, height = 800): string {
  const icon = Math.round(Math.min(width, height) / 6);
  const x = Math.round((width - icon) / 2);
  const y = Math.round((height - icon) / 2);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="#eceae6"/>` +
    `<g transform="translate(${x} ${y}) scale(${icon / 24})" fill="none" stroke="#b8b2a7" stroke-width="1.5">` +
    '<rect x="3" y="4" width="18" height="16" rx="2"/><circle cx="9" cy="10" r="2"/><path d="M21 17l-5-5-9 8"/></g></svg>'
  );
}

/**
 * The image of a content block (a hero's or banner's `image_url` and `image_alt`) as a catalog
 * `Image`, for `imageProps`. Content documents carry no pixel size, so the theme gives the aspect at
 * which it draws the picture (CSS crops it with `object-fit`), and `width` caps the variants offered.
 * An empty or missing `image_alt` is a decorative picture (`alt=""`): the block's text says it all.
 */
export function contentImage(
  block: { image_url?: string; image_alt?: string },
  size: { width: number; height: number },
): Image | null {
  if (!block.image_url) return null;
  return { url: block.image_url, alt: block.image_alt ?? '', ...size };
}
