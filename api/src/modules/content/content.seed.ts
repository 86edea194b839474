import { type DocumentStore, DuplicateDocumentError } from '../../documents/index.js';
import {
  type ContentData,
  type ContentDoc,
  type ContentKind,
  contentId,
  contentOf,
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
    const _id = contentId(theme, kind, key);
    if (await content.get(_id)) continue;
    const at = now.toISOString();
    const doc: ContentDoc = {
      _id,
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
    try {
      await content.insert(doc);
      inserted++;
    } catch (err) {
      // Another process seeded it between the read and the insert: theirs stands.
      if (!(err instanceof DuplicateDocumentError)) throw err;
    }
  }
  return inserted;
}
