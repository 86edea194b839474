import type { ColumnType } from 'kysely';

type Counts = {
  review_count: ColumnType<number, number | undefined, number>;
  rating_sum: ColumnType<number, number | undefined, number>;
  star_counts: ColumnType<number[], unknown, unknown>;
  average: ColumnType<number, number | undefined, number>;
  updated_at: ColumnType<Date, Date | string | undefined, unknown>;
};

/** Aggregates of visible reviews, copied from the document store so listings stay one SQL statement. */
export interface ProductRatingsTable extends Counts {
  product_id: string;
}

export interface SellerRatingsTable extends Counts {
  seller_id: string;
}

/** The embedded document store's rows (see api/src/documents/documents.sql.ts). */
export interface DocumentsTable {
  collection: string;
  id: string;
  doc: unknown;
}

export interface ReviewsTables {
  product_ratings: ProductRatingsTable;
  seller_ratings: SellerRatingsTable;
  documents: DocumentsTable;
}
