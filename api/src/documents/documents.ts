/**
 * The document-store port: collections of JSON documents whose shape varies (reviews with per-category
 * attributes, storefront content). MongoDB backs it when `MONGO_URL` is set (CI runs FerretDB 1.24);
 * the embedded default keeps the documents as JSONB rows in the SQL database (PGlite or PostgreSQL).
 *
 * The port is deliberately the subset both adapters do exactly and FerretDB 1.24 supports:
 * - single-document writes only (no multi-document transactions or sessions);
 * - filters are equalities on (dotted) fields, `$in`, and `null` meaning "missing or null";
 * - the only aggregate is a count per value of one field (`$match` + `$group` with `$sum: 1`), so
 *   averages are computed by the caller from the counts (FerretDB has no `$avg`);
 * - no TTL or partial indexes: expiry and "unique among visible" rules live in the services;
 * - no `$lookup`: documents carry the ids they need and joins happen in PostgreSQL or in the caller.
 */

/** Every stored document has a string `_id` chosen by the caller (a prefixed ULID). */
export type Document = { _id: string };

/** A JSON value a filter compares a field with. */
export type FilterValue = string | number | boolean | null;

/**
 * Equality on each listed field (dotted paths reach into sub-documents). `null` matches a missing
 * field as well as an explicit null, as in MongoDB; `{ $in: [...] }` matches any of the values.
 */
export type Filter = Record<string, FilterValue | { $in: readonly FilterValue[] }>;

/** Sort keys in order; 1 ascending, -1 descending. Sort fields must hold one JSON type. */
export type Sort = readonly (readonly [field: string, direction: 1 | -1])[];

export interface FindOptions {
  sort?: Sort;
  limit?: number;
  skip?: number;
}

/** One collection. Every method is one atomic single-document (or read) operation. */
export interface DocumentCollection<T extends Document> {
  /** Inserts; throws `DuplicateDocumentError` when `_id` or a unique index already holds the values. */
  insert(doc: T): Promise<void>;
  /** Inserts or replaces the whole document with this `_id`. */
  put(doc: T): Promise<void>;
  get(id: string): Promise<T | undefined>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  count(filter: Filter): Promise<number>;
  /**
   * Sets top-level fields on the one document matching `filter` (which should name `_id`); returns
   * whether a document matched. The filter and the write are one atomic step, so
   * `{ _id, reply: null }` is a compare-and-set.
   */
  update(filter: Filter, set: Partial<Omit<T, '_id'>>): Promise<boolean>;
  /** Deletes the documents matching `filter`; returns how many. */
  delete(filter: Filter): Promise<number>;
  /** How many matching documents hold each value of `field` (absent or null values are not counted). */
  countBy(filter: Filter, field: string): Promise<Map<FilterValue, number>>;
}

/** An index: fields in order; `unique` refuses a second document with the same values. */
export interface IndexSpec {
  name: string;
  keys: Sort;
  unique?: boolean;
}

export interface DocumentStore {
  readonly kind: 'mongodb' | 'sql-jsonb';
  collection<T extends Document>(name: string): DocumentCollection<T>;
  /** Creates the index if it does not exist (idempotent); only document migrations call it. */
  createIndex(collection: string, index: IndexSpec): Promise<void>;
  /**
   * This store with its reads and writes running on an open SQL transaction, when the store lives in
   * the SQL database (the embedded adapter): a caller that locks a row and then reads documents must
   * not wait for a second connection (PGlite has one). MongoDB is not in the transaction and returns
   * itself.
   */
  onSqlTransaction(trx: unknown): DocumentStore;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A versioned change to the document store: today only index creation (collections need no DDL). */
export interface DocumentMigration {
  name: string;
  up(store: DocumentStore): Promise<void>;
}

/** A write met an existing `_id` or unique-index entry. */
export class DuplicateDocumentError extends Error {
  override name = 'DuplicateDocumentError';
}

/** Collection and field names the adapters accept: no operators, no SQL or JSON-path syntax. */
export const NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export function assertName(kind: string, name: string): void {
  if (!NAME.test(name)) throw new Error(`invalid document ${kind} name '${name}'`);
}
