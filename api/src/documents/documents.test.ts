import { randomBytes } from 'node:crypto';
import { afterAll, describe, it } from 'vitest';
import {
  createTestDatabase,
  dropMongoDatabase,
  mongoUrl,
  type TestDatabase,
} from '../../test/support/test-db.js';
import { createLogger } from '../lib/logger.js';
import { describeDocumentStoreContract } from './documents.contract.js';
import { createMongoDocumentStore } from './documents.mongo.js';
import { createSqlDocumentStore } from './documents.sql.js';

const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});

// JSONB in the SQL database the run uses (PGlite, or PostgreSQL when DATABASE_URL is set).
describeDocumentStoreContract('sql-jsonb', async () => {
  const database = await createTestDatabase({ env: { MONGO_URL: '' } });
  databases.push(database);
  return createSqlDocumentStore(database.container.database.db);
});

if (mongoUrl) {
  const url = mongoUrl;
  const name = `souk_test_${randomBytes(6).toString('hex')}`;
  describeDocumentStoreContract('mongodb', async () => {
    const store = createMongoDocumentStore({ url, database: name, logger: createLogger('silent') });
    return {
      ...store,
      close: async () => {
        await store.close();
        await dropMongoDatabase(url, name);
      },
    };
  });
} else {
  describe('document store contract: mongodb', () => {
    it.skip('runs when MONGO_URL is set (CI starts FerretDB with scripts/services up mongo)', () => {});
  });
}
