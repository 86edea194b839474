/**
 * The document-store port: collections of JSON documents whose shape varies (reviews with per-category
 * attributes, storefront content). MongoDB backs it when `MONGO_URL` is set (CI runs FerretDB 1.24);
 * the embedded default keeps the documents as JSONB rows in the SQL database (PGlite or PostgreSQL).
 *
 * The port is deliberately the subset both adapters do exactly and FerretDB 1.24 supports:
 * - single-document writes only (no multi-document transactions or sessions);
 * - filters are equalities on (dotted) fields, `$in`, `null` meaning "missing or null", and the range
 *   operators `$gt`/`$gte`/`$lt`/`$lte` on strings and numbers (compared only with values of the same
 *   type, as MongoDB's type bracketing does);
 * - keyset pages: `find` takes `after`, the sort-key values of the last document of the previous page,
 *   and answers the documents strictly after it in the sort order (a compound bound, sent to MongoDB
 *   as `$or` of prefixes, which FerretDB 1.24 evaluates);
 * - the only aggregate is a count per value of one field (`$match` + `$group` with `$sum: 1`), so
 *   averages are computed by the caller from the counts (FerretDB has no `$avg`);
 * - no TTL or partial indexes: expiry and "unique among visible" rules live in the services;
 * - no `$lookup`: documents carry the ids they need and joins happen in PostgreSQL or in the caller.
 */

/** Every stored document has a string `_id` chosen by the caller (a prefixed ULID). */
export type Document = { _id: string };

/** A JSON value a filter compares a field with. */
export type FilterValue = string | number | boolean | null;

/** A value a range operator compares a field with: a field holding another type never matches. */
export type RangeValue = string | number;

/**
 * Operators on one field, all of which must hold: `$in` (any of the values) and the ranges. A range
 * matches only fields of the bound's type (a string bound never matches a number, null or a missing
 * field), as in MongoDB.
 */
export interface Condition {
  $in?: readonly FilterValue[];
  $gt?: RangeValue;
  $gte?: RangeValue;
  $lt?: RangeValue;
  $lte?: RangeValue;
}

/** The operators a `Condition` may use; anything else is refused, so no caller can pass `$where`. */
export const OPERATORS = ['$in', '$gt', '$gte', '$lt', '$lte'] as const;

/**
 * A condition on each listed field (dotted paths reach into sub-documents). A plain value is
 * equality; `null` matches a missing field as well as an explicit null, as in MongoDB.
 */
export type Filter = Record<string, FilterValue | Condition>;

/** Sort keys in order; 1 ascending, -1 descending. Sort fields must hold one JSON type. */
export type Sort = readonly (readonly [field: string, direction: 1 | -1])[];

export interface FindOptions {
  sort?: Sort;
  limit?: number;
  skip?: number;
  /**
   * Keyset paging: the values of the `sort` fields (in order, one per field) of the last document of
   * the previous page; only documents strictly after it in the sort order are answered. Needs `sort`
   * to end in a unique field (`_id`) and every matching document to hold a string or number in each
   * sort field of the values' type (a document missing one is never reached).
   */
  after?: readonly RangeValue[];
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

/** True for an operator object (`{ $in }`, `{ $gt }`, …) rather than a plain value. */
export function isCondition(value: FilterValue | Condition): value is Condition {
  return value !== null && typeof value === 'object';
}

/** Throws unless `condition` uses only known operators, with values of the types they take. */
export function assertCondition(field: string, condition: Condition): void {
  // `{}` would be equality with an empty object in MongoDB and "anything" in SQL: refused.
  if (Object.keys(condition).length === 0) throw new Error(`empty document filter condition on '${field}'`);
  for (const [op, value] of Object.entries(condition)) {
    if (!(OPERATORS as readonly string[]).includes(op)) {
      throw new Error(`unknown document filter operator '${op}' on '${field}'`);
    }
    const ok = op === '$in' ? Array.isArray(value) : isRangeValue(value);
    if (!ok) throw new Error(`invalid value for ${op} on '${field}'`);
  }
}

/** A string, or a finite number: what a range or keyset bound compares with. */
export function isRangeValue(value: unknown): value is RangeValue {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** Throws unless `after` gives one string or number per sort field. */
export function assertAfter(sort: Sort | undefined, after: readonly RangeValue[]): Sort {
  if (!sort || sort.length === 0 || after.length !== sort.length || !after.every(isRangeValue)) {
    throw new Error('find: `after` needs one string or number per sort field');
  }
  return sort;
}
