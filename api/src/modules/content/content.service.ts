import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { answeringUnavailable, type DocumentStore, DuplicateDocumentError } from '../../documents/index.js';
import { AppError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import type { Idempotency } from '../../http/idempotency.js';
import type { CatalogService } from '../catalog/index.js';
import { recordEvents } from '../events/index.js';
import { sellerRatingOf, sellerRatingsOf } from '../reviews/index.js';
import {
  type ContentData,
  type ContentDoc,
  type ContentKind,
  contentId,
  contentOf,
  profilesOf,
} from './content.documents.js';
import { contentPublished, sellerProfileUpdated } from './content.events.js';
import { toContentDocument, toSellerProfile, toStoreContent } from './content.views.js';

type Schemas = components['schemas'];

/** The field that tells each kind's data apart (the spec's `ContentData` variants). */
const MARKER: Record<ContentKind, string> = {
  home: 'sections',
  navigation: 'items',
  page: 'body',
  banner: 'headline',
};

const notFound = (theme: string, kind: string, key: string) =>
  new AppError('not_found', `No ${kind} '${key}' in theme '${theme}'.`);
const changedMeanwhile = () =>
  new AppError('conflict', 'The document changed while you saved it: read it again and retry.');
const unavailable = (cause: unknown) =>
  new AppError('service_unavailable', 'The content store is unavailable; retry in a moment.', { cause });

/**
 * Storefront content per theme (drafts and published versions) and sellers' own pages. The documents
 * live outside the SQL database's transactions, so a handler's transaction cannot hold their writes
 * (on the embedded driver the document store even shares PGlite's one connection, which an open
 * transaction holds): each write records its event afterwards, through the write owner's `transaction`.
 */
export function createContentService({
  db,
  transaction,
  documents,
  catalog,
  clock = () => new Date(),
}: {
  db: Kysely<Database>;
  transaction: Idempotency['transaction'];
  documents: DocumentStore;
  catalog: Pick<CatalogService, 'getSeller'>;
  clock?: () => Date;
}) {
  // An outage of the document store answers 503 service_unavailable, never 500.
  const content = answeringUnavailable(contentOf(documents), unavailable);
  const profiles = answeringUnavailable(profilesOf(documents), unavailable);

  const checkShape = (kind: ContentKind, data: ContentData) => {
    if (!(MARKER[kind] in data)) {
      const message = `must be ${kind} content (with '${MARKER[kind]}')`;
      throw new AppError('validation_failed', `data ${message}.`, {
        errors: [{ in: 'body', field: '/data', message }],
      });
    }
  };

  return {
    async list(theme: string): Promise<Schemas['ContentDocumentList']> {
      const docs = await content.find(
        { theme },
        {
          sort: [
            ['kind', 1],
            ['key', 1],
          ],
        },
      );
      return { data: docs.map(toContentDocument) };
    },

    async get(theme: string, kind: ContentKind, key: string) {
      const doc = await content.get(contentId(theme, kind, key));
      if (!doc) throw notFound(theme, kind, key);
      return toContentDocument(doc);
    },

    /** Creates the document or replaces its draft; the published version is untouched. */
    async saveDraft(theme: string, kind: ContentKind, key: string, data: ContentData) {
      checkShape(kind, data);
      const _id = contentId(theme, kind, key);
      const now = clock().toISOString();
      const existing = await content.get(_id);
      if (!existing) {
        const doc: ContentDoc = {
          _id,
          theme,
          kind,
          key,
          draft: data,
          published: null,
          version: 1,
          published_version: null,
          updated_at: now,
          published_at: null,
        };
        try {
          await content.insert(doc);
          return toContentDocument(doc);
        } catch (err) {
          if (err instanceof DuplicateDocumentError) throw changedMeanwhile();
          throw err;
        }
      }
      const next = { ...existing, draft: data, version: existing.version + 1, updated_at: now };
      if (
        !(await content.update(
          { _id, version: existing.version },
          { draft: data, version: next.version, updated_at: now },
        ))
      )
        throw changedMeanwhile();
      return toContentDocument(next);
    },

    /** Publishes the current draft (no-op when already published) and records `content.published`. */
    async publish(theme: string, kind: ContentKind, key: string) {
      const _id = contentId(theme, kind, key);
      const doc = await content.get(_id);
      if (!doc) throw notFound(theme, kind, key);
      if (doc.published_version === doc.version) return toContentDocument(doc);
      const now = clock().toISOString();
      const next: ContentDoc = {
        ...doc,
        published: doc.draft,
        published_version: doc.version,
        published_at: now,
      };
      const ok = await content.update(
        { _id, version: doc.version },
        { published: doc.draft, published_version: doc.version, published_at: now },
      );
      if (!ok) throw changedMeanwhile();
      // The event also moves the outbox position, which drops the storefront response cache.
      await transaction((trx) => recordEvents(trx, [contentPublished(next)]));
      return toContentDocument(next);
    },

    /** The published version for storefronts; never-published documents are 404. */
    async getPublished(theme: string, kind: ContentKind, key: string) {
      const doc = await content.get(contentId(theme, kind, key));
      if (!doc || doc.published === null) throw notFound(theme, kind, key);
      return toStoreContent({ ...doc, published: doc.published });
    },

    async getSellerProfile(sellerId: string) {
      return toSellerProfile(await profiles.get(sellerId));
    },

    /** Several sellers' profiles in one read, in the order of `sellerIds` (empty for one never written). */
    async getSellerProfiles(sellerIds: readonly string[]): Promise<Schemas['SellerProfile'][]> {
      const found = new Map((await profiles.find({ _id: { $in: sellerIds } })).map((doc) => [doc._id, doc]));
      return sellerIds.map((id) => toSellerProfile(found.get(id)));
    },

    /** The ratings across sellers' products' visible reviews (the page's `rating`), in one statement. */
    getSellerRatings(sellerIds: readonly string[]): Promise<Schemas['ProductRating'][]> {
      return sellerRatingsOf(db, sellerIds);
    },

    async updateSellerProfile(sellerId: string, profile: Schemas['SellerProfile']) {
      await profiles.put({ _id: sellerId, updated_at: clock().toISOString(), ...profile });
      await transaction((trx) => recordEvents(trx, [sellerProfileUpdated(sellerId)]));
      return toSellerProfile({ _id: sellerId, updated_at: '', ...profile });
    },

    /** An active seller's public page: the catalog's seller, its profile and its rating. */
    async getSellerPage(idOrHandle: string): Promise<Schemas['SellerPage']> {
      const seller = await catalog.getSeller(idOrHandle);
      const [profile, rating] = await Promise.all([profiles.get(seller.id), sellerRatingOf(db, seller.id)]);
      return { seller, profile: toSellerProfile(profile), rating };
    },
  };
}

export type ContentService = ReturnType<typeof createContentService>;
