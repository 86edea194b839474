import type { ColumnType } from 'kysely';

/** Kysely types of the media module's tables. */
export interface MediaTables {
  /** Kept by a trigger on `products.images` (migration 0015); read, never written, by the API. */
  product_image_files: {
    product_id: string;
    /** The product id in the image's URL (another product's for a by-URL image). */
    served_as: string;
    /** `images/<hash>/`: the folder of the image's stored files. */
    storage_prefix: string;
  };
  /** The database's own key for preview URLs when `MEDIA_PREVIEW_KEY` is unset (migration 0019). */
  media_preview_key: {
    id: ColumnType<boolean, boolean | undefined, never>;
    key: Buffer;
    created_at: ColumnType<Date, never, never>;
  };
}
