import type { Document, DocumentCollection } from './documents.js';

/**
 * Whether an error is the document store not answering (a MongoDB or FerretDB restart, a timeout:
 * the driver's `Mongo…` errors), as opposed to a refused write or a bug. On the embedded adapter the
 * documents live in the SQL database, whose outage the rest of the API shares.
 */
export function isDocumentStoreUnavailable(err: unknown): boolean {
  return err instanceof Error && /^Mongo/.test(err.name);
}

/**
 * The collection, with every operation's "store not answering" failure turned into `unavailable(err)`
 * (a retryable 503 problem), so a caller never answers an outage with a 500. Other errors, a duplicate
 * key among them, pass through unchanged.
 */
export function answeringUnavailable<T extends Document>(
  collection: DocumentCollection<T>,
  unavailable: (cause: unknown) => Error,
): DocumentCollection<T> {
  const guard = async <R>(work: () => Promise<R>): Promise<R> => {
    try {
      return await work();
    } catch (err) {
      throw isDocumentStoreUnavailable(err) ? unavailable(err) : err;
    }
  };
  return {
    insert: (doc) => guard(() => collection.insert(doc)),
    put: (doc) => guard(() => collection.put(doc)),
    get: (id) => guard(() => collection.get(id)),
    find: (filter, options) => guard(() => collection.find(filter, options)),
    count: (filter) => guard(() => collection.count(filter)),
    update: (filter, set) => guard(() => collection.update(filter, set)),
    delete: (filter) => guard(() => collection.delete(filter)),
    countBy: (filter, field) => guard(() => collection.countBy(filter, field)),
  };
}
