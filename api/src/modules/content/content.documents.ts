import type { DocumentCollection, DocumentStore } from '../../documents/index.js';
import type { components } from '../../generated/openapi.js';

type Schemas = components['schemas'];
export type ContentKind = Schemas['ContentKind'];
export type ContentData = Schemas['ContentData'];

/** A theme's content document (collection `content`, `_id` = `theme:kind:key`). */
export interface ContentDoc {
  _id: string;
  theme: string;
  kind: ContentKind;
  key: string;
  draft: ContentData;
  published: ContentData | null;
  /** Bumped by every saved draft; writes compare-and-set on it (no multi-document transactions). */
  version: number;
  published_version: number | null;
  updated_at: string;
  published_at: string | null;
}

/** A seller's storefront page (collection `seller_profiles`, `_id` = the seller id). */
export type SellerProfileDoc = { _id: string; updated_at: string } & Schemas['SellerProfile'];

export const contentOf = (store: DocumentStore): DocumentCollection<ContentDoc> =>
  store.collection<ContentDoc>('content');

export const profilesOf = (store: DocumentStore): DocumentCollection<SellerProfileDoc> =>
  store.collection<SellerProfileDoc>('seller_profiles');

export const contentId = (theme: string, kind: ContentKind, key: string) => `${theme}:${kind}:${key}`;
