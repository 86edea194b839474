import { type RequestOptions, type SoukCore, unwrap } from './core.js';
import type { PathParams, RequestBody, ResponseBody } from './types.js';

type Theme = PathParams<'getStoreContent'>['theme'];
type Kind = PathParams<'getStoreContent'>['kind'];
type Key = PathParams<'getStoreContent'>['key'];

/** `store.content`: the published content documents of a theme. */
export function createStoreContentApi(core: SoukCore) {
  const { api } = core;
  return {
    /** The published version of a content document (`GET /store/content/{theme}/{kind}/{key}`); 404 if never published. */
    get: (theme: Theme, kind: Kind, key: Key, options?: RequestOptions) =>
      unwrap<ResponseBody<'getStoreContent'>>(
        api.GET('/store/content/{theme}/{kind}/{key}', {
          params: { path: { theme, kind, key } },
          ...core.init(options),
        }),
      ),
  };
}

/** `seller.profile`: the seller's own storefront page. */
export function createSellerProfileApi(core: SoukCore) {
  const { api } = core;
  return {
    /** The seller's page (`GET /seller/profile`). */
    get: (options?: RequestOptions) =>
      unwrap<ResponseBody<'getSellerProfile'>>(api.GET('/seller/profile', { ...core.init(options) })),
    /** Replaces the seller's page (`PUT /seller/profile`). */
    update: (body: RequestBody<'updateSellerProfile'>, options?: RequestOptions) =>
      unwrap<ResponseBody<'updateSellerProfile'>>(
        api.PUT('/seller/profile', { body, ...core.init(options) }),
      ),
  };
}

/** `admin.content`: drafts and publishing of theme content. */
export function createAdminContentApi(core: SoukCore) {
  const { api } = core;
  const path = (theme: Theme, kind: Kind, key: Key) => ({ params: { path: { theme, kind, key } } });
  return {
    /** Every content document of a theme (`GET /admin/content/{theme}`). */
    list: (theme: Theme, options?: RequestOptions) =>
      unwrap<ResponseBody<'listAdminContent'>>(
        api.GET('/admin/content/{theme}', { params: { path: { theme } }, ...core.init(options) }),
      ),
    /** One document with its draft and published version. */
    get: (theme: Theme, kind: Kind, key: Key, options?: RequestOptions) =>
      unwrap<ResponseBody<'getAdminContent'>>(
        api.GET('/admin/content/{theme}/{kind}/{key}', { ...path(theme, kind, key), ...core.init(options) }),
      ),
    /** Creates the document or replaces its draft (`PUT /admin/content/{theme}/{kind}/{key}`). */
    saveDraft: (
      theme: Theme,
      kind: Kind,
      key: Key,
      body: RequestBody<'saveAdminContentDraft'>,
      options?: RequestOptions,
    ) =>
      unwrap<ResponseBody<'saveAdminContentDraft'>>(
        api.PUT('/admin/content/{theme}/{kind}/{key}', {
          ...path(theme, kind, key),
          body,
          ...core.init(options),
        }),
      ),
    /** Publishes the current draft (`POST /admin/content/{theme}/{kind}/{key}/publish`). */
    publish: (theme: Theme, kind: Kind, key: Key, options?: RequestOptions) =>
      unwrap<ResponseBody<'publishAdminContent'>>(
        api.POST('/admin/content/{theme}/{kind}/{key}/publish', {
          ...path(theme, kind, key),
          ...core.init(options),
        }),
      ),
  };
}
