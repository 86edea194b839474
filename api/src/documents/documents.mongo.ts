import { type Collection, MongoClient, type Filter as MongoFilter, MongoServerError } from 'mongodb';
import { backoffMs } from '../lib/backoff.js';
import type { Logger } from '../lib/logger.js';
import {
  assertAfter,
  assertCondition,
  assertName,
  type Document,
  type DocumentCollection,
  type DocumentStore,
  DuplicateDocumentError,
  type Filter,
  type FilterValue,
  type IndexSpec,
  isCondition,
  type RangeValue,
  type Sort,
} from './documents.js';

export interface MongoDocumentStoreOptions {
  url: string;
  /** The database to use (tests use one per file). */
  database: string;
  logger: Logger;
  /** How long an operation waits for a reachable server before failing (ms). */
  serverSelectionTimeoutMs?: number;
}

/**
 * The MongoDB adapter (official driver). Talks to MongoDB or to FerretDB 1.24 (CI): it uses only
 * single-document writes, equality filters and `$match`/`$group`/`$sum`, which FerretDB implements.
 * Writes are acknowledged by the server (FerretDB acknowledges after its PostgreSQL commit), so an
 * acknowledged review survives a restart of the document store.
 */
export function createMongoDocumentStore(options: MongoDocumentStoreOptions): DocumentStore {
  const client = new MongoClient(options.url, {
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 5_000,
    // FerretDB has no sessions, so no retryable writes: a failed write is the caller's to retry.
    retryWrites: false,
    appName: 'souk-api',
  });
  const db = client.db(options.database);
  const store: DocumentStore = {
    kind: 'mongodb',
    onSqlTransaction: () => store,
    collection: <T extends Document>(name: string) => {
      assertName('collection', name);
      return mongoCollection<T>(db.collection<T>(name));
    },
    async createIndex(collection: string, index: IndexSpec) {
      assertName('collection', collection);
      await db.collection(collection).createIndex(Object.fromEntries(index.keys.map(([f, d]) => [f, d])), {
        name: index.name,
        unique: index.unique ?? false,
      });
    },
    async ping() {
      await db.command({ ping: 1 });
    },
    async close() {
      await client.close();
    },
  };
  return store;
}

function toMongo<T extends Document>(filter: Filter): MongoFilter<T> {
  const out: Record<string, unknown> = {};
  for (const [field, condition] of Object.entries(filter)) {
    assertName('field', field);
    if (!isCondition(condition)) {
      out[field] = condition;
      continue;
    }
    assertCondition(field, condition);
    // Copied operator by operator: only the checked ones reach the server.
    const { $in, $gt, $gte, $lt, $lte } = condition;
    out[field] = Object.fromEntries(
      Object.entries({ $in: $in && [...$in], $gt, $gte, $lt, $lte }).filter(([, v]) => v !== undefined),
    );
  }
  return out as MongoFilter<T>;
}

/**
 * The keyset bound "after these sort-key values" as `$or` of prefixes: equal on the fields before k,
 * strictly beyond on k (`$lt` for a descending field). FerretDB 1.24 evaluates `$or` itself (its
 * PostgreSQL pushdown covers equalities), so the filter's equalities should narrow what it reads.
 */
function afterBound(sort: Sort, after: readonly RangeValue[]): Record<string, unknown> {
  return {
    $or: sort.map(([field, dir], k) => ({
      ...Object.fromEntries(sort.slice(0, k).map(([f], j) => [f, after[j]])),
      [field]: { [dir === 1 ? '$gt' : '$lt']: after[k] },
    })),
  };
}

function duplicate(err: unknown): never {
  if (err instanceof MongoServerError && err.code === 11000) throw new DuplicateDocumentError(err.message);
  throw err;
}

/** A lock on one document, held while it is updated (see `withDocumentLock`). */
interface LockDoc {
  _id: string;
  expires_at: Date;
}

/** How long a lock outlives a holder that died holding it. */
const LOCK_TTL_MS = 10_000;
/** How long an update waits for a document another update holds. */
const LOCK_WAIT_MS = 5_000;

