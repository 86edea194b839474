import type { components } from '../../generated/openapi.js';
import type { ContentDoc, SellerProfileDoc } from './content.documents.js';

type Schemas = components['schemas'];

export function toContentDocument(doc: ContentDoc): Schemas['ContentDocument'] {
  return {
    theme: doc.theme,
    kind: doc.kind,
    key: doc.key,
    draft: doc.draft,
    published: doc.published,
    version: doc.version,
    published_version: doc.published_version,
    updated_at: doc.updated_at,
    published_at: doc.published_at,
  };
}

export function toStoreContent(
  doc: ContentDoc & { published: NonNullable<ContentDoc['published']> },
): Schemas['StoreContent'] {
  return {
    theme: doc.theme,
    kind: doc.kind,
    key: doc.key,
    data: doc.published,
    published_at: doc.published_at ?? doc.updated_at,
  };
}

/** A profile never written is an empty page, not a 404: every seller has one. */
export function toSellerProfile(doc: SellerProfileDoc | undefined): Schemas['SellerProfile'] {
  return { story: doc?.story ?? '', policies: doc?.policies ?? {}, links: doc?.links ?? [] };
}
