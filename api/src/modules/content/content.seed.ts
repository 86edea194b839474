import {
  type DocumentCollection,
  type DocumentStore,
  DuplicateDocumentError,
} from '../../documents/index.js';
import {
  type ContentData,
  type ContentDoc,
  type ContentKind,
  contentId,
  contentOf,
  profilesOf,
  type SellerProfileDoc,
} from './content.documents.js';

/** A document to publish when the theme has none under its kind and key. */
export interface SeedContent {
  theme: string;
  kind: ContentKind;
  key: string;
  data: ContentData;
}

/**
 * Inserts each document, published as version 1, unless one with its theme, kind and key exists: an
 * operator's drafts and edits are never overwritten, and a store seeded before a document was added
 * gets it on the next start. No `content.published` event: nothing could have cached what did not exist.
 * Returns how many were inserted.
 */
export async function seedContent(
  documents: DocumentStore,
  docs: readonly SeedContent[],
  now: Date = new Date(),
): Promise<number> {
  const content = contentOf(documents);
  let inserted = 0;
  for (const { theme, kind, key, data } of docs) {
    const at = now.toISOString();
    const doc: ContentDoc = {
      _id: contentId(theme, kind, key),
      theme,
      kind,
      key,
      draft: data,
      published: data,
      version: 1,
      published_version: 1,
      updated_at: at,
      published_at: at,
    };
    if (await insertIfMissing(content, doc)) inserted++;
  }
  return inserted;
}

/** A seller's profile to write when the seller has none. */
export interface SeedSellerProfile {
  sellerId: string;
  profile: Omit<SellerProfileDoc, '_id' | 'updated_at'>;
}

/**
 * Inserts each seller's profile unless the seller has one: a seller's own page is never overwritten.
 * No `seller_profile.updated` event, for the same reason as `seedContent`. Returns how many were inserted.
 */
export async function seedSellerProfiles(
  documents: DocumentStore,
  profiles: readonly SeedSellerProfile[],
  now: Date = new Date(),
): Promise<number> {
  const collection = profilesOf(documents);
  let inserted = 0;
  for (const { sellerId, profile } of profiles) {
    if (await insertIfMissing(collection, { _id: sellerId, updated_at: now.toISOString(), ...profile }))
      inserted++;
  }
  return inserted;
}

/**
 * Inserts the document unless one with its id exists; whether it did. Losing a race to another process
 * seeding the same document counts as existing: theirs stands.
 */
async function insertIfMissing<T extends { _id: string }>(
  collection: DocumentCollection<T>,
  doc: T,
): Promise<boolean> {
  if (await collection.get(doc._id)) return false;
  try {
    await collection.insert(doc);
    return true;
  } catch (err) {
    if (err instanceof DuplicateDocumentError) return false;
    throw err;
  }
}
