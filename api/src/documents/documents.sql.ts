import { type Kysely, type RawBuilder, sql } from 'kysely';
import {
  assertAfter,
  assertCondition,
  assertName,
  type Condition,
  type Document,
  type DocumentCollection,
  type DocumentStore,
  DuplicateDocumentError,
  type Filter,
  type FilterValue,
  type FindOptions,
  type IndexSpec,
  isCondition,
  type RangeValue,
  type Sort,
} from './documents.js';

/**
 * The embedded adapter: documents as JSONB rows of one table (`documents`, created by SQL migration
 * 0011) in the SQL database the API already has — PGlite in the default run. Chosen over an in-memory
 * map because reviews and content then survive a restart of `npm start`, and over a second embedded
 * engine because PostgreSQL's JSONB already gives atomic single-row writes, expression indexes and
 * GROUP BY. Every filter is a JSONB comparison on the same `doc #> '{path}'` expression the indexes use.
 *
 * Differences from MongoDB, kept out of the way of callers: a unique index ignores documents where an
 * indexed field is missing (SQL NULLs are distinct), and strings sort by the database's collation.
 */
export function createSqlDocumentStore<DB>(database: Kysely<DB>): DocumentStore {
  // Raw SQL only: the table is not part of the caller's schema type.
  const db = database as unknown as Kysely<unknown>;
  return {
    kind: 'sql-jsonb',
    onSqlTransaction: (trx) => createSqlDocumentStore(trx as Kysely<unknown>),
    collection: <T extends Document>(name: string) => sqlCollection<T>(db, name),
    async createIndex(collection: string, index: IndexSpec) {
      assertName('collection', collection);
      assertName('index', index.name);
      const keys = index.keys.map(([field, dir]) => `(${path(field).sql}) ${dir === 1 ? 'ASC' : 'DESC'}`);
      const name = `doc_${collection}_${index.name}`.slice(0, 63);
      await sql
        .raw(
          `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${name}" ON documents (${keys.join(', ')}) WHERE collection = '${collection}'`,
        )
        .execute(db);
    },
    async ping() {
      await sql`SELECT 1`.execute(db);
    },
    // The SQL database belongs to the container, which closes it.
    async close() {},
  };
}

/** `doc #> '{a,b}'` for a validated dotted name; `_id` is the `id` column. Literal, so indexes match. */
function path(field: string): { sql: string; isId: boolean } {
  assertName('field', field);
  if (field === '_id') return { sql: 'id', isId: true };
  return { sql: `doc #> '{${field.split('.').join(',')}}'`, isId: false };
}

function json(value: FilterValue): RawBuilder<unknown> {
  return sql`${JSON.stringify(value)}::jsonb`;
}

const RANGES = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const;
type RangeOp = keyof typeof RANGES;

/**
 * `field <op> value` as MongoDB compares: only a field holding the value's JSON type can match (a
 * string bound never matches a number, null or a missing field). The comparison is on the indexed
 * `doc #> '{path}'` expression, so it is an index range; `_id` compares byte-wise as MongoDB does.
 */
function compare(field: string, op: RangeOp | '=', value: RangeValue): RawBuilder<unknown> {
  const p = path(field);
  const operator = sql.raw(op === '=' ? '=' : RANGES[op]);
  if (p.isId) return typeof value === 'string' ? sql`id COLLATE "C" ${operator} ${value}` : sql`false`;
  const expr = sql.raw(p.sql);
  const type = typeof value === 'string' ? 'string' : 'number';
  return sql`(jsonb_typeof(${expr}) = ${type} AND ${expr} ${operator} ${json(value)})`;
}

function equals(field: string, values: readonly FilterValue[]): RawBuilder<unknown> {
  const p = path(field);
  const expr = sql.raw(p.sql);
  const ors = values.map((v) => {
    if (p.isId) return sql`${expr} = ${String(v)}`;
    if (v === null) return sql`(${expr} IS NULL OR ${expr} = 'null'::jsonb)`;
    return sql`${expr} = ${json(v)}`;
  });
  return ors.length === 0 ? sql`false` : sql`(${sql.join(ors, sql` OR `)})`;
}

function conditions(field: string, condition: Condition): RawBuilder<unknown>[] {
  assertCondition(field, condition);
  const parts: RawBuilder<unknown>[] = [];
  if (condition.$in) parts.push(equals(field, condition.$in));
  for (const op of Object.keys(RANGES) as RangeOp[]) {
    const value = condition[op];
    if (value !== undefined) parts.push(compare(field, op, value));
  }
  return parts;
}

/**
 * The keyset bound "after these sort-key values" for `sort`: the OR, over each sort field k, of
 * "equal on the fields before k, strictly beyond on k" (beyond = below for a descending field).
 */
