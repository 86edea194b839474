import { createHash } from 'node:crypto';
import type sharpType from 'sharp';
import { AppError } from '../../errors.js';

/** Widths of the resized variants (`?w=`), as the spec's `getMediaImage` lists them. */
export const VARIANT_WIDTHS = [160, 320, 480, 640, 960, 1280, 1600] as const;
export type VariantWidth = (typeof VARIANT_WIDTHS)[number];
/** The width of the rendition served without `?w=` (and the largest variant). */
export const FULL_WIDTH = 1600;

/**
 * Output format of every served image: WebP. Every current browser decodes it, it is ~25–35% smaller
 * than JPEG at the same quality, keeps PNG transparency, and sharp encodes it ~10× faster than AVIF,
 * which matters because variants are rendered on the first request.
 */
export const OUTPUT = { contentType: 'image/webp', extension: 'webp', quality: 80, effort: 4 } as const;

/**
 * sharp (libvips, a native addon) is loaded on the first image it works on, not at start-up: most
 * API processes serve reads and never touch an image, and loading it made every start slower.
 */
let loadingSharp: Promise<typeof sharpType> | undefined;
const loadSharp = () => {
  loadingSharp ??= import('sharp').then((m) => m.default);
  return loadingSharp;
};

/** Formats accepted for upload, by what sharp reads from the content (AVIF is HEIF with AV1). */
const ACCEPTED: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  'heif/av1': 'image/avif',
};

/** What an accepted upload is. */
export interface InspectedImage {
  /** First 32 hex digits of the SHA-256 of the file: its address in storage and in URLs. */
  hash: string;
  contentType: string;
  /** The WebP rendering served without `?w=`, with its size after orientation and capping. */
  full: { data: Buffer; width: number; height: number };
}

/**
 * Checks an uploaded file by its content (never its name or declared type) and renders the served
 * WebP. Throws `unsupported_image_type` (not an accepted image), `image_too_many_pixels` or
 * `malformed_image` (does not decode whole); nothing is stored before this passes.
 */
export async function inspectUpload(data: Buffer, maxPixels: number): Promise<InspectedImage> {
  const sharp = await loadSharp();
  let meta: sharpType.Metadata;
  try {
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new AppError(
      'unsupported_image_type',
      'The file is not a JPEG, PNG, WebP, AVIF or GIF image (its content was checked, not its name or Content-Type).',
      { cause: err },
    );
  }
  const kind = meta.format === 'heif' ? `heif/${meta.compression ?? ''}` : meta.format;
  const contentType = ACCEPTED[kind];
  if (!contentType) {
    throw new AppError(
      'unsupported_image_type',
      `The file is ${meta.format === 'heif' ? `HEIF (${meta.compression})` : meta.format?.toUpperCase()}; upload a JPEG, PNG, WebP, AVIF or GIF image.`,
    );
  }
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  if (pixels > maxPixels) {
    throw new AppError(
      'image_too_many_pixels',
      `The image is ${meta.width}×${meta.height} (${pixels} pixels); the limit is ${maxPixels} pixels.`,
    );
  }
  let full: InspectedImage['full'];
  try {
    full = await render(data, FULL_WIDTH, maxPixels);
  } catch (err) {
    throw new AppError(
      'malformed_image',
      `The ${kind.replace('heif/av1', 'avif')} file does not decode: it is truncated or corrupt.`,
      {
        cause: err,
      },
    );
  }
  const hash = createHash('sha256').update(data).digest('hex').slice(0, 32);
  return { hash, contentType, full };
}

/**
 * Renders `original` as WebP at most `width` pixels wide (never enlarged), EXIF orientation applied
 * and metadata (EXIF, GPS, ICC beyond sRGB) stripped. Deterministic: the same input gives the same bytes.
 */
export async function render(original: Buffer, width: number, maxPixels: number) {
  const sharp = await loadSharp();
  const { data, info } = await sharp(original, { failOn: 'truncated', limitInputPixels: maxPixels })
    .rotate()
    .resize({ width, withoutEnlargement: true })
    .webp({ quality: OUTPUT.quality, effort: OUTPUT.effort })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