/**
 * Runs `work` holding a lock on one document. FerretDB 1.24 carries out `updateOne` as read, modify,
 * write back, without locking the row in between: 20 concurrent compare-and-sets on one review let
 * two win (the contract test caught it), and two `$set`s of different fields could lose one. The lock
 * is an insert into `souk_locks` with the document's key as `_id`: the unique `_id` (a primary key in
 * FerretDB's PostgreSQL) admits one holder at a time, across every API instance. A holder that died
 * leaves a lock that expires after LOCK_TTL_MS and is then taken over. On MongoDB itself the update is
 * atomic anyway; the lock costs two more round trips there.
 */
async function withDocumentLock<R>(
  locks: Collection<LockDoc>,
  key: string,
  work: () => Promise<R>,
): Promise<R> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      await locks.insertOne({ _id: key, expires_at: new Date(Date.now() + LOCK_TTL_MS) });
      break;
    } catch (err) {
      if (!(err instanceof MongoServerError && err.code === 11000)) throw err;
      await locks.deleteOne({ _id: key, expires_at: { $lt: new Date() } });
      if (Date.now() > deadline) {
        // Named like the driver's errors: callers treat it as the document store being unavailable.
        throw Object.assign(new Error(`document ${key} stayed locked for ${LOCK_WAIT_MS} ms`), {
          name: 'MongoLockTimeoutError',
        });
      }
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt, 5, 100)));
    }
  }
  try {
    return await work();
  } finally {
    await locks.deleteOne({ _id: key });
  }
}

function mongoCollection<T extends Document>(c: Collection<T>): DocumentCollection<T> {
  const locks = c.db.collection<LockDoc>('souk_locks');
  // biome-ignore lint/suspicious/noExplicitAny: the driver's generic filter types do not follow a Document generic
  const byId = (id: string) => ({ _id: id }) as any;
  return {
    async insert(doc) {
      // biome-ignore lint/suspicious/noExplicitAny: OptionalUnlessRequiredId<T> is T for string ids
      await c.insertOne(doc as any).catch(duplicate);
    },
    async put(doc) {
      await c.replaceOne(byId(doc._id), doc, { upsert: true }).catch(duplicate);
    },
    async get(id) {
      return ((await c.findOne(byId(id))) as T | null) ?? undefined;
    },
    async find(filter, options = {}) {
      const bound = options.after ? afterBound(assertAfter(options.sort, options.after), options.after) : {};
      let cursor = c.find({ ...toMongo<T>(filter), ...bound } as MongoFilter<T>);
      if (options.sort && options.sort.length > 0)
        cursor = cursor.sort(options.sort.map(([f, d]) => [f, d] as [string, 1 | -1]));
      if (options.skip) cursor = cursor.skip(options.skip);
      if (options.limit !== undefined) cursor = cursor.limit(options.limit);
      return (await cursor.toArray()) as T[];
    },
    async count(filter) {
      return c.countDocuments(toMongo<T>(filter));
    },
    async update(filter, set) {
      if (typeof filter._id !== 'string')
        throw new Error('update needs the _id of one document in its filter');
      const result = await withDocumentLock(locks, `${c.collectionName}:${filter._id}`, () =>
        // biome-ignore lint/suspicious/noExplicitAny: $set of a Partial<T>
        c.updateOne(toMongo<T>(filter), { $set: set as any }).catch(duplicate),
      );
      return result.matchedCount > 0;
    },
    async delete(filter) {
      return (await c.deleteMany(toMongo<T>(filter))).deletedCount;
    },
    async countBy(filter, field) {
      assertName('field', field);
      // $group with $sum is what FerretDB 1.24 aggregates; $avg is not implemented there.
      const rows = await c
        .aggregate<{ _id: FilterValue; n: number }>([
          { $match: { ...toMongo<T>(filter), [field]: { $ne: null } } },
          { $group: { _id: `$${field}`, n: { $sum: 1 } } },
        ])
        .toArray();
      return new Map(rows.map((r) => [r._id, r.n]));
    },
  };
}