function afterBound(sort: Sort, after: readonly RangeValue[]): RawBuilder<unknown> {
  const ors = sort.map(([field, dir], k) => {
    const equal = sort.slice(0, k).map(([f], j) => compare(f, '=', after[j] as RangeValue));
    return sql.join(
      [...equal, compare(field, dir === 1 ? '$gt' : '$lt', after[k] as RangeValue)],
      sql` AND `,
    );
  });
  return sql`(${sql.join(ors, sql` OR `)})`;
}

function where(collection: string, filter: Filter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`collection = ${collection}`];
  for (const [field, condition] of Object.entries(filter)) {
    if (isCondition(condition)) parts.push(...conditions(field, condition));
    else parts.push(equals(field, [condition]));
  }
  return sql.join(parts, sql` AND `);
}

type Row = { id: string; doc: Record<string, unknown> | string };

function toDoc<T extends Document>(row: Row): T {
  const doc = typeof row.doc === 'string' ? JSON.parse(row.doc) : row.doc;
  return { _id: row.id, ...doc } as T;
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string }).code === '23505';
}

function sqlCollection<T extends Document>(db: Kysely<unknown>, name: string): DocumentCollection<T> {
  assertName('collection', name);
  const body = (doc: T) => {
    const { _id, ...rest } = doc;
    return JSON.stringify(rest);
  };
  return {
    async insert(doc) {
      try {
        await sql`INSERT INTO documents (collection, id, doc) VALUES (${name}, ${doc._id}, ${body(doc)}::jsonb)`.execute(
          db,
        );
      } catch (err) {
        if (isUniqueViolation(err)) throw new DuplicateDocumentError(`duplicate document in ${name}`);
        throw err;
      }
    },
    async put(doc) {
      try {
        await sql`INSERT INTO documents (collection, id, doc) VALUES (${name}, ${doc._id}, ${body(doc)}::jsonb)
          ON CONFLICT (collection, id) DO UPDATE SET doc = EXCLUDED.doc`.execute(db);
      } catch (err) {
        if (isUniqueViolation(err)) throw new DuplicateDocumentError(`duplicate document in ${name}`);
        throw err;
      }
    },
    async get(id) {
      const { rows } =
        await sql<Row>`SELECT id, doc FROM documents WHERE collection = ${name} AND id = ${id}`.execute(db);
      return rows[0] ? toDoc<T>(rows[0]) : undefined;
    },
    async find(filter, options: FindOptions = {}) {
      const order = (options.sort ?? []).map(([field, dir]) => {
        const p = path(field);
        return sql.raw(
          `${p.isId ? 'id COLLATE "C"' : p.sql} ${dir === 1 ? 'ASC NULLS FIRST' : 'DESC NULLS LAST'}`,
        );
      });
      const bound = options.after
        ? sql` AND ${afterBound(assertAfter(options.sort, options.after), options.after)}`
        : sql``;
      const { rows } = await sql<Row>`SELECT id, doc FROM documents WHERE ${where(name, filter)}${bound}
        ${order.length > 0 ? sql`ORDER BY ${sql.join(order)}` : sql``}
        ${options.limit !== undefined ? sql`LIMIT ${options.limit}` : sql``}
        ${options.skip ? sql`OFFSET ${options.skip}` : sql``}`.execute(db);
      return rows.map((r) => toDoc<T>(r));
    },
    async count(filter) {
      const { rows } = await sql<{ n: string | number }>`SELECT count(*) AS n FROM documents WHERE ${where(
        name,
        filter,
      )}`.execute(db);
      return Number(rows[0]?.n ?? 0);
    },
    async update(filter, set) {
      const id = filter._id;
      if (typeof id !== 'string') throw new Error('update needs the _id of one document in its filter');
      // One statement: PostgreSQL re-checks the filter on the locked row, so this is a compare-and-set.
      const result = await sql`UPDATE documents SET doc = doc || ${JSON.stringify(set)}::jsonb
        WHERE ${where(name, filter)}`.execute(db);
      return Number(result.numAffectedRows ?? 0) > 0;
    },
    async delete(filter) {
      const result = await sql`DELETE FROM documents WHERE ${where(name, filter)}`.execute(db);
      return Number(result.numAffectedRows ?? 0);
    },
    async countBy(filter, field) {
      const expr = sql.raw(path(field).sql);
      const { rows } = await sql<{ v: FilterValue; n: string | number }>`SELECT ${expr} AS v, count(*) AS n
        FROM documents WHERE ${where(name, filter)} AND ${expr} IS NOT NULL AND ${expr} <> 'null'::jsonb
        GROUP BY 1`.execute(db);
      // Both drivers parse jsonb: `v` is already the JS value.
      return new Map(rows.map((r) => [r.v, Number(r.n)]));
    },
  };
}
