import type { OperationHandlers } from '../../http/operations.js';
import { sellerIdOf } from '../../http/principal.js';
import type { ContentService } from './content.service.js';

type ContentHandlers = Pick<
  OperationHandlers,
  | 'getStoreContent'
  | 'getStoreSellerPage'
  | 'getSellerProfile'
  | 'updateSellerProfile'
  | 'listAdminContent'
  | 'getAdminContent'
  | 'saveAdminContentDraft'
  | 'publishAdminContent'
>;

/** Handlers of storefront content and sellers' pages. */
export function contentHandlers({ content }: { content: ContentService }) {
  return {
    getStoreContent: async ({ params }) => ({
      status: 200,
      body: await content.getPublished(params.theme, params.kind, params.key),
    }),
    getStoreSellerPage: async ({ params }) => ({
      status: 200,
      body: await content.getSellerPage(params.idOrHandle),
    }),
    getSellerProfile: async ({ principal }) => ({
      status: 200,
      body: await content.getSellerProfile(sellerIdOf(principal)),
    }),
    updateSellerProfile: async ({ principal, body }) => ({
      status: 200,
      body: await content.updateSellerProfile(sellerIdOf(principal), body),
    }),
    listAdminContent: async ({ params }) => ({ status: 200, body: await content.list(params.theme) }),
    getAdminContent: async ({ params }) => ({
      status: 200,
      body: await content.get(params.theme, params.kind, params.key),
    }),
    saveAdminContentDraft: async ({ params, body }) => ({
      status: 200,
      body: await content.saveDraft(params.theme, params.kind, params.key, body.data),
    }),
    publishAdminContent: async ({ params }) => ({
      status: 200,
      body: await content.publish(params.theme, params.kind, params.key),
    }),
  } satisfies ContentHandlers;
}
