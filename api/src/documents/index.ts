/** Public surface of the document-store port (MongoDB/FerretDB or JSONB in the SQL database). */
export { createDocumentStore } from './documents.factory.js';
export type {
  Document,
  DocumentCollection,
  DocumentMigration,
  DocumentStore,
  Filter,
  FilterValue,
  FindOptions,
  IndexSpec,
  Sort,
} from './documents.js';
export { DuplicateDocumentError } from './documents.js';
export { createSqlDocumentStore } from './documents.sql.js';
export { migrateDocuments } from './migrate.js';
export { answeringUnavailable, isDocumentStoreUnavailable } from './unavailable.js';
