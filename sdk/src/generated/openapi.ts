// Generated from spec/openapi.yaml by `npm run generate`. Do not edit.

export type paths = {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness probe
         * @description Answers 200 while the process is alive and serving HTTP. It does not touch the database.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness probe
         * @description Answers 200 when the database is reachable and every migration has been applied, 503 otherwise.
         */
        get: operations["getReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This API's OpenAPI document
         * @description The bundled OpenAPI 3.1 document this server validates requests against.
         */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * API reference
         * @description An HTML API reference rendered from this document (Redoc, built at build time). It loads its script from `/docs/redoc.standalone.js` on this server, never from the internet.
         */
        get: operations["getApiDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/redoc.standalone.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Script of the API reference
         * @description The Redoc bundle the `/docs` page loads, served from this server so the reference works without
         *     the internet. It is the exact build the page was rendered with (checked when the page is built).
         */
        get: operations["getApiDocsScript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List and search published products
         * @description Published products of active sellers, with their variants and prices.
         *
         *     - `q` runs a full-text search over title and description (English stemming) and ranks by relevance.
         *       Its last word, of two characters or more, also matches the longer words it begins, as a search box
         *       typed into is expected to (`chel` finds "Chelsea"), unless a space follows it or it is quoted,
         *       negated or after `or`.
         *     - `category` takes a category id or handle and includes every descendant category.
         *     - `min_price`/`max_price` (minor units) keep products with at least one variant priced in that range;
         *       they and the price sorts need `currency`.
         *     - Default sort is `relevance` when `q` is given and `newest` otherwise.
         */
        get: operations["listStoreProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/products/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search published products (filters in the body)
         * @description The same search as `GET /store/products`, with the filters sent as a JSON body: for clients that
         *     build long queries, or that prefer not to put search terms in URLs and logs. Safe and idempotent: it
         *     changes nothing, so it needs no `Idempotency-Key`. Unknown fields are rejected.
         */
        post: operations["searchStoreProducts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/products/{idOrHandle}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a published product
         * @description A published product of an active seller, by id (`prod_…`) or handle. A handle the product had before a seller renamed it still finds it, as long as no other product has taken it; the body's `handle` is the current one, for a storefront's canonical URL or redirect.
         */
        get: operations["getStoreProduct"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the category tree
         * @description Every category as a flat list in tree order (depth first, siblings by rank then name).
         *     Rebuild the tree from `parent_id`; `path` holds the handles from the root down to the category.
         */
        get: operations["listStoreCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/sellers/{idOrHandle}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a seller's public profile
         * @description An active seller by id (`sel_…`) or handle. Pending and suspended sellers are not found.
         */
        get: operations["getStoreSeller"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/carts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a cart
         * @description Creates an empty cart in one currency; every line is priced in it. The returned `id` is an
         *     unguessable capability (`cart_` + 22 random base62 characters): keep it like a session token, since
         *     anyone holding it can read and change the cart. Send an `Idempotency-Key` to retry safely.
         */
        post: operations["createStoreCart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/carts/{cartId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a cart
         * @description The cart with every line priced at the current price, grouped by seller with each seller's
         *     shipping and tax, and the totals. Nothing priced is stored: a price change shows on the next read.
         *     Lines that can no longer be bought stay in the cart with a null price and are listed in `problems`.
         *     A completed cart can still be read.
         */
        get: operations["getStoreCart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Set the buyer's email and shipping address
         * @description Sets or clears (`null`) the email and the shipping address; fields left out keep their value.
         *     The address's `country` picks the tax rate. A country without a tax rate is accepted, but the cart
         *     then shows `destination_unsupported` in `problems` and cannot be checked out.
         *     A completed cart cannot change (`409 cart_completed`).
         */
        patch: operations["updateStoreCart"];
        trace?: never;
    };
    "/store/carts/{cartId}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a variant to a cart
         * @description Adds units of a variant. A variant already in the cart is not added twice: its line's quantity
         *     grows instead. Answers **200** with the whole cart (not 201: the cart already existed, and the line
         *     may have been merged rather than created). Send an `Idempotency-Key` to retry safely (a retry
         *     without one would add the units again).
         *
         *     - `422 variant_unavailable`: the variant does not exist, its product is not published, or its seller is not active.
         *     - `422 currency_mismatch`: the variant has no price in the cart's currency.
         *     - `422 quantity_limit_exceeded`: the line would hold more than 100 units (a quantity above 1000 is `400`).
         *     - `409 out_of_stock`: the line would hold more units than are in stock; `detail` says how many are.
         *     - `409 cart_completed`: the cart was checked out.
         */
        post: operations["addStoreCartItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/carts/{cartId}/items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a line
         * @description Removes a line from the cart, whatever the state of its variant. A line of another cart is `404`; a completed cart cannot change (`409 cart_completed`).
         */
        delete: operations["removeStoreCartItem"];
        options?: never;
        head?: never;
        /**
         * Change the quantity of a line
         * @description Sets the quantity of a line (1–100; delete the line to remove it). The variant is checked again:
         *     `422 variant_unavailable`, `422 currency_mismatch`, `422 quantity_limit_exceeded` and `409 out_of_stock`
         *     mean what they mean when adding. A line of another cart is `404`.
         */
        patch: operations["updateStoreCartItem"];
        trace?: never;
    };
    "/seller/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the seller's products
         * @description Every product of the calling seller, drafts included, newest first (ties by id), optionally
         *     only those in one `status`. Keyset-paginated: pass `next_cursor` back as `cursor` with the same `status`.
         *     Staff roles allowed — owner, catalog.
         */
        get: operations["listSellerProducts"];
        put?: never;
        /**
         * Create a product
         * @description Creates a product of the calling seller as a `draft`, with its options and variants. Publish it to
         *     show it in the store.
         *
         *     - `handle` and every `sku` must be unused across the marketplace, else `409 conflict`.
         *     - `category` (id or handle) must exist, else `400 validation_failed` naming `/category`.
         *     - Each variant's `options` must give exactly one value, from that option's `values`, for every
         *       product option, and no two variants may share a combination; prices are at most one per currency;
         *       SKUs are unique within the request. Each violation is a `400 validation_failed` field error
         *       (`/variants/1/options`, `/variants/0/prices/1/currency`, …).
         *     - With an `Idempotency-Key`, a retry returns the first response (with `Idempotent-Replayed: true`).
         *     Staff roles allowed — owner, catalog.
         */
        post: operations["createSellerProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/products/{productId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one of the seller's products
         * @description A product of the calling seller, in any status. Another seller's product is `404`, as if it did not exist. Staff roles allowed — owner, catalog.
         */
        get: operations["getSellerProduct"];
        put?: never;
        post?: never;
        /**
         * Delete a product
         * @description Deletes a product of the calling seller with its options, variants and prices, in any status.
         *     A product whose variants are referenced elsewhere (for example by orders) cannot be deleted:
         *     `409 conflict`; unpublish it instead.
         *     Staff roles allowed — owner, catalog.
         */
        delete: operations["deleteSellerProduct"];
        options?: never;
        head?: never;
        /**
         * Update a product
         * @description Changes the given fields of a product of the calling seller; the others keep their value.
         *     `attributes` and `images` are replaced whole; `category: null` removes the category. A taken
         *     `handle` is `409 conflict`; an unknown `category` is `400 validation_failed`. Options and variants
         *     are changed through the variant operations. After a new `handle`, the store API still finds the
         *     product by its old one (for links and search results already out there) until another product
         *     takes it; `product.updated` carries it as `previous_handle`.
         *     Staff roles allowed — owner, catalog.
         */
        patch: operations["updateSellerProduct"];
        trace?: never;
    };
    "/seller/products/{productId}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a product
         * @description Makes a product of the calling seller `published`: it shows in the store while the seller is `active` (a pending or suspended seller can publish, but nothing shows until it is active). It needs at least one variant with a price, else `409 invalid_state`. Publishing a published product changes nothing.
         *     Staff roles allowed — owner, catalog.
         */
        post: operations["publishSellerProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/products/{productId}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unpublish a product
         * @description Returns a product of the calling seller to `draft`: it leaves the store at once. Unpublishing a draft changes nothing.
         *     Staff roles allowed — owner, catalog.
         */
        post: operations["unpublishSellerProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/products/{productId}/variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a variant
         * @description Adds a variant to a product of the calling seller and returns the whole product.
         *
         *     - `options` must give exactly one value, from that option's `values`, for every product option
         *       (`400 validation_failed` otherwise); a combination another variant already has is `409 conflict`.
         *     - A taken `sku` is `409 conflict`; two prices in one currency are `400 validation_failed`.
         *     - With an `Idempotency-Key`, a retry returns the first response (with `Idempotent-Replayed: true`).
         *     Staff roles allowed — owner, catalog.
         */
        post: operations["createSellerVariant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/products/{productId}/variants/{variantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a variant
         * @description Deletes a variant of a product of the calling seller with its prices. A published product must
         *     keep at least one priced variant, so deleting its last one (or its last priced one) is
         *     `409 invalid_state`: unpublish the product first. A variant referenced elsewhere (for example by
         *     orders) is `409 conflict`.
         *     Staff roles allowed — owner, catalog.
         */
        delete: operations["deleteSellerVariant"];
        options?: never;
        head?: never;
        /**
         * Update a variant
         * @description Changes the given fields of a variant of a product of the calling seller and returns the whole
         *     product. `prices` replaces every price of the variant (`[]` removes them all);
         *     `inventory_quantity` sets the stock (use `POST /seller/inventory` with `adjust` while orders are
         *     being placed). The same option and SKU rules as on creation apply. A published product must
         *     keep at least one priced variant: removing the last prices is `409 invalid_state`.
         *     Staff roles allowed — owner, catalog.
         */
        patch: operations["updateSellerVariant"];
        trace?: never;
    };
    "/seller/products/{productId}/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a product's images
         * @description The images of a product of the calling seller, in display order. Staff roles allowed — owner, catalog.
         */
        get: operations["listSellerProductImages"];
        put?: never;
        /**
         * Upload a product image
         * @description Adds an image at the end of a product's images. The body is the image file itself (not a form):
         *     JPEG, PNG, WebP, AVIF or GIF (first frame), at most 10 MB (`MEDIA_MAX_UPLOAD_BYTES`) and
         *     40 megapixels (`MEDIA_MAX_PIXELS`). The type is read from the content, not from `Content-Type`
         *     or a file name: a text file sent as `image/png` is `415 unsupported_image_type`; a file that
         *     starts like an image but does not decode is `422 malformed_image`. A refused upload stores nothing.
         *
         *     Souk keeps the original and serves a WebP rendering (EXIF orientation applied, metadata
         *     stripped, at most 1600 px wide) with `?w=` variants. The same file twice on one product is
         *     `409 conflict`; a product has at most 12 images (`MEDIA_MAX_IMAGES_PER_PRODUCT`, else
         *     `409 too_many_images`). Records `product.updated` with `changed: [images]`.
         *     - With an `Idempotency-Key`, a retry returns the first response (with `Idempotent-Replayed: true`).
         *
         *     Staff roles allowed — owner, catalog.
         */
        post: operations["uploadSellerProductImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/products/{productId}/images/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Reorder a product's images
         * @description Sets the display order of a product's uploaded images; the first becomes the main image.
         *     `image_ids` must name every uploaded image of the product exactly once (else
         *     `400 validation_failed`). Records `product.updated` with `changed: [images]` when the order changes.
         *     Staff roles allowed — owner, catalog.
         */
        put: operations["reorderSellerProductImages"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/products/{productId}/images/{imageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an image
         * @description Removes an uploaded image from the product and deletes its original and every rendered variant
         *     from storage. Records `product.updated` with `changed: [images]`. Staff roles allowed — owner, catalog.
         */
        delete: operations["deleteSellerProductImage"];
        options?: never;
        head?: never;
        /**
         * Set an image's alt text
         * @description Changes the alt text of an uploaded image. Records `product.updated` with `changed: [images]`
         *     when it differs. Staff roles allowed — owner, catalog.
         */
        patch: operations["updateSellerProductImage"];
        trace?: never;
    };
    "/media/products/{productId}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a product image (or a resized variant)
         * @description Serves an uploaded product image as WebP (`image/webp`), public and without a key, for
         *     browsers and CDNs. The URL is content-addressed (the file name is a hash of the original), so
         *     responses are `Cache-Control: public, max-age=31536000, immutable` with a strong `ETag`
         *     (`If-None-Match` answers `304`).
         *
         *     `w` picks a variant of that width (the height keeps the aspect ratio; never wider than the
         *     image itself): one of 160, 320, 480, 640, 960, 1280, 1600. Any other width is
         *     `400 validation_failed`. Without `w`: the image at up to 1600 px wide, as `width`/`height` of
         *     the product's `Image` say. Variants are rendered on first request and then kept in storage.
         *
         *     **Who sees a picture.** A plain URL answers only while a *published* product of an *active*
         *     seller shows the picture under it (its own upload, or another product's picture it borrows by
         *     URL); otherwise `404 not_found`, as for an unknown file. So a draft's pictures, or those of a
         *     product unpublished or of a suspended seller, are not public, and stop being served the moment
         *     the change commits: the database is asked on every request, before any cached bytes or a `304`.
         *
         *     **Previews.** A seller's screens show drafts' pictures through `preview_url` (see
         *     `SellerImage`, from the seller image operations): this URL plus `exp` (unix seconds) and `sig`,
         *     an HMAC-SHA256 of the product id, the picture's hash and `exp`, keyed with `MEDIA_PREVIEW_KEY`
         *     (unset: a random key generated once per database and kept in it, so every instance on that
         *     database agrees). A signed request is served while any product shows the picture under this
         *     URL, whatever its status, with `Cache-Control: private` until `exp`, so no shared cache keeps
         *     it. A signature that does not match, or an `exp` in the past, is `403 preview_url_invalid`
         *     (only one of the two is `400 validation_failed`). Why signed URLs rather than the seller's
         *     credentials: an `<img>` element sends neither `X-Api-Key` nor `Authorization`, and a cookie
         *     would tie the media host (often a CDN) to the API's sessions; a short-lived signature works in
         *     any `<img>`, and published pictures keep their plain, CDN-cacheable URLs.
         */
        get: operations["getMediaImage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/inventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Update stock in bulk
         * @description Sets or adjusts the stock of up to 500 of the calling seller's variants in one transaction:
         *     every item is applied or none is.
         *
         *     - An item names its variant by `sku` or `variant_id` and carries `quantity` (set) or `adjust`
         *       (signed delta). `adjust` adds to the stock as it is at the moment of the write, so it is the safe
         *       choice while orders are being placed.
         *     - An unknown SKU or variant id — including one of another seller — is `404 not_found`, naming
         *       every such item; nothing is changed.
         *     - An `adjust` that would take stock below zero is `409 out_of_stock`, naming the item; nothing is changed.
         *     - A variant named twice (by SKU or id) is `400 validation_failed`.
         *     - `adjust` is not idempotent: send an `Idempotency-Key` to make retries safe.
         *     Staff roles allowed — owner, catalog.
         */
        post: operations["updateSellerInventory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/sellers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List sellers
         * @description All sellers, newest first, optionally by status. Staff roles allowed — owner, sellers, finance, support.
         */
        get: operations["listAdminSellers"];
        put?: never;
        /**
         * Onboard a seller
         * @description Creates a seller in `pending` state: it can set up its catalog with a seller key, but nothing it lists is shown or sold until it is approved. Staff roles allowed — owner, sellers.
         */
        post: operations["createAdminSeller"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/sellers/{sellerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a seller
         * @description A seller in any state. Staff roles allowed — owner, sellers, finance, support.
         */
        get: operations["getAdminSeller"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/sellers/{sellerId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a seller
         * @description `pending` → `active`: its published products appear in the store and can be bought. Staff roles allowed — owner, sellers.
         */
        post: operations["approveAdminSeller"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/sellers/{sellerId}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend a seller
         * @description `pending` or `active` → `suspended`: its products disappear from the store and cannot be bought at once. Existing orders stay serviceable: the seller can still fulfil or cancel them and is still paid out. Staff roles allowed — owner, sellers.
         */
        post: operations["suspendAdminSeller"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/sellers/{sellerId}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reactivate a seller
         * @description `suspended` → `active`. Staff roles allowed — owner, sellers.
         */
        post: operations["reactivateAdminSeller"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/sellers/{sellerId}/commission": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a seller’s commission
         * @description Sets (or, with null, clears) the seller’s commission override. It applies to orders placed from now on; existing seller orders keep the commission computed when they were placed. Staff roles allowed — owner, finance.
         */
        put: operations["setAdminSellerCommission"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/sellers/{sellerId}/quota": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a seller’s rate limit
         * @description The seller's API quota, its override and the tier default. Staff roles allowed — owner, sellers, developer.
         */
        get: operations["getAdminSellerQuota"];
        /**
         * Set a seller’s rate limit
         * @description Sets (or, with null, clears) the seller's quota override. Every API instance applies it within a second;
         *     the budget already spent stays spent.
         *     Staff roles allowed — owner, sellers.
         */
        put: operations["setAdminSellerQuota"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/sellers/{sellerId}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a seller’s keys
         * @description The seller’s secret keys, revoked ones included. Staff roles allowed — owner, sellers.
         */
        get: operations["listAdminSellerKeys"];
        put?: never;
        /**
         * Create a seller key
         * @description A new secret key for the seller. The full key is in this response only. Staff roles allowed — owner, sellers.
         */
        post: operations["createAdminSellerKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/publishable-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List publishable keys
         * @description Storefront keys, revoked ones included. Staff roles allowed — owner, developer.
         */
        get: operations["listAdminPublishableKeys"];
        put?: never;
        /**
         * Create a publishable key
         * @description A new storefront key (`pk_…`). Publishable keys only reach `/store/*` and are safe in a browser. Staff roles allowed — owner, developer.
         */
        post: operations["createAdminPublishableKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a key
         * @description Revokes any key (seller, publishable or operator). Requests with it get 401 from then on. Revoking twice is harmless. Staff roles allowed — owner.
         */
        delete: operations["revokeAdminKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get marketplace settings
         * @description Marketplace-wide settings. Staff roles allowed — owner, finance.
         */
        get: operations["getAdminSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update marketplace settings
         * @description Changes marketplace-wide settings; a new default commission applies to orders placed from now on. Staff roles allowed — owner.
         */
        patch: operations["updateAdminSettings"];
        trace?: never;
    };
    "/store/carts/{cartId}/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check out a cart
         * @description Authorizes the payment for the cart's current total first, then places the order in one transaction: re-prices the cart under its lock (if the total or currency changed meanwhile, the authorization is voided and the answer is 409 `cart_changed`), creates one seller order per seller with its commission, books the ledger, records events and, last, reserves stock atomically (never below zero). A declined payment leaves no order, no reserved stock and no ledger entry; any other failure voids the authorization. Requires `Idempotency-Key`: a retry of a completed checkout is answered from the stored response without authorizing again. The response carries `access_token`, shown only here.
         */
        post: operations["checkoutStoreCart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/orders/{orderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an order (buyer)
         * @description The buyer reads its order with the `access_token` from checkout in `X-Order-Token`. A wrong or missing token gets the same 404 as an unknown order.
         */
        get: operations["getStoreOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my seller orders
         * @description This seller’s part of each order, newest first. Staff roles allowed — owner, orders.
         */
        get: operations["listSellerOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/orders/{sellerOrderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one of my seller orders
         * @description Only this seller’s own seller orders; any other id is 404. Staff roles allowed — owner, orders.
         */
        get: operations["getSellerOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/orders/{sellerOrderId}/fulfillments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ship (part of) a seller order
         * @description Records a shipment with carrier and tracking number, for the given lines and quantities or for everything not yet shipped. When every line is shipped the seller order is `fulfilled` and its payment is captured (commission booked, seller balance available). Staff roles allowed — owner, orders.
         */
        post: operations["createSellerOrderFulfillment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/orders/{sellerOrderId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a seller order
         * @description Cancels this seller’s part before anything shipped: restocks its lines, voids its part of the payment and reverses its ledger entries (commission included). Other sellers’ parts of the order are unaffected. Staff roles allowed — owner, orders.
         */
        post: operations["cancelSellerOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get my balance
         * @description Available (captured, not yet paid out) and pending (authorized, not yet captured) amounts per currency, derived from the ledger. Staff roles allowed — owner.
         */
        get: operations["getSellerBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my payouts
         * @description Payouts made to this seller, newest first. Staff roles allowed — owner.
         */
        get: operations["listSellerPayouts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List all orders
         * @description Every order with all its seller orders, newest first. Staff roles allowed — owner, finance, support.
         */
        get: operations["listAdminOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run payouts
         * @description Pays every seller its available balance, per currency, and records each payout in the ledger. Runs one at a time; a seller with nothing available gets no payout. Staff roles allowed — owner, finance.
         */
        post: operations["runAdminPayouts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/shipping-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my shipping rates
         * @description The flat shipping rate this seller charges per order, per currency. Staff roles allowed — owner, catalog.
         */
        get: operations["listSellerShippingRates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/shipping-rates/{currency}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set my shipping rate in a currency
         * @description Creates or replaces the flat rate charged once per seller order in this currency. Carts re-price at once; placed orders keep their shipping. Staff roles allowed — owner, catalog.
         */
        put: operations["setSellerShippingRate"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my webhook endpoints
         * @description Endpoints that receive this seller’s events (those whose `seller_id` is the seller). Staff roles allowed — owner.
         */
        get: operations["listSellerWebhookEndpoints"];
        put?: never;
        /**
         * Register a webhook endpoint
         * @description Registers a URL that receives this seller’s events (those whose `seller_id` is the seller) of the chosen types, signed with a secret returned only in this response. At most 16 endpoints (409 `conflict`). Staff roles allowed — owner.
         */
        post: operations["createSellerWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/webhook-endpoints/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        /**
         * Get a webhook endpoint
         * @description Another owner’s endpoint is 404. Staff roles allowed — owner.
         */
        get: operations["getSellerWebhookEndpoint"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint
         * @description Stops deliveries at once and deletes the endpoint with its delivery log. Staff roles allowed — owner.
         */
        delete: operations["deleteSellerWebhookEndpoint"];
        options?: never;
        head?: never;
        /**
         * Change a webhook endpoint
         * @description Changes the URL, event types, description or enabled flag. Enabling clears the failing state; pending deliveries then resume. Staff roles allowed — owner.
         */
        patch: operations["updateSellerWebhookEndpoint"];
        trace?: never;
    };
    "/seller/webhook-endpoints/{endpointId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description Issues a new secret (returned only here). The previous one keeps signing next to it for `expire_previous_in_hours`, so receivers can switch without missing a delivery; older secrets stop at once. Staff roles allowed — owner.
         */
        post: operations["rotateSellerWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/webhook-endpoints/{endpointId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        /**
         * List deliveries of an endpoint
         * @description The delivery log, newest first, with every attempt (status code, latency, response excerpt, error). Staff roles allowed — owner.
         */
        get: operations["listSellerWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
                /**
                 * @description The delivery’s id (`whd_…`).
                 * @example whd_01J9ZC3YV4Q1XK6T7M2R8N5B0X
                 */
                deliveryId: components["parameters"]["deliveryId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redeliver an event
         * @description Queues the delivery for an attempt now (a new attempt in its log), whatever its status. The endpoint must be enabled (409 `invalid_state`). Staff roles allowed — owner.
         */
        post: operations["redeliverSellerWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/webhook-endpoints/{endpointId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay a time range of events
         * @description Queues again every event of the range the endpoint subscribes to and may see (also events from before it existed), oldest first. The endpoint must be enabled. Staff roles allowed — owner.
         */
        post: operations["replaySellerWebhookEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List marketplace webhook endpoints
         * @description Endpoints that receive every event of the marketplace, of every seller. Staff roles allowed — owner, developer.
         */
        get: operations["listAdminWebhookEndpoints"];
        put?: never;
        /**
         * Register a webhook endpoint
         * @description Registers a URL that receives every event of the marketplace, of every seller of the chosen types, signed with a secret returned only in this response. At most 16 endpoints (409 `conflict`). Staff roles allowed — owner, developer.
         */
        post: operations["createAdminWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhook-endpoints/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        /**
         * Get a webhook endpoint
         * @description Another owner’s endpoint is 404. Staff roles allowed — owner, developer.
         */
        get: operations["getAdminWebhookEndpoint"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint
         * @description Stops deliveries at once and deletes the endpoint with its delivery log. Staff roles allowed — owner, developer.
         */
        delete: operations["deleteAdminWebhookEndpoint"];
        options?: never;
        head?: never;
        /**
         * Change a webhook endpoint
         * @description Changes the URL, event types, description or enabled flag. Enabling clears the failing state; pending deliveries then resume. Staff roles allowed — owner, developer.
         */
        patch: operations["updateAdminWebhookEndpoint"];
        trace?: never;
    };
    "/admin/webhook-endpoints/{endpointId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description Issues a new secret (returned only here). The previous one keeps signing next to it for `expire_previous_in_hours`, so receivers can switch without missing a delivery; older secrets stop at once. Staff roles allowed — owner, developer.
         */
        post: operations["rotateAdminWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhook-endpoints/{endpointId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        /**
         * List deliveries of an endpoint
         * @description The delivery log, newest first, with every attempt (status code, latency, response excerpt, error). Staff roles allowed — owner, developer.
         */
        get: operations["listAdminWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
                /**
                 * @description The delivery’s id (`whd_…`).
                 * @example whd_01J9ZC3YV4Q1XK6T7M2R8N5B0X
                 */
                deliveryId: components["parameters"]["deliveryId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redeliver an event
         * @description Queues the delivery for an attempt now (a new attempt in its log), whatever its status. The endpoint must be enabled (409 `invalid_state`). Staff roles allowed — owner, developer.
         */
        post: operations["redeliverAdminWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhook-endpoints/{endpointId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay a time range of events
         * @description Queues again every event of the range the endpoint subscribes to and may see (also events from before it existed), oldest first. The endpoint must be enabled. Staff roles allowed — owner, developer.
         */
        post: operations["replayAdminWebhookEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/customers/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get my account
         * @description The signed-in shopper's account. The first call with a new Firebase user creates the account
         *     (`customer.created`); later calls refresh email, phone and sign-in provider from the token
         *     (`customer.updated` when one changed).
         */
        get: operations["getStoreCustomer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update my profile
         * @description Changes the profile name (`customer.updated`). Email and phone change at the identity provider.
         */
        patch: operations["updateStoreCustomer"];
        trace?: never;
    };
    "/store/customers/me/addresses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my saved addresses
         * @description The default address first, then the newest.
         */
        get: operations["listStoreCustomerAddresses"];
        put?: never;
        /**
         * Save an address
         * @description Saves an address (at most 50, else `409 conflict`). The first one, or one saved with `is_default=true`, becomes the default.
         */
        post: operations["createStoreCustomerAddress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/customers/me/addresses/{addressId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a saved address
         * @description Deleting the default makes the newest remaining address the default. Another customer's id is 404.
         */
        delete: operations["deleteStoreCustomerAddress"];
        options?: never;
        head?: never;
        /**
         * Change a saved address
         * @description Only one's own addresses; another customer's id is 404.
         */
        patch: operations["updateStoreCustomerAddress"];
        trace?: never;
    };
    "/store/customers/me/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my orders
         * @description Every order of the signed-in customer across all sellers, newest first, with each seller order's
         *     status. Orders checked out from a cart attached to the account are the customer's; guest orders join
         *     through `POST /store/customers/me/order-claims`.
         */
        get: operations["listStoreCustomerOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/customers/me/orders/{orderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one of my orders
         * @description One of the customer's orders, without the order's access token. Another customer's order is 404.
         */
        get: operations["getStoreCustomerOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/customers/me/order-claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim my guest orders
         * @description Moves the orders placed as a guest with the customer's email into the account. Only a verified email
         *     claims (`403 email_not_verified` otherwise: an unverified address could be anyone's); the match
         *     ignores case. An order that already belongs to an account is never moved. Safe to repeat.
         */
        post: operations["claimStoreCustomerOrders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/customers/me/cart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get my active cart
         * @description The customer's active cart; 404 when there is none.
         */
        get: operations["getStoreCustomerCart"];
        put?: never;
        /**
         * Attach or merge a cart on sign-in
         * @description Call it right after sign-in with the guest cart's id. The rules, in order:
         *     1. No guest cart, or the guest cart already is the customer's: the customer's active cart (`unchanged`), or a new one in `currency` (`created`; without `currency` that is `400 validation_failed`).
         *     2. The guest cart must be active and nobody else's: a checked-out cart is `409 cart_completed`, another customer's cart `404`.
         *     3. The customer has no active cart: the guest cart becomes theirs (`attached`).
         *     4. Same currency: the guest lines move into the customer's cart (`merged`). A variant in both keeps the larger quantity, capped by stock and the per-line limit; lines no longer for sale are dropped (each listed in `adjustments`). Email and shipping address fill only what the customer's cart lacks. The guest cart is then deleted.
         *     5. Different currencies: the guest cart, the one just used, becomes the customer's cart (`replaced`); the older one is released from the account (`released_cart_id`), not deleted.
         */
        post: operations["attachStoreCustomerCart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/customers/me/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a session (exchange an ID token for a session cookie)
         * @description For storefronts that keep the shopper signed in on their server: exchanges a fresh Firebase ID
         *     token (a sign-in of the last 5 minutes) for a Firebase session cookie, made by `firebase-admin`'s
         *     `createSessionCookie`. The session is verified with revocation checks like an ID token and is
         *     accepted wherever the CustomerToken scheme is. An older sign-in is `401 token_expired`; a session
         *     cannot start another session (`401 token_invalid`).
         */
        post: operations["createStoreCustomerSession"];
        /**
         * Sign out everywhere
         * @description Revokes the shopper's refresh tokens (`revokeRefreshTokens`): every session cookie and ID token
         *     issued until now is refused afterwards (`401 token_revoked`), on every device and storefront.
         *     Works with a session or an ID token.
         */
        delete: operations["revokeStoreCustomerSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my staff
         * @description The seller's staff, invited and active, oldest first. Staff roles allowed — owner.
         */
        get: operations["listSellerStaff"];
        put?: never;
        /**
         * Invite a staff member
         * @description Invites a person by email with a role. The invitation is accepted the first time that person calls a
         *     `/seller/*` operation with a Firebase ID token whose email matches and is verified. One email per
         *     seller (`409 conflict` otherwise); a person is staff of one seller at most. Staff roles allowed — owner.
         */
        post: operations["inviteSellerStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/staff/{staffId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a staff member
         * @description Removes the person from the seller's staff at once (another seller's staff id is 404). Staff roles allowed — owner.
         */
        delete: operations["removeSellerStaff"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/products/{idOrHandle}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a product's reviews
         * @description The visible reviews of a published product, newest first (reviews written in the same
         *     millisecond in a fixed order), with the product's rating aggregate. `next_cursor` marks where the
         *     page ended, not an offset: reviews written while you page are newer than it, so the next page
         *     neither repeats a review nor skips an older one.
         */
        get: operations["listStoreProductReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Review a purchased product
         * @description A buyer reviews one line of their order once it is fulfilled (shipped). The buyer proves the purchase
         *     either with their ID token (`Authorization: Bearer`, the order must be theirs) or, as a guest, with the
         *     order's `access_token` in `X-Order-Token`.
         *
         *     - `403 not_purchased`: no fulfilled line with this id in an order you can show (wrong token, another
         *       shopper's order, a line not yet shipped).
         *     - `403 own_product`: the reviewer is staff of the product's seller.
         *     - `409 already_reviewed`: this order line already has a review (a retry of a successful request
         *       answers this too).
         *     - `503 service_unavailable`: the document store is unreachable; nothing was written, retry.
         */
        post: operations["createStoreReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/reviews/{reviewId}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report an abusive review
         * @description Anyone on the storefront can report a visible review; the operator sees the count. Reporting the same review twice from the same client counts once.
         */
        post: operations["reportStoreReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List reviews of my products
         * @description Every review of this seller's products (hidden ones too, with the moderation reason), newest first (paged from where the last page ended, so reviews written meanwhile neither repeat nor push one out), and the seller's rating aggregate. Staff roles allowed — owner, catalog, orders.
         */
        get: operations["listSellerReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/reviews/{reviewId}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reply to a review
         * @description The seller's one public reply to a review of its product. A second reply is `409 already_replied`.
         *     Emits `review.replied`. Staff roles allowed — owner, catalog, orders.
         */
        post: operations["replySellerReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List reviews (moderation)
         * @description Every review, newest first (paged from where the last page ended, so reviews written meanwhile neither repeat nor push one out), with abuse-report counts and moderation decisions. Staff roles allowed — owner, support.
         */
        get: operations["listAdminReviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/reviews/{reviewId}/moderation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hide or restore a review
         * @description Hides a review from storefronts (or restores it), with a reason the seller sees. The product's and the
         *     seller's rating aggregates are recomputed at once. Hiding a hidden review (or restoring a visible one)
         *     is `409 invalid_state`. Emits `review.moderated`.
         *     Staff roles allowed — owner, support.
         */
        post: operations["moderateAdminReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/content/{theme}/{kind}/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get published content
         * @description The published version of a theme's content document: `home`/`main` (home sections), `navigation`/`main`,
         *     `banner`/<key>, `page`/<key> (about, shipping-policy, …). A document never published is 404. Cached
         *     like the catalog: a publish is visible on the next read.
         */
        get: operations["getStoreContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/sellers/{idOrHandle}/page": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a seller's page
         * @description An active seller's public page — profile (story, policies, links) and rating. Cached like the catalog.
         */
        get: operations["getStoreSellerPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/seller/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get my storefront page
         * @description The seller's profile page (empty until written). Staff roles allowed — owner, catalog.
         */
        get: operations["getSellerProfile"];
        /**
         * Write my storefront page
         * @description Replaces the seller's profile page (story, policies, links), published at once. Emits `seller_profile.updated`. Staff roles allowed — owner, catalog.
         */
        put: operations["updateSellerProfile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/content/{theme}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a theme's content documents
         * @description Every content document of the theme, drafts and published versions, by kind then key. Staff roles allowed — owner, support, developer.
         */
        get: operations["listAdminContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/content/{theme}/{kind}/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a content document
         * @description Staff roles allowed — owner, support, developer.
         */
        get: operations["getAdminContent"];
        /**
         * Save a draft
         * @description Creates the document or replaces its draft (storefronts keep seeing the published version until
         *     `publish`). `data` must have the shape of the kind (400 `validation_failed` otherwise).
         *     Staff roles allowed — owner, developer.
         */
        put: operations["saveAdminContentDraft"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/content/{theme}/{kind}/{key}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the draft
         * @description Makes the current draft what storefronts see. Publishing an unchanged draft again is a no-op. Emits `content.published`. Staff roles allowed — owner, developer.
         */
        post: operations["publishAdminContent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List operator staff
         * @description The operator's staff, invited and active, oldest first. Staff roles allowed — owner.
         */
        get: operations["listAdminStaff"];
        put?: never;
        /**
         * Invite a staff member
         * @description Invites a person by email with an operator role. The invitation is accepted the first time that person
         *     calls an `/admin/*` operation with a Firebase ID token whose email matches and is verified. One invitation
         *     per email (`409 conflict` otherwise). Bootstrap: the operator key invites the first `owner`.
         *     Staff roles allowed — owner.
         */
        post: operations["inviteAdminStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/staff/{staffId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a staff member
         * @description Removes the person from the operator's staff at once; their token is refused from the next request. Staff roles allowed — owner.
         */
        delete: operations["removeAdminStaff"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = {
    "api_key.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * api_key.created
         * @description An API key was issued. Gateways (the kong-sync plugin) use it to keep their credentials in step with Souk's keys.
         */
        post: operations["onApiKeyCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "api_key.revoked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * api_key.revoked
         * @description An API key was revoked. Gateways (the kong-sync plugin) use it to keep their credentials in step with Souk's keys.
         */
        post: operations["onApiKeyRevoked"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * customer.created
         * @description A shopper signed in for the first time: the account exists. Delivered to operator webhook endpoints.
         */
        post: operations["onCustomerCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "customer.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * customer.updated
         * @description A customer's profile changed: the name, or the email, phone or sign-in providers seen at a sign-in. Delivered to operator webhook endpoints.
         */
        post: operations["onCustomerUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "fulfillment.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * fulfillment.created
         * @description A seller shipped lines of a seller order. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onFulfillmentCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "inventory.low": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * inventory.low
         * @description A variant’s stock fell below its low-stock threshold. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onInventoryLow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "inventory.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * inventory.updated
         * @description A variant’s stock changed (seller update, checkout, or cancellation). Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onInventoryUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.cancelled
         * @description Every seller order of an order is cancelled. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onOrderCancelled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.placed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.placed
         * @description A buyer placed an order (payment authorized, stock taken). Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onOrderPlaced"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment.captured": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * payment.captured
         * @description The seller order’s part of the payment was captured. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onPaymentCaptured"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payout.paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * payout.paid
         * @description A seller was paid its available balance in one currency. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onPayoutPaid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "product.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * product.created
         * @description A seller created a product (as a draft). Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onProductCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "product.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * product.deleted
         * @description A seller deleted a product with its variants. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onProductDeleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "product.published": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * product.published
         * @description A seller published a product: it shows in the store while the seller is active. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onProductPublished"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "product.unpublished": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * product.unpublished
         * @description A seller returned a product to draft: it left the store. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onProductUnpublished"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "product.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * product.updated
         * @description A seller changed fields of a product; `changed` names them. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onProductUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "seller.approved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * seller.approved
         * @description A seller was approved: its products can be sold. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onSellerApproved"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "seller.commission_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * seller.commission_changed
         * @description A seller’s commission override changed (null: the marketplace default applies). Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onSellerCommissionChanged"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "seller.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * seller.created
         * @description A seller was onboarded (pending). Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onSellerCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "seller.reactivated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * seller.reactivated
         * @description A suspended seller was reactivated. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onSellerReactivated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "seller.suspended": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * seller.suspended
         * @description A seller was suspended: its products left the store. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onSellerSuspended"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "seller_order.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * seller_order.cancelled
         * @description A seller cancelled its part before shipping: restocked, payment part voided, commission clawed back. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onSellerOrderCancelled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "seller_order.fulfilled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * seller_order.fulfilled
         * @description Every line of a seller order has shipped. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onSellerOrderFulfilled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "seller_order.placed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * seller_order.placed
         * @description One seller’s part of a new order. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onSellerOrderPlaced"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "variant.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * variant.created
         * @description A seller added a variant to a product. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onVariantCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "variant.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * variant.deleted
         * @description A seller deleted a variant. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onVariantDeleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "variant.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * variant.updated
         * @description A seller changed a variant’s SKU, title, options or prices; `changed` names them (stock changes are `inventory.updated`). Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onVariantUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook_endpoint.disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * webhook_endpoint.disabled
         * @description A webhook endpoint was disabled after failing for 3 days. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onWebhookEndpointDisabled"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "review.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * review.created
         * @description A buyer reviewed one of the seller's products. Delivered to the seller's webhook endpoints (and the operator's) by the webhooks plugin.
         */
        post: operations["onReviewCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "review.moderated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * review.moderated
         * @description The operator hid or restored a review of the seller's product. Delivered to the seller's webhook endpoints (and the operator's) by the webhooks plugin.
         */
        post: operations["onReviewModerated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "review.replied": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * review.replied
         * @description The seller replied to a review. Delivered to the seller's webhook endpoints (and the operator's) by the webhooks plugin.
         */
        post: operations["onReviewReplied"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "content.published": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * content.published
         * @description The operator published a content document (delivered to operator endpoints only). Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onContentPublished"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "seller_profile.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * seller_profile.updated
         * @description A seller rewrote its storefront page. Delivered with the signed, retried webhook deliveries of the webhooks plugin.
         */
        post: operations["onSellerProfileUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type components = {
    schemas: {
        Health: {
            /** @constant */
            status: "ok";
            uptime_seconds: number;
        };
        /**
         * @description Stable machine-readable error code. Match on this, never on `title` or `detail`.
         *
         *     | code | status | meaning |
         *     |---|---|---|
         *     | `validation_failed` | 400 | A parameter or body field has the wrong type, format or range, is missing, or is not accepted. `errors` lists each one. |
         *     | `malformed_json` | 400 | The body is not valid JSON. |
         *     | `invalid_cursor` | 400 | The cursor is corrupt or was made for other filters or another sort. |
         *     | `currency_required` | 400 | A price filter or price sort was given without `currency`. |
         *     | `query_required` | 400 | `sort=relevance` was given without `q`. |
         *     | `route_not_found` | 404 | No operation has this path. |
         *     | `not_found` | 404 | The resource does not exist or is not visible to you. |
         *     | `method_not_allowed` | 405 | The path exists but not with this method; see the `Allow` header. |
         *     | `payload_too_large` | 413 | The body is larger than the limit. |
         *     | `unsupported_media_type` | 415 | The body is not `application/json`. |
         *     | `unsupported_image_type` | 415 | An uploaded file is not a JPEG, PNG, WebP, AVIF or GIF image (read from its content, not its name or `Content-Type`). |
         *     | `malformed_image` | 422 | An uploaded file looks like an image but does not decode (truncated or corrupt). |
         *     | `image_too_many_pixels` | 422 | An uploaded image has more pixels than the limit. |
         *     | `too_many_images` | 409 | The product already has the most images allowed. |
         *     | `preview_url_invalid` | 403 | A media preview URL's signature does not match its product, picture and expiry, or its `exp` has passed: list the product's images again for a fresh `preview_url`. |
         *     | `unauthorized` | 401 | The `X-Api-Key` header is missing, unknown or revoked, or the operation needs a Firebase ID token (`Authorization: Bearer …`) and none was sent. |
         *     | `token_expired` | 401 | The ID token has expired (they last an hour): refresh it with the Firebase SDK and retry. |
         *     | `token_invalid` | 401 | The ID token is malformed, its signature does not verify, its claims were tampered with, or its user no longer exists. |
         *     | `token_wrong_audience` | 401 | The ID token was issued for another Firebase project (its `aud`/`iss`). |
         *     | `token_revoked` | 401 | The user's sessions were revoked after this token was issued: sign in again. |
         *     | `user_disabled` | 401 | The user's Firebase account is disabled. |
         *     | `email_not_verified` | 403 | The operation needs a verified email address (claiming guest orders, accepting a staff invitation). |
         *     | `forbidden` | 403 | The key is valid but of the wrong kind for this path (for example a publishable key on `/seller/*`). |
         *     | `conflict` | 409 | The change conflicts with existing data (a handle or SKU already taken, …). |
         *     | `invalid_state` | 409 | The resource is not in a state that allows this (approving an active seller, fulfilling a cancelled order, …). |
         *     | `idempotency_key_required` | 400 | This write must carry an `Idempotency-Key` header. |
         *     | `idempotency_key_reused` | 422 | The `Idempotency-Key` was already used with a different request body. |
         *     | `idempotency_in_progress` | 409 | A request with the same `Idempotency-Key` is still being processed; retry later. |
         *     | `out_of_stock` | 409 | Not enough stock for a requested quantity. |
         *     | `variant_unavailable` | 422 | The variant does not exist, is not published, or its seller is not active. |
         *     | `currency_mismatch` | 422 | The variant has no price in the cart's currency. |
         *     | `quantity_limit_exceeded` | 422 | The quantity is above the per-line limit. |
         *     | `cart_empty` | 422 | The cart has no items. |
         *     | `cart_incomplete` | 422 | The cart lacks the email or shipping address needed to check out. |
         *     | `cart_completed` | 409 | The cart was already checked out. |
         *     | `cart_changed` | 409 | The cart's total or currency changed while its payment was being authorized (a line, a price or a rate changed); the authorization was voided and no order was placed. Review the cart and check out again (the same `Idempotency-Key` may be retried). |
         *     | `destination_unsupported` | 422 | There is no shipping rate or tax rate for the destination or currency. |
         *     | `payment_declined` | 402 | The payment provider declined the payment. |
         *     | `payment_insufficient_funds` | 402 | The payment method has insufficient funds. |
         *     | `payment_requires_review` | 402 | The payment provider held the payment for review; no order was placed. |
         *     | `webhook_url_not_allowed` | 422 | The webhook URL is not `https://`, or resolves to a loopback, private, link-local or metadata address. |
         *     | `malformed_request` | 400 | The request is not valid HTTP/1.1 (a malformed request line, header or chunk); the connection is closed. |
         *     | `request_timeout` | 408 | The request's headers or body did not arrive in time (`HEADERS_TIMEOUT_MS`, `REQUEST_TIMEOUT_MS`); the connection is closed. |
         *     | `request_header_fields_too_large` | 431 | The request's headers are larger than 16 KiB; the connection is closed. |
         *     | `rate_limited` | 429 | Too many requests for this key (or client address); retry after `Retry-After` seconds. |
         *     | `not_purchased` | 403 | Reviews are for buyers: no fulfilled line with this id in an order you can show. |
         *     | `own_product` | 403 | A seller's staff cannot review the seller's own products. |
         *     | `already_reviewed` | 409 | This order line already has a review. |
         *     | `already_replied` | 409 | The seller already replied to this review. |
         *     | `internal_error` | 500 | A fault on our side; quote `request_id`. |
         *     | `service_unavailable` | 503 | A dependency is down or the server is shutting down. Any operation answers it, with `Retry-After`, while the database cannot be reached or when it cancelled a statement that ran too long (a catalog read past `DATABASE_READ_TIMEOUT_MS`); retry a write with the same `Idempotency-Key`. |
         *     | `graphql_invalid` | 400 | The GraphQL document does not parse, or does not validate against the schema (`/graphql` only). |
         *     | `query_too_complex` | 400 | The GraphQL operation is deeper, costlier, or has more aliases, tokens or batched operations than allowed; nothing ran. |
         *     | `persisted_query_not_found` | 400 | No persisted operation has the given sha256 hash. |
         *     | `persisted_query_required` | 400 | The server runs persisted operations only: send a hash of the manifest, not query text. |
         * @enum {string}
         */
        ProblemCode: "validation_failed" | "malformed_json" | "invalid_cursor" | "currency_required" | "query_required" | "route_not_found" | "not_found" | "method_not_allowed" | "payload_too_large" | "unsupported_media_type" | "internal_error" | "service_unavailable" | "malformed_request" | "request_timeout" | "request_header_fields_too_large" | "rate_limited" | "unauthorized" | "token_expired" | "token_invalid" | "token_wrong_audience" | "token_revoked" | "user_disabled" | "forbidden" | "email_not_verified" | "conflict" | "invalid_state" | "idempotency_key_required" | "idempotency_key_reused" | "idempotency_in_progress" | "out_of_stock" | "variant_unavailable" | "currency_mismatch" | "quantity_limit_exceeded" | "cart_empty" | "cart_incomplete" | "cart_completed" | "cart_changed" | "destination_unsupported" | "payment_declined" | "payment_insufficient_funds" | "payment_requires_review" | "webhook_url_not_allowed" | "graphql_invalid" | "query_too_complex" | "persisted_query_not_found" | "persisted_query_required" | "not_purchased" | "own_product" | "already_reviewed" | "already_replied" | "unsupported_image_type" | "malformed_image" | "image_too_many_pixels" | "too_many_images" | "preview_url_invalid";
        /** @description One offending input field. */
        FieldError: {
            /**
             * @description Where the field was sent.
             * @enum {string}
             */
            in: "path" | "query" | "header" | "body";
            /**
             * @description The parameter name, or a JSON Pointer into the body (`/items/0/quantity`; `` for the body itself).
             * @example limit
             */
            field: string;
            /** @example must be <= 100 */
            message: string;
        };
        /** @description An RFC 9457 problem detail with Souk's extension members. */
        Problem: {
            /**
             * Format: uri
             * @description A URI identifying the problem type; one per `code`.
             * @example https://docs.souk.dev/problems/validation_failed
             */
            type: string;
            /**
             * @description A short human-readable summary of the problem type.
             * @example Validation failed
             */
            title: string;
            /** @example 400 */
            status: number;
            /**
             * @description A human-readable explanation of this occurrence.
             * @example query parameter limit: must be <= 100
             */
            detail?: string;
            /**
             * @description The request path this problem occurred on.
             * @example /store/products
             */
            instance?: string;
            code: components["schemas"]["ProblemCode"];
            /** @description The `X-Request-Id` of the request. */
            request_id: string;
            /** @description For `validation_failed`, every offending field. */
            errors?: components["schemas"]["FieldError"][];
        };
        Readiness: {
            /** @constant */
            status: "ready";
            database: {
                reachable: boolean;
                migrated: boolean;
                /** @enum {string} */
                driver: "pglite" | "postgres";
                pending_migrations: string[];
            };
        };
        /** @description An identifier (`prefix_…`) or a lowercase URL handle. */
        IdOrHandle: string;
        /** @description An amount in the currency's minor units (cents for USD). Never a float. */
        MinorUnits: number;
        /** @description ISO 4217 alphabetic currency code. */
        CurrencyCode: string;
        SellerSummary: {
            id: string;
            handle: string;
            name: string;
        };
        CategorySummary: {
            id: string;
            handle: string;
            name: string;
        };
        /**
         * @description A product image. `url` serves the image; `width` and `height` are its intrinsic size in pixels.
         *     Images uploaded to Souk (they have an `id`) are served from `/media/…` as WebP and take
         *     `?w=<width>` for a narrower variant (160, 320, 480, 640, 960, 1280 or 1600; see `getMediaImage`),
         *     so a theme builds a `srcset` by appending `?w=`. Images given by URL on product create/update have no `id`.
         */
        Image: {
            /** @description Set by Souk for uploaded images; the reorder, alt-text and delete operations take it. */
            id?: string;
            /** Format: uri */
            url: string;
            alt: string;
            width: number;
            height: number;
        };
        ProductOption: {
            id: string;
            /** @example Size */
            name: string;
            /**
             * @example [
             *       "S",
             *       "M",
             *       "L"
             *     ]
             */
            values: string[];
        };
        /**
         * @description An amount of money in integer minor units with its currency.
         * @example {
         *       "amount": 1999,
         *       "currency": "USD"
         *     }
         */
        Money: {
            amount: components["schemas"]["MinorUnits"];
            currency: components["schemas"]["CurrencyCode"];
        };
        Variant: {
            /** @example var_01J9ZC3YV4Q1XK6T7M2R8N5B0D */
            id: string;
            /** @example ATL-BOOT-42-BRN */
            sku: string;
            /** @example 42 / Brown */
            title: string;
            /**
             * @description The option values of this variant, by option name.
             * @example {
             *       "Size": "42",
             *       "Color": "Brown"
             *     }
             */
            options: {
                [key: string]: string;
            };
            /** @description The price in the requested `currency` (the marketplace default when none is given); null when the variant has no price in it. */
            price: components["schemas"]["Money"] | null;
            /** @description Every price of the variant, one per currency. */
            prices: components["schemas"]["Money"][];
            /** @description Units that can be bought now. */
            available_quantity: number;
        };
        /**
         * @description Aggregate of the visible reviews of a product (or of all a seller's products): exact counts per star,
         *     kept in step with every review written, hidden or restored. `average` is null without reviews.
         */
        ProductRating: {
            /**
             * @description Mean star rating, rounded to two decimals.
             * @example 4.33
             */
            average: number | null;
            /** @example 3 */
            count: number;
            /**
             * @description How many visible reviews gave each number of stars.
             * @example {
             *       "1": 0,
             *       "2": 0,
             *       "3": 0,
             *       "4": 2,
             *       "5": 1
             *     }
             */
            distribution: {
                1: number;
                2: number;
                3: number;
                4: number;
                5: number;
            };
        };
        Product: {
            /** @example prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E */
            id: string;
            /** @example trail-runner-boot */
            handle: string;
            /** @example Trail Runner Boot */
            title: string;
            description: string | null;
            /** @enum {string} */
            status: "draft" | "published";
            seller: components["schemas"]["SellerSummary"];
            category: components["schemas"]["CategorySummary"] | null;
            /** @description Free-form product attributes (material, brand, …). */
            attributes: {
                [key: string]: unknown;
            };
            images: components["schemas"]["Image"][];
            options: components["schemas"]["ProductOption"][];
            variants: components["schemas"]["Variant"][];
            /** @description Lowest and highest variant price in the requested currency; null when no variant is priced in it. */
            price_range: {
                min: components["schemas"]["Money"];
                max: components["schemas"]["Money"];
            } | null;
            /** @description The aggregate of the product's visible reviews (`sort=rating` orders by its average). */
            rating: components["schemas"]["ProductRating"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        ProductList: {
            data: components["schemas"]["Product"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            next_cursor: string | null;
        };
        /** @description Filters, sort and page of a product search; each field means what the query parameter of the same name means on `GET /store/products`. */
        ProductSearch: {
            q?: string;
            category?: components["schemas"]["IdOrHandle"];
            seller?: components["schemas"]["IdOrHandle"];
            min_price?: components["schemas"]["MinorUnits"];
            max_price?: components["schemas"]["MinorUnits"];
            currency?: components["schemas"]["CurrencyCode"];
            /** @enum {string} */
            sort?: "relevance" | "price_asc" | "price_desc" | "newest" | "rating";
            /** @default 20 */
            limit?: number;
            cursor?: string;
        };
        Category: {
            /** @example cat_01J9ZC3YV4Q1XK6T7M2R8N5B0A */
            id: string;
            /** @example phones */
            handle: string;
            /** @example Phones */
            name: string;
            parent_id: string | null;
            depth: number;
            /** @description Handles from the root category down to this one. */
            path: string[];
        };
        CategoryList: {
            data: components["schemas"]["Category"][];
        };
        /** @description A seller's public profile. */
        Seller: {
            /** @example sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C */
            id: string;
            /** @example atlas-outfitters */
            handle: string;
            /** @example Atlas Outfitters */
            name: string;
            description: string | null;
            /** @enum {string} */
            status: "pending" | "active" | "suspended";
            /** Format: date-time */
            created_at: string;
        };
        /** @description A new, empty cart. */
        CartCreate: {
            currency: components["schemas"]["CurrencyCode"];
        };
        /** @description Where the order ships. `country` also picks the tax rate. */
        ShippingAddress: {
            /** @example Erika Mustermann */
            name: string;
            /** @example Heidestraße 17 */
            line1: string;
            /** @example 3. OG */
            line2?: string | null;
            /** @example Köln */
            city: string;
            /** @example 51147 */
            postal_code: string;
            /** @example NRW */
            region?: string | null;
            /**
             * @description ISO 3166-1 alpha-2 country code, upper case.
             * @example DE
             */
            country: string;
            /**
             * @description A phone number for the carrier (digits, spaces and `+()-./`).
             * @example +49 221 1234567
             */
            phone?: string | null;
        };
        /** @description One line of a cart, priced at the variant's current price in the cart's currency. */
        CartItem: {
            /** @example item_01JA0B5N2W8R4K6T7M2R8N5B0A */
            id: string;
            /** @example var_01J9ZC3YV4Q1XK6T7M2R8N5B0G */
            variant_id: string;
            /** @example prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E */
            product_id: string;
            /** @example trail-runner-boot */
            product_handle: string;
            /** @example Trail Runner Boot */
            product_title: string;
            /** @example 42 */
            variant_title: string;
            /** @example ATL-BOOT-42 */
            sku: string;
            /** @example sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C */
            seller_id: string;
            /** @example 2 */
            quantity: number;
            /** @description The current price of one unit; null when the line cannot be bought (see the cart's `problems`). */
            unit_price: components["schemas"]["Money"] | null;
            /** @description `unit_price` × `quantity`; null when `unit_price` is. */
            subtotal: components["schemas"]["Money"] | null;
            /**
             * @description Units that can be bought now (0 when the variant is no longer for sale).
             * @example 14
             */
            available_quantity: number;
        };
        /**
         * @description The lines of one seller, which become one seller order at checkout. `tax` is
         *     `round_half_up((subtotal + shipping) × tax_rate_bps / 10000)`; `total` is `subtotal + shipping + tax`.
         */
        CartSellerGroup: {
            /** @example sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C */
            seller_id: string;
            /** @example Atlas Outfitters */
            seller_name: string;
            /**
             * @example [
             *       "item_01JA0B5N2W8R4K6T7M2R8N5B0A"
             *     ]
             */
            item_ids: string[];
            subtotal: components["schemas"]["Money"];
            /** @description The seller's flat shipping rate in the cart's currency; null when the seller has none (the cart cannot be checked out). */
            shipping: components["schemas"]["Money"] | null;
            /** @description 0 while the cart has no shipping address; null when it cannot be computed (no tax rate for the country, or no shipping rate). */
            tax: components["schemas"]["Money"] | null;
            /** @description null when `shipping` or `tax` is. */
            total: components["schemas"]["Money"] | null;
        };
        /** @description Sums of the seller groups, so the seller orders of a checkout add up exactly to the order. */
        CartTotals: {
            subtotal: components["schemas"]["Money"];
            /** @description null when a seller group's shipping is null. */
            shipping: components["schemas"]["Money"] | null;
            /** @description null when a seller group's tax is null. */
            tax: components["schemas"]["Money"] | null;
            /** @description null when a seller group's total is null. */
            total: components["schemas"]["Money"] | null;
        };
        /**
         * @description A reason the cart cannot be checked out yet. `code` is the problem code checkout would answer with:
         *     `cart_empty`, `cart_incomplete` (no email or shipping address), `cart_completed`,
         *     `destination_unsupported` (no tax rate for the country, or a seller without a shipping rate in the
         *     cart's currency), `variant_unavailable`, `currency_mismatch`, `out_of_stock` (the quantity is above
         *     the current stock), `quantity_limit_exceeded` (with this line the cart would total more than the
         *     largest amount the API represents, 999999999999 minor units — prices can rise after lines are
         *     added; the line is shown without a price and left out of the totals).
         */
        CartProblem: {
            /** @enum {string} */
            code: "cart_empty" | "cart_incomplete" | "cart_completed" | "destination_unsupported" | "variant_unavailable" | "currency_mismatch" | "out_of_stock" | "quantity_limit_exceeded";
            /** @example Add an email address. */
            detail: string;
            /** @description The line the problem is about, if any. */
            item_id: string | null;
            /** @description The seller the problem is about, if any. */
            seller_id: string | null;
        };
        /**
         * @description A buyer's cart. Its id is an unguessable capability: anyone holding it (with a publishable key) can
         *     read and change the cart, so keep it like a session token. Prices, shipping and tax are computed
         *     from the current catalog on every read, never stored; `checkout_ready` is true when `problems` is empty.
         */
        Cart: {
            /**
             * @description `cart_` followed by 22 random base62 characters (more than 128 random bits).
             * @example cart_7Hq2LxR9vTbK4mWzP1sNdE
             */
            id: string;
            currency: components["schemas"]["CurrencyCode"];
            /**
             * @description `completed` once checked out; a completed cart cannot change.
             * @enum {string}
             */
            status: "active" | "completed";
            /** Format: email */
            email: string | null;
            shipping_address: components["schemas"]["ShippingAddress"] | null;
            /** @description The lines, oldest first. */
            items: components["schemas"]["CartItem"][];
            /** @description The buyable lines grouped by seller, in the order of each seller's first line. */
            sellers: components["schemas"]["CartSellerGroup"][];
            totals: components["schemas"]["CartTotals"];
            /**
             * @description Tax rate of the shipping address's country in basis points (1900 = 19 %); null without an address or when the country has no rate.
             * @example 1900
             */
            tax_rate_bps: number | null;
            /** @description True when nothing in `problems` stands in the way of checkout. */
            checkout_ready: boolean;
            problems: components["schemas"]["CartProblem"][];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            completed_at: string | null;
        };
        /** @description The buyer's contact and destination. Send only the fields to change; `null` clears one. */
        CartUpdate: {
            /**
             * Format: email
             * @example erika@example.com
             */
            email?: string | null;
            shipping_address?: components["schemas"]["ShippingAddress"] | null;
        };
        /** @description A variant to put in the cart. Adding a variant that is already in the cart adds to its quantity. */
        CartItemAdd: {
            /** @example var_01J9ZC3YV4Q1XK6T7M2R8N5B0G */
            variant_id: string;
            /**
             * @description Units to add. A line holds at most 100 units; more is `422 quantity_limit_exceeded`.
             * @example 2
             */
            quantity: number;
        };
        /** @description The new quantity of a line (to remove a line, delete it). */
        CartItemUpdate: {
            /**
             * @description The line's new quantity. A line holds at most 100 units; more is `422 quantity_limit_exceeded`.
             * @example 3
             */
            quantity: number;
        };
        /** @description A variant as its seller sees it, with every price and the stock on hand. */
        SellerVariant: {
            /** @example var_01J9ZC3YV4Q1XK6T7M2R8N5B0G */
            id: string;
            /** @example ATL-BOOT-42 */
            sku: string;
            /** @example 42 */
            title: string;
            /**
             * @description The option values of this variant, by option name.
             * @example {
             *       "Size": "42"
             *     }
             */
            options: {
                [key: string]: string;
            };
            /** @description Every price of the variant, one per currency, by currency code. */
            prices: components["schemas"]["Money"][];
            /** @description Units in stock. */
            inventory_quantity: number;
        };
        /**
         * @description Who did it (attribution), as established by the request that wrote the record or event:
         *     - `api_key`: a server or storefront acting with an API key; `id` is the key's id (`key_…`).
         *     - `seller_staff` / `operator_staff`: a person signed in with Firebase acting with their staff `role`;
         *       `id` is their staff id (`stf_…`).
         *     - `customer`: a signed-in shopper; `id` is the customer id (`cus_…`), `key_id` the storefront's key.
         *     - `system`: Souk itself (background work, plugins, anything outside a request); no `id`.
         * @example {
         *       "type": "seller_staff",
         *       "id": "stf_01J9ZC3YV4Q1XK6T7M2R8N5B0M",
         *       "role": "orders"
         *     }
         */
        Actor: {
            /** @enum {string} */
            type: "api_key" | "seller_staff" | "operator_staff" | "customer" | "system";
            /** @description The key, staff member or customer who acted (absent for `system`). */
            id?: string;
            /** @description The staff member's role when they acted (`StaffRole` or `OperatorRole`). */
            role?: string;
            /** @description For a customer, the publishable key of the storefront they used. */
            key_id?: string;
        };
        /** @description A product as its seller sees it, in any status, with stock per variant. */
        SellerProduct: {
            /** @example prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E */
            id: string;
            /** @example trail-runner-boot */
            handle: string;
            /** @example Trail Runner Boot */
            title: string;
            description: string | null;
            /**
             * @description `draft` products are never shown in the store; `published` ones are, while the seller is active.
             * @enum {string}
             */
            status: "draft" | "published";
            /** @example sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C */
            seller_id: string;
            category: components["schemas"]["CategorySummary"] | null;
            /** @description Free-form product attributes (material, brand, …). */
            attributes: {
                [key: string]: unknown;
            };
            images: components["schemas"]["Image"][];
            options: components["schemas"]["ProductOption"][];
            variants: components["schemas"]["SellerVariant"][];
            /** Format: date-time */
            created_at: string;
            /**
             * Format: date-time
             * @description When the product, its variants or their prices last changed (stock changes do not count).
             */
            updated_at: string;
            /** @description Who created the product (attribution); null for a product created before attribution was recorded. */
            created_by: components["schemas"]["Actor"] | null;
            /**
             * @description Who last changed the product, its variants or their prices (attribution; stock changes do not
             *     count); null when not known (changed before attribution was recorded).
             */
            updated_by: components["schemas"]["Actor"] | null;
        };
        SellerProductList: {
            data: components["schemas"]["SellerProduct"][];
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            next_cursor: string | null;
        };
        /**
         * @description A lowercase URL slug, unique across the marketplace. `search` is reserved (`/store/products/search` is its own path).
         * @example trail-runner-boot
         */
        ProductHandle: string;
        /**
         * @description A product image as its seller sees it: the `Image` fields, plus, for an uploaded image,
         *     `preview_url`. `url` is the permanent public address that products show; it answers `404` while
         *     no published product of an active seller shows the picture under it (a draft's pictures are not
         *     public). `preview_url` serves the same picture whatever the product's status, for the seller's
         *     own screens, until `exp` (see `getMediaImage`); append `&w=<width>` for a variant. Images sent
         *     back in a product create or update may carry it: it is ignored, never stored.
         */
        SellerImage: {
            /** @description Set by Souk for uploaded images; the reorder, alt-text and delete operations take it. */
            id?: string;
            /** Format: uri */
            url: string;
            alt: string;
            width: number;
            height: number;
            /**
             * Format: uri
             * @description `url` with `?exp=<unix seconds>&sig=<signature>`: valid for `MEDIA_PREVIEW_TTL_S` seconds
             *     (15 minutes by default) from this response, answered `Cache-Control: private`. Uploaded images
             *     only; read-only (ignored in requests).
             */
            preview_url?: string;
        };
        /**
         * @description Stock-keeping unit, unique across the marketplace. Visible ASCII, no spaces.
         * @example ATL-BOOT-42
         */
        Sku: string;
        /**
         * @description The variant's prices, at most one per currency. Replaces every price of the variant.
         * @example [
         *       {
         *         "amount": 12900,
         *         "currency": "USD"
         *       },
         *       {
         *         "amount": 11900,
         *         "currency": "EUR"
         *       }
         *     ]
         */
        SellerPrices: components["schemas"]["Money"][];
        /** @description A new variant. Its `options` must name every option of the product, each with one of that option's values, and no other variant of the product may have the same combination. */
        SellerVariantCreate: {
            sku: components["schemas"]["Sku"];
            /** @description Defaults to the option values joined with " / " in option order ("Default" for a product without options). */
            title?: string;
            /**
             * @description One value per product option, by option name. Omit (or `{}`) for a product without options.
             * @default {}
             */
            options?: {
                [key: string]: string;
            };
            prices?: components["schemas"]["SellerPrices"];
            /** @default 0 */
            inventory_quantity?: number;
        };
        /** @description A new product with its options and at least one variant. It is created as a `draft`. */
        SellerProductCreate: {
            handle: components["schemas"]["ProductHandle"];
            title: string;
            description?: string | null;
            /** @description A category id or handle; null or absent for none. */
            category?: components["schemas"]["IdOrHandle"] | null;
            /**
             * @description Free-form product attributes (material, brand, …).
             * @default {}
             */
            attributes?: {
                [key: string]: unknown;
            };
            /** @default [] */
            images?: components["schemas"]["SellerImage"][];
            /**
             * @description The product's options (Size, Color, …), in display order; option names and the values of each option must be unique. Set at creation.
             * @default []
             */
            options?: {
                name: string;
                values: string[];
            }[];
            variants: components["schemas"]["SellerVariantCreate"][];
        };
        /** @description Fields to change; the others keep their value. `attributes` and `images` are replaced whole. */
        SellerProductUpdate: {
            handle?: components["schemas"]["ProductHandle"];
            title?: string;
            description?: string | null;
            /** @description A category id or handle; null removes the category. */
            category?: components["schemas"]["IdOrHandle"] | null;
            attributes?: {
                [key: string]: unknown;
            };
            images?: components["schemas"]["SellerImage"][];
        };
        /** @description Fields to change; the others keep their value. `prices` replaces every price of the variant. */
        SellerVariantUpdate: {
            sku?: components["schemas"]["Sku"];
            title?: string;
            /** @description One value per product option, by option name. */
            options?: {
                [key: string]: string;
            };
            prices?: components["schemas"]["SellerPrices"];
            inventory_quantity?: number;
        };
        ImageList: {
            /** @description The product's images in display order (the first is the main image). */
            data: components["schemas"]["SellerImage"][];
        };
        ImageOrder: {
            /**
             * @description Every uploaded image of the product (each `id` once), in the new display order. Images given by
             *     URL (without an `id`) keep their relative order after the uploaded ones.
             */
            image_ids: string[];
        };
        ImageUpdate: {
            /** @description Text alternative read by screen readers and shown when the image cannot load. */
            alt: string;
        };
        /**
         * @description Stock changes for up to 500 of the seller's variants, applied all together or not at all.
         *     Each item names a variant by `sku` or by `variant_id` (exactly one) and either sets its stock
         *     (`quantity`) or changes it by a signed delta (`adjust`) (exactly one). Prefer `adjust` while
         *     orders are being placed: it adds to the stock at the moment of the write, so it never overwrites
         *     sales made since the stock was read. A variant may appear only once per request.
         */
        InventoryUpdate: {
            items: ({
                sku?: components["schemas"]["Sku"];
                /** @example var_01J9ZC3YV4Q1XK6T7M2R8N5B0G */
                variant_id?: string;
                /** @description The new stock. */
                quantity?: number;
                /** @description Units to add (positive) or remove (negative). */
                adjust?: number;
            } & ((unknown | unknown) & (unknown | unknown)))[];
        };
        InventoryUpdateResult: {
            /** @description The variants of the request, in request order, with their stock after the update. */
            data: {
                variant_id: string;
                sku: string;
                inventory_quantity: number;
            }[];
        };
        /** @description A seller as the operator sees it. */
        AdminSeller: {
            /** @example sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C */
            id: string;
            /** @example atlas-outfitters */
            handle: string;
            /** @example Atlas Outfitters */
            name: string;
            description: string | null;
            /** @enum {string} */
            status: "pending" | "active" | "suspended";
            /** @description This seller's commission in basis points, or null to use the marketplace default. */
            commission_bps_override: number | null;
            /** @description The commission that applies now (the override, else the marketplace default). */
            effective_commission_bps: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        AdminSellerList: {
            data: components["schemas"]["AdminSeller"][];
            next_cursor: string | null;
        };
        SellerCreate: {
            /** @description Unique URL handle. */
            handle: string;
            name: string;
            description?: string | null;
            commission_bps_override?: number | null;
        };
        CommissionUpdate: {
            /** @description The seller's commission in basis points (1000 = 10%), or null to fall back to the marketplace default. */
            commission_bps: number | null;
        };
        /**
         * @description A seller's API rate limit. Every key of the seller shares one budget of
         *     `effective_requests_per_minute`, refilled continuously; a burst may spend the whole budget at once.
         */
        SellerQuota: {
            seller_id: string;
            /** @description The operator's override for this seller, or null when the seller tier's default applies. */
            requests_per_minute: number | null;
            /** @description The seller tier's default (`RATE_LIMIT_SELLER`). */
            default_requests_per_minute: number;
            /** @description The quota in force (the override, else the default). */
            effective_requests_per_minute: number;
            /**
             * Format: date-time
             * @description When the override was last set or cleared (null when never).
             */
            updated_at: string | null;
        };
        SellerQuotaUpdate: {
            /** @description Requests per minute for every key of this seller, or null to fall back to the seller tier's default. */
            requests_per_minute: number | null;
        };
        /** @description An API key's record. The key itself is shown once, at creation, and never stored. */
        ApiKey: {
            /** @example key_01J9ZC3YV4Q1XK6T7M2R8N5B0K */
            id: string;
            /** @enum {string} */
            kind: "publishable" | "seller" | "operator";
            seller_id: string | null;
            name: string;
            /**
             * @description The first characters of the key, to tell keys apart.
             * @example sk_live_8fQ2
             */
            prefix: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            revoked_at: string | null;
            /** Format: date-time */
            last_used_at: string | null;
        };
        ApiKeyList: {
            data: components["schemas"]["ApiKey"][];
        };
        ApiKeyCreate: {
            /** @example Production storefront */
            name: string;
        };
        ApiKeyCreated: {
            key: components["schemas"]["ApiKey"];
            /**
             * @description The whole key. Shown only in this response; store it now.
             * @example sk_live_8fQ2mZt0c1RrX4yWq9LhVb3NkD5sPe7A
             */
            secret: string;
        };
        MarketplaceSettings: {
            /**
             * @description Commission taken from each seller order, in basis points of its items subtotal, unless the seller has an override.
             * @example 1000
             */
            default_commission_bps: number;
        };
        CheckoutRequest: {
            /**
             * @description The payment provider. `test` is built in and never moves money.
             * @default test
             * @enum {string}
             */
            provider?: "test";
            /**
             * @description A payment method token of the provider. The `test` provider understands `pm_card_visa` (authorised),
             *     `pm_card_declined` (402 `payment_declined`), `pm_card_insufficient_funds` (402
             *     `payment_insufficient_funds`) and `pm_card_review` (402 `payment_requires_review`).
             * @example pm_card_visa
             */
            payment_method: string;
        };
        Totals: {
            subtotal: components["schemas"]["Money"];
            shipping: components["schemas"]["Money"];
            tax: components["schemas"]["Money"];
            total: components["schemas"]["Money"];
        };
        OrderLine: {
            id: string;
            /** @description Null once the variant was deleted; the line keeps its snapshot. */
            variant_id: string | null;
            product_id: string | null;
            sku: string;
            product_title: string;
            variant_title: string;
            quantity: number;
            unit_price: components["schemas"]["Money"];
            subtotal: components["schemas"]["Money"];
            fulfilled_quantity: number;
            /**
             * @description The product's first image as it is now (for thumbnails on confirmation and order pages); absent
             *     when the product has no image or was deleted. Not part of the line's snapshot.
             */
            image?: components["schemas"]["Image"];
            /**
             * @description The buyer's review of this line: present in the buyer's reads of one order
             *     (`GET /store/orders/{orderId}`, `GET /store/customers/me/orders/{orderId}`) and in the customer's
             *     list (`GET /store/customers/me/orders`), null while the line has none. A theme shows "reviewed"
             *     instead of the review form, since a second review of a line answers `409 already_reviewed`, and an
             *     account can show which orders still wait for a review. Absent in every other read, and when the
             *     document store could not be read (the orders are still answered).
             */
            review?: {
                id: string;
                rating: number;
            } | null;
        };
        Fulfillment: {
            id: string;
            carrier: string;
            tracking_number: string;
            lines: {
                line_id: string;
                quantity: number;
            }[];
            /** Format: date-time */
            created_at: string;
            /**
             * @description Who shipped it: the staff member and role, or the key (attribution); null for a shipment recorded
             *     before attribution was. Only in the seller's and the operator's views; a shopper's view leaves it out.
             */
            created_by?: components["schemas"]["Actor"] | null;
        };
        /** @description One seller's part of an order. */
        SellerOrder: {
            /** @example so_01J9ZC3YV4Q1XK6T7M2R8N5B0N */
            id: string;
            order_id: string;
            seller_id: string;
            seller_name: string;
            /** @enum {string} */
            status: "open" | "partially_fulfilled" | "fulfilled" | "cancelled";
            currency: components["schemas"]["CurrencyCode"];
            lines: components["schemas"]["OrderLine"][];
            totals: components["schemas"]["Totals"];
            /** @description The marketplace's commission on this seller order's items subtotal, fixed when the order was placed. */
            commission: {
                rate_bps: number;
                amount: components["schemas"]["Money"];
            };
            /**
             * @description `authorized` at checkout, `captured` once fully fulfilled, `voided` when cancelled.
             * @enum {string}
             */
            payment_status: "authorized" | "captured" | "voided";
            fulfillments: components["schemas"]["Fulfillment"][];
            shipping_address: components["schemas"]["ShippingAddress"];
            /** Format: email */
            email: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /**
             * @description Who cancelled it: the staff member and role, the key or the operator (attribution). Null while it
             *     is not cancelled, or when it was cancelled before attribution was recorded. Only in the seller's
             *     and the operator's views (`/seller/orders…`, `/admin/orders`); a shopper's view leaves it out.
             */
            cancelled_by?: components["schemas"]["Actor"] | null;
        };
        /** @description A buyer's order: one seller order per seller in the cart. */
        Order: {
            /** @example ord_01J9ZC3YV4Q1XK6T7M2R8N5B0M */
            id: string;
            /**
             * @description `placed` until a seller ships; `fulfilled` when every seller order not cancelled is fulfilled; `cancelled` when every seller order is.
             * @enum {string}
             */
            status: "placed" | "partially_fulfilled" | "fulfilled" | "cancelled";
            currency: components["schemas"]["CurrencyCode"];
            /** Format: email */
            email: string;
            shipping_address: components["schemas"]["ShippingAddress"];
            totals: components["schemas"]["Totals"];
            seller_orders: components["schemas"]["SellerOrder"][];
            payment: {
                id: string;
                /** @enum {string} */
                provider: "test";
                /** @enum {string} */
                status: "authorized" | "partially_captured" | "captured" | "voided";
                authorized: components["schemas"]["Money"];
                captured: components["schemas"]["Money"];
                voided: components["schemas"]["Money"];
            };
            /** @description Only in the checkout response. Send it as `X-Order-Token` to read the order later; it is not stored in readable form and cannot be shown again. */
            access_token?: string;
            /**
             * @description Only in `GET /store/customers/me/orders/{orderId}`: the `token` that joins this order's real-time
             *     room (`order:{orderId}`, see the AsyncAPI document) for a day, and nothing else. A storefront gives
             *     it to the browser for live status, where the shopper's own credential stays in an httpOnly cookie.
             *     Signed, not stored; a new one comes with every read.
             */
            watch_token?: string;
            /** Format: date-time */
            created_at: string;
        };
        SellerOrderList: {
            data: components["schemas"]["SellerOrder"][];
            next_cursor: string | null;
        };
        FulfillmentCreate: {
            /** @example DHL */
            carrier: string;
            /** @example 00340434161094042557 */
            tracking_number: string;
            /** @description The lines and quantities shipped. Omit to ship everything not yet shipped. */
            lines?: {
                line_id: string;
                quantity: number;
            }[];
        };
        /** @description A seller's money, derived from the ledger. `pending` is owed for orders not yet fulfilled (captured); `available` is captured and not yet paid out. */
        Balance: {
            seller_id: string;
            available: components["schemas"]["Money"][];
            pending: components["schemas"]["Money"][];
        };
        Payout: {
            /** @example po_01J9ZC3YV4Q1XK6T7M2R8N5B0P */
            id: string;
            seller_id: string;
            amount: components["schemas"]["Money"];
            /** @enum {string} */
            status: "paid";
            /** Format: date-time */
            created_at: string;
        };
        PayoutList: {
            data: components["schemas"]["Payout"][];
        };
        OrderList: {
            data: components["schemas"]["Order"][];
            next_cursor: string | null;
        };
        /** @description The seller's flat shipping rate per currency. A currency without a rate cannot be checked out with this seller's items. */
        ShippingRateList: {
            data: components["schemas"]["Money"][];
        };
        ShippingRateSet: {
            amount: components["schemas"]["MinorUnits"];
        };
        /**
         * @description The type of a domain event; each has a payload schema under the contract’s `webhooks`.
         * @enum {string}
         */
        EventType: "api_key.created" | "api_key.revoked" | "content.published" | "customer.created" | "customer.updated" | "fulfillment.created" | "inventory.low" | "inventory.updated" | "order.cancelled" | "order.placed" | "payment.captured" | "payout.paid" | "product.created" | "product.deleted" | "product.published" | "product.unpublished" | "product.updated" | "review.created" | "review.moderated" | "review.replied" | "seller.approved" | "seller.commission_changed" | "seller.created" | "seller.reactivated" | "seller.suspended" | "seller_order.cancelled" | "seller_order.fulfilled" | "seller_order.placed" | "seller_profile.updated" | "variant.created" | "variant.deleted" | "variant.updated" | "webhook_endpoint.disabled";
        /**
         * @description Event types delivered to the endpoint; `*` means every type (including types added later) that the owner receives. A seller's endpoint receives only events of that seller: the marketplace-wide types `order.placed` and `order.cancelled` (whose `seller_id` is null) are refused there with 400 `validation_failed`.
         * @example [
         *       "seller_order.placed",
         *       "inventory.low"
         *     ]
         */
        WebhookEventFilter: (components["schemas"]["EventType"] | "*")[];
        WebhookEndpoint: {
            /** @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W */
            id: string;
            /**
             * @description `operator` for marketplace-wide endpoints, else the seller id.
             * @example sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C
             */
            owner: string;
            /**
             * Format: uri
             * @description Where events are POSTed. `https://` outside development; addresses that resolve to loopback, private, link-local or metadata ranges are refused (422 `webhook_url_not_allowed`) at registration and again at every delivery.
             * @example https://merchant.example/hooks/souk
             */
            url: string;
            event_types: components["schemas"]["WebhookEventFilter"];
            enabled: boolean;
            description: string | null;
            /**
             * @description `failing`: Souk disabled it after deliveries failed for the disable period (3 days); enable it again with PATCH.
             * @enum {string|null}
             */
            disabled_reason: "manual" | "failing" | null;
            /**
             * Format: date-time
             * @description Start of the current run of failed deliveries; null when the last delivery succeeded.
             */
            failing_since: string | null;
            /**
             * @description The last four characters of the newest signing secret.
             * @example …x9Qa
             */
            secret_hint: string;
            /** @description Secrets that currently sign deliveries (2 during a rotation overlap). */
            secrets_active: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        WebhookEndpointList: {
            data: components["schemas"]["WebhookEndpoint"][];
        };
        WebhookEndpointCreate: {
            /**
             * Format: uri
             * @description Where events are POSTed. `https://` outside development; addresses that resolve to loopback, private, link-local or metadata ranges are refused (422 `webhook_url_not_allowed`) at registration and again at every delivery.
             * @example https://merchant.example/hooks/souk
             */
            url: string;
            event_types: components["schemas"]["WebhookEventFilter"];
            description?: string;
            /** @default true */
            enabled?: boolean;
        };
        WebhookEndpointWithSecret: {
            endpoint: components["schemas"]["WebhookEndpoint"];
            /**
             * @description The signing secret. Shown only in this response; store it now.
             * @example whsec_8fQ2mZt0c1RrX4yWq9LhVb3NkD5sPe7A
             */
            secret: string;
        };
        /** @description Fields to change. Enabling an endpoint clears its failing state. */
        WebhookEndpointUpdate: {
            /**
             * Format: uri
             * @description Where events are POSTed. `https://` outside development; addresses that resolve to loopback, private, link-local or metadata ranges are refused (422 `webhook_url_not_allowed`) at registration and again at every delivery.
             * @example https://merchant.example/hooks/souk
             */
            url?: string;
            event_types?: components["schemas"]["WebhookEventFilter"];
            description?: string | null;
            enabled?: boolean;
        };
        WebhookSecretRotate: {
            /**
             * @description How long the current secret keeps signing next to the new one (each delivery then carries one `v1=` per secret). 0 retires it at once.
             * @default 24
             */
            expire_previous_in_hours?: number;
        };
        WebhookAttempt: {
            number: number;
            /** Format: date-time */
            started_at: string;
            /** @description HTTP status of the response; null when none came (timeout, refused, DNS). */
            status_code: number | null;
            latency_ms: number;
            /** @description The first 1 KiB of the response body. */
            response_excerpt: string | null;
            /** @description Why the attempt failed, when it did. */
            error: string | null;
        };
        WebhookDelivery: {
            /** @example whd_01J9ZC3YV4Q1XK6T7M2R8N5B0X */
            id: string;
            endpoint_id: string;
            event_id: string;
            event_type: components["schemas"]["EventType"];
            /**
             * @description `pending`: waiting for its next attempt; `succeeded`: a 2xx came back; `failed`: the retry schedule ran out (or the endpoint was disabled) — redeliver to try again.
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed";
            attempt_count: number;
            /** Format: date-time */
            next_attempt_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** @description Every attempt, oldest first. */
            attempts: components["schemas"]["WebhookAttempt"][];
        };
        WebhookDeliveryList: {
            data: components["schemas"]["WebhookDelivery"][];
            next_cursor: string | null;
        };
        /** @description Re-sends every event in [from, to) that the endpoint subscribes to and may see, in the order they happened. `to` must be after `from`, and the range at most 31 days long (400 `validation_failed` on `/to` otherwise). */
        WebhookReplay: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
        };
        WebhookReplayResult: {
            /** @description Deliveries queued. */
            queued: number;
        };
        /**
         * @description How the person signed in to Firebase Authentication (the ID token's `firebase.sign_in_provider`):
         *     `google.com`, `apple.com`, `oidc.line` (LINE through an OpenID Connect provider), `password`
         *     (email and password) or `phone` (a code sent by SMS). Other providers are refused.
         * @example google.com
         * @enum {string}
         */
        SignInProvider: "google.com" | "apple.com" | "oidc.line" | "password" | "phone";
        /**
         * @description A shopper's account, created the first time the shopper calls the API with a Firebase ID token.
         *     `email`, `email_verified` and `phone` mirror the identity provider's claims at the last sign-in.
         */
        Customer: {
            /** @example cus_01J9ZC3YV4Q1XK6T7M2R8N5B0M */
            id: string;
            /**
             * Format: email
             * @example erika@example.com
             */
            email: string | null;
            /** @description True when the identity provider vouches for `email`. */
            email_verified: boolean;
            /**
             * @description The verified phone number (E.164) of phone sign-in.
             * @example +4922112345
             */
            phone: string | null;
            /** @example Erika Mustermann */
            name: string | null;
            /** @description The provider of the most recent sign-in. */
            sign_in_provider: components["schemas"]["SignInProvider"];
            /** @description Every provider this account has signed in with, in the order first seen. */
            providers: components["schemas"]["SignInProvider"][];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description Fields of one's own profile that can change here (email and phone change at the identity provider). */
        CustomerUpdate: {
            /** @example Erika Mustermann */
            name?: string | null;
        };
        /** @description A saved address of the shopper; checkout forms pre-fill from the default one. */
        CustomerAddress: {
            /** @example addr_01J9ZC3YV4Q1XK6T7M2R8N5B0M */
            id: string;
            /** @example Home */
            label: string | null;
            /** @description At most one address of a customer is the default. */
            is_default: boolean;
            address: components["schemas"]["ShippingAddress"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        CustomerAddressList: {
            /** @description The default address first, then newest first (at most 50 per customer). */
            data: components["schemas"]["CustomerAddress"][];
        };
        /** @description A new saved address. The first address becomes the default whatever `is_default` says. */
        CustomerAddressCreate: {
            /** @example Home */
            label?: string | null;
            /** @default false */
            is_default?: boolean;
            address: components["schemas"]["ShippingAddress"];
        };
        /** @description Changes to a saved address; fields left out keep their value. `is_default=true` moves the default here. */
        CustomerAddressUpdate: {
            label?: string | null;
            /**
             * @description Only `true`; make another address the default to move it.
             * @constant
             */
            is_default?: true;
            address?: components["schemas"]["ShippingAddress"];
        };
        /** @description Guest orders moved into the account. */
        OrderClaimResult: {
            /** @description Orders placed as a guest with the customer's verified email, now the customer's (empty when none). */
            claimed_order_ids: string[];
        };
        /**
         * @description What to do on sign-in. `guest_cart_id` is the cart the shopper built before signing in; without it
         *     the customer's active cart is returned, or a new one is made in `currency`.
         */
        CustomerCartAttach: {
            /** @example cart_3mJr7AoUXx2Wqd6P0bYw9Z */
            guest_cart_id?: string;
            currency?: components["schemas"]["CurrencyCode"];
        };
        /** @description The signed-in customer's active cart and what signing in did to it. */
        CustomerCart: {
            cart: components["schemas"]["Cart"];
            /**
             * @description - `unchanged`: no guest cart was given (or it already was this cart); the customer's cart as it is.
             *     - `created`: the customer had no active cart and no guest cart was given: a new empty cart.
             *     - `attached`: the customer had no active cart: the guest cart became the customer's cart.
             *     - `merged`: both carts in one currency: the guest cart's lines moved into the customer's cart (see `adjustments`) and the guest cart was deleted.
             *     - `replaced`: the carts are in different currencies: the guest cart (the one just used) became the customer's cart; the previous one is released (`released_cart_id`), still readable by its id.
             * @enum {string}
             */
            outcome: "unchanged" | "created" | "attached" | "merged" | "replaced";
            guest_cart_id: string | null;
            released_cart_id: string | null;
            /**
             * @description Lines a merge could not take as they were. A variant in both carts keeps the larger of the two
             *     quantities (the same wish made twice is not doubled), capped by stock and the per-line limit;
             *     a guest line that is no longer for sale, or has no price in the cart's currency, is dropped.
             */
            adjustments: {
                variant_id: string;
                requested: number;
                kept: number;
                /** @enum {string} */
                reason: "kept_larger_quantity" | "limited_by_stock" | "limited_by_line_limit" | "unavailable" | "currency_mismatch";
            }[];
        };
        /** @description How long the session lasts. A storefront keeps the answer in an httpOnly cookie. */
        CustomerSessionCreate: {
            /**
             * @description Lifetime in seconds, from 5 minutes to 14 days (Firebase's limits). Default 5 days.
             * @default 432000
             * @example 432000
             */
            expires_in?: number;
        };
        /**
         * @description A Firebase session cookie for the signed-in shopper: a server-side credential, sent as
         *     `Authorization: Bearer <session>` (the CustomerToken scheme) instead of an ID token. Shown once; Souk
         *     does not store it. Signing out (`DELETE /store/customers/me/session`) revokes it everywhere.
         */
        CustomerSession: {
            /**
             * @description The session cookie's value (a JWT). Keep it in an httpOnly cookie; never hand it to page scripts.
             * @example eyJhbGciOiJSUzI1NiIsImtpZCI6Ij…
             */
            session: string;
            /**
             * Format: date-time
             * @example 2026-02-06T10:00:00.000Z
             */
            expires_at: string;
        };
        /**
         * @description What a seller's staff member may do. Each `/seller/*` operation lists the roles it admits in
         *     `x-souk-roles`; a seller secret key may do everything `owner` may.
         *     - `owner`: everything, including money (balance, payouts), webhooks and staff.
         *     - `catalog`: products, variants, stock, publishing and shipping rates.
         *     - `orders`: the seller's orders: read, fulfil, cancel.
         * @example catalog
         * @enum {string}
         */
        StaffRole: "owner" | "catalog" | "orders";
        /** @description A person invited to act for the seller with their Firebase sign-in instead of a secret key. */
        StaffMember: {
            /** @example stf_01J9ZC3YV4Q1XK6T7M2R8N5B0M */
            id: string;
            /**
             * Format: email
             * @example sam@atlas.example
             */
            email: string;
            role: components["schemas"]["StaffRole"];
            /**
             * @description `invited` until the person first calls the API signed in with this email, verified; then `active`.
             * @enum {string}
             */
            status: "invited" | "active";
            /** @description Who invited (a staff id `stf_…` or an API key id `key_…`). */
            invited_by: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            accepted_at: string | null;
        };
        StaffMemberList: {
            data: components["schemas"]["StaffMember"][];
        };
        StaffInvite: {
            /**
             * Format: email
             * @example sam@atlas.example
             */
            email: string;
            role: components["schemas"]["StaffRole"];
        };
        /**
         * @description Optional, category-specific facts about the purchase (fit, size bought, skin type, …); up to 10 short values.
         * @example {
         *       "fit": "true to size",
         *       "size_bought": "42"
         *     }
         */
        ReviewAttributes: {
            [key: string]: string | number | boolean;
        };
        /** @description A buyer's review of a product they bought (one per purchased order line). */
        Review: {
            /** @example rev_01J9ZC3YV4Q1XK6T7M2R8N5B0T */
            id: string;
            /** @example prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E */
            product_id: string;
            /** @example sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C */
            seller_id: string;
            /** @example 4 */
            rating: number;
            /** @example Comfortable from day one */
            title: string;
            /** @example Wore them on a 20 km hike without a blister. */
            body: string;
            attributes: components["schemas"]["ReviewAttributes"];
            /**
             * @description The name the buyer chose to show.
             * @example Erika M.
             */
            author_name: string;
            /**
             * @description Always true; only buyers of a delivered or fulfilled line can review it.
             * @constant
             */
            verified_purchase: true;
            /**
             * @description Hidden reviews (moderated by the operator) are left out of storefront lists and aggregates.
             * @enum {string}
             */
            status: "visible" | "hidden";
            /** @description The seller's one public reply, or null. */
            reply: {
                body: string;
                /** Format: date-time */
                created_at: string;
            } | null;
            /** @description Present in operator and seller views; the latest moderation decision, or null. */
            moderation?: {
                /** @enum {string} */
                action: "hide" | "restore";
                reason: string;
                /** Format: date-time */
                at: string;
            } | null;
            /** @description Present in operator views; abuse reports received. */
            report_count?: number;
            /** Format: date-time */
            created_at: string;
        };
        ReviewList: {
            data: components["schemas"]["Review"][];
            next_cursor: string | null;
            rating?: components["schemas"]["ProductRating"];
        };
        ReviewCreate: {
            order_id: string;
            /** @description The purchased line being reviewed. */
            order_line_id: string;
            rating: number;
            title: string;
            body: string;
            attributes?: components["schemas"]["ReviewAttributes"];
            /** @description Shown with the review; default the first name and initial of the shipping address. */
            author_name?: string;
        };
        ReviewReport: {
            /** @enum {string} */
            reason: "spam" | "offensive" | "off_topic" | "fake" | "personal_data" | "other";
            note?: string;
        };
        ReviewReply: {
            body: string;
        };
        ReviewModeration: {
            /** @enum {string} */
            action: "hide" | "restore";
            reason: string;
        };
        /**
         * @description What a content document is: `home` (the home page's ordered sections), `banner` (a promotional banner),
         *     `navigation` (a menu), `page` (a static page: about, shipping policy, …).
         * @enum {string}
         */
        ContentKind: "home" | "banner" | "navigation" | "page";
        /** @description One block of the home page. `products` shows a product listing (its `query` is passed to `GET /store/products`), `categories` the category tiles, `banner` a banner document by key, `text` markdown. */
        ContentSection: {
            /** @enum {string} */
            type: "hero" | "products" | "categories" | "banner" | "text";
            title?: string;
            text?: string;
            /** Format: uri */
            image_url?: string;
            /** @description The image's alt text; empty for a decorative image. */
            image_alt?: string;
            href?: string;
            banner_key?: string;
            query?: {
                category?: string;
                seller?: string;
                /** @enum {string} */
                sort?: "newest" | "price_asc" | "price_desc" | "rating";
                limit?: number;
            };
        };
        ContentLink: {
            label: string;
            href: string;
            children?: {
                label: string;
                href: string;
            }[];
        };
        /**
         * @description The document's content; its shape follows its kind (`home` has `sections`, `navigation` has `items`,
         *     `page` has `title` and `body`, `banner` has `headline`). Checked against the kind when saved.
         */
        ContentData: {
            sections: components["schemas"]["ContentSection"][];
        } | {
            items: components["schemas"]["ContentLink"][];
        } | {
            title: string;
            /** @description Markdown. */
            body: string;
            seo_description?: string;
        } | {
            headline: string;
            text?: string;
            /** Format: uri */
            image_url?: string;
            /** @description The image's alt text; empty for a decorative image. */
            image_alt?: string;
            href?: string;
        };
        /** @description The published version of a content document. */
        StoreContent: {
            theme: string;
            kind: components["schemas"]["ContentKind"];
            key: string;
            data: components["schemas"]["ContentData"];
            /** Format: date-time */
            published_at: string;
        };
        /** @description The seller's own storefront page. */
        SellerProfile: {
            /** @description Markdown. */
            story: string;
            policies: {
                shipping?: string;
                returns?: string;
                warranty?: string;
            };
            links: {
                label: string;
                /** Format: uri */
                url: string;
            }[];
        };
        /** @description A seller's public page: who they are, their own profile (empty until they write one) and their rating. */
        SellerPage: {
            seller: components["schemas"]["Seller"];
            profile: components["schemas"]["SellerProfile"];
            rating: components["schemas"]["ProductRating"];
        };
        /** @description An operator-managed content document of a theme, with its draft and its published version. */
        ContentDocument: {
            /** @example bazaar */
            theme: string;
            kind: components["schemas"]["ContentKind"];
            /** @example about */
            key: string;
            draft: components["schemas"]["ContentData"];
            /** @description What storefronts see; null until first published. */
            published: components["schemas"]["ContentData"] | null;
            /** @description Increases with every saved draft. */
            version: number;
            /** @description The draft version that was published. */
            published_version: number | null;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            published_at: string | null;
        };
        ContentDocumentList: {
            data: components["schemas"]["ContentDocument"][];
        };
        ContentDraft: {
            data: components["schemas"]["ContentData"];
        };
        /**
         * @description What an operator staff member may do on `/admin/*`. Each operation lists the roles it admits in
         *     `x-souk-roles`; the operator's secret key may do everything `owner` may.
         *     - `owner`: everything, including marketplace settings, revoking keys and operator staff.
         *     - `sellers`: onboarding and moderation: create, approve, suspend and reactivate sellers, their keys and quotas.
         *     - `finance`: commissions, payouts, marketplace settings (read) and orders (read).
         *     - `support`: orders and sellers (read), review moderation, storefront content (read).
         *     - `developer`: webhook endpoints and deliveries, storefront (publishable) keys, quotas (read), storefront content (drafts and publishing).
         * @example support
         * @enum {string}
         */
        OperatorRole: "owner" | "sellers" | "finance" | "support" | "developer";
        /** @description A person invited to act for the marketplace operator with their Firebase sign-in instead of the operator key. */
        OperatorStaffMember: {
            /** @example stf_01J9ZC3YV4Q1XK6T7M2R8N5B0P */
            id: string;
            /**
             * Format: email
             * @example ana@souk.example
             */
            email: string;
            role: components["schemas"]["OperatorRole"];
            /**
             * @description `invited` until the person first calls `/admin/*` signed in with this email, verified; then `active`.
             * @enum {string}
             */
            status: "invited" | "active";
            /** @description Who invited (an operator staff id `stf_…` or an API key id `key_…`). */
            invited_by: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            accepted_at: string | null;
        };
        OperatorStaffMemberList: {
            data: components["schemas"]["OperatorStaffMember"][];
        };
        OperatorStaffInvite: {
            /**
             * Format: email
             * @example ana@souk.example
             */
            email: string;
            role: components["schemas"]["OperatorRole"];
        };
        /** @description An API key was issued. Never carries the key itself in the clear. */
        ApiKeyCreatedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "api_key.created";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller of a seller key; null for publishable and operator keys. */
            seller_id: string | null;
            actor: components["schemas"]["Actor"];
            data: {
                key_id: string;
                /** @enum {string} */
                kind: "publishable" | "seller" | "operator";
                seller_id: string | null;
                name: string;
                /** @description The visible start of the key, as listings show it. */
                prefix: string;
                /**
                 * @description The new key encrypted to the gateway's public key (`API_KEY_SEAL_PUBLIC_KEY`, RSA-OAEP with SHA-256,
                 *     base64), so only the holder of the private key (the kong-sync plugin) can read it; null when no
                 *     sealing key is configured. The key in the clear is shown once, in the creating response, and stored nowhere.
                 */
                sealed_secret: string | null;
            };
        };
        /** @description An API key was revoked; it is refused from now on. */
        ApiKeyRevokedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "api_key.revoked";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller of a seller key; null for publishable and operator keys. */
            seller_id: string | null;
            actor: components["schemas"]["Actor"];
            data: {
                key_id: string;
                /** @enum {string} */
                kind: "publishable" | "seller" | "operator";
                seller_id: string | null;
                prefix: string;
            };
        };
        /** @description A shopper signed in for the first time: the account exists. */
        CustomerCreatedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "customer.created";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description Customers belong to the marketplace, not to a seller (operator endpoints receive these). */
            seller_id: null;
            actor: components["schemas"]["Actor"];
            data: {
                customer_id: string;
                email: string | null;
                email_verified: boolean;
                phone: string | null;
                name: string | null;
                sign_in_provider: components["schemas"]["SignInProvider"];
                providers: components["schemas"]["SignInProvider"][];
            };
        };
        /** @description A customer's profile changed: the name, or the email, phone or sign-in providers seen at a sign-in. */
        CustomerUpdatedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "customer.updated";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description Customers belong to the marketplace, not to a seller (operator endpoints receive these). */
            seller_id: null;
            actor: components["schemas"]["Actor"];
            data: {
                customer_id: string;
                email: string | null;
                email_verified: boolean;
                phone: string | null;
                name: string | null;
                sign_in_provider: components["schemas"]["SignInProvider"];
                providers: components["schemas"]["SignInProvider"][];
            };
        };
        /** @description A seller shipped lines of a seller order. */
        FulfillmentCreatedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "fulfillment.created";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                fulfillment_id: string;
                seller_order_id: string;
                order_id: string;
                carrier: string;
                tracking_number: string;
                lines: {
                    line_id: string;
                    quantity: number;
                }[];
            };
        };
        /** @description A variant’s stock fell below its low-stock threshold (emitted by the inventory-alerts plugin once per crossing). */
        InventoryLowEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "inventory.low";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                variant_id: string;
                product_id: string;
                sku: string;
                inventory_quantity: number;
                threshold: number;
                /** @description The `inventory.updated` event that crossed the threshold. */
                caused_by_event_id: string;
            };
        };
        /** @description A variant’s stock changed (seller update, checkout, or cancellation). */
        InventoryUpdatedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "inventory.updated";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                variant_id: string;
                product_id: string;
                sku: string;
                inventory_quantity: number;
                previous_quantity: number;
            };
        };
        /** @description Every seller order of an order is cancelled. */
        OrderCancelledEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "order.cancelled";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            seller_id: null;
            actor: components["schemas"]["Actor"];
            data: {
                order_id: string;
            };
        };
        /** @description A buyer placed an order (payment authorized, stock taken). */
        OrderPlacedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "order.placed";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            seller_id: null;
            actor: components["schemas"]["Actor"];
            data: {
                order_id: string;
                currency: components["schemas"]["CurrencyCode"];
                total: components["schemas"]["MinorUnits"];
                seller_order_ids: string[];
            };
        };
        /** @description The seller order’s part of the payment was captured. */
        PaymentCapturedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "payment.captured";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                seller_order_id: string;
                order_id: string;
                seller_id: string;
                currency: components["schemas"]["CurrencyCode"];
                total: components["schemas"]["MinorUnits"];
                commission: components["schemas"]["MinorUnits"];
                lines: {
                    line_id: string;
                    quantity: number;
                }[];
            };
        };
        /** @description A seller was paid its available balance in one currency. */
        PayoutPaidEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "payout.paid";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                payout_id: string;
                seller_id: string;
                amount: components["schemas"]["MinorUnits"];
                currency: components["schemas"]["CurrencyCode"];
            };
        };
        /** @description A seller created a product (as a draft). */
        ProductCreatedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "product.created";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                product_id: string;
                handle: string;
                title: string;
                /** @enum {string} */
                status: "draft" | "published";
                category_id: string | null;
                variants: {
                    variant_id: string;
                    sku: string;
                }[];
            };
        };
        /** @description A seller deleted a product with its variants. */
        ProductDeletedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "product.deleted";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                product_id: string;
                handle: string;
                /** @enum {string} */
                status: "draft" | "published";
                variants: {
                    variant_id: string;
                    sku: string;
                }[];
            };
        };
        /** @description A seller published a product: it shows in the store while the seller is active. */
        ProductPublishedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "product.published";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                product_id: string;
                handle: string;
                /** @constant */
                status: "published";
            };
        };
        /** @description A seller returned a product to draft: it left the store. */
        ProductUnpublishedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "product.unpublished";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                product_id: string;
                handle: string;
                /** @constant */
                status: "draft";
            };
        };
        /** @description A seller changed fields of a product; `changed` names them. */
        ProductUpdatedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "product.updated";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                product_id: string;
                /** @description The product's handle now. */
                handle: string;
                /** @description The handle before this change, when `changed` has `handle`. The store API still finds the product by it (until another product takes it), so pages cached under it can be regenerated as redirects. */
                previous_handle?: string;
                title: string;
                /** @enum {string} */
                status: "draft" | "published";
                changed: ("handle" | "title" | "description" | "category" | "attributes" | "images")[];
            };
        };
        /** @description A seller was approved: its products can be sold. */
        SellerApprovedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "seller.approved";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                seller_id: string;
                /** @enum {string} */
                previous_status: "pending" | "active" | "suspended";
                /** @enum {string} */
                status: "pending" | "active" | "suspended";
            };
        };
        /** @description A seller’s commission override changed (null: the marketplace default applies). */
        SellerCommissionChangedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "seller.commission_changed";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                seller_id: string;
                previous_commission_bps: number | null;
                commission_bps: number | null;
            };
        };
        /** @description A seller was onboarded (pending). */
        SellerCreatedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "seller.created";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                seller_id: string;
                handle: string;
                name: string;
            };
        };
        /** @description A suspended seller was reactivated. */
        SellerReactivatedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "seller.reactivated";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                seller_id: string;
                /** @enum {string} */
                previous_status: "pending" | "active" | "suspended";
                /** @enum {string} */
                status: "pending" | "active" | "suspended";
            };
        };
        /** @description A seller was suspended: its products left the store. */
        SellerSuspendedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "seller.suspended";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                seller_id: string;
                /** @enum {string} */
                previous_status: "pending" | "active" | "suspended";
                /** @enum {string} */
                status: "pending" | "active" | "suspended";
            };
        };
        /** @description A seller cancelled its part before shipping: restocked, payment part voided, commission clawed back. */
        SellerOrderCancelledEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "seller_order.cancelled";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                seller_order_id: string;
                order_id: string;
                seller_id: string;
                currency: components["schemas"]["CurrencyCode"];
                total: components["schemas"]["MinorUnits"];
                commission: components["schemas"]["MinorUnits"];
            };
        };
        /** @description Every line of a seller order has shipped. */
        SellerOrderFulfilledEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "seller_order.fulfilled";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                seller_order_id: string;
                order_id: string;
                seller_id: string;
                currency: components["schemas"]["CurrencyCode"];
                total: components["schemas"]["MinorUnits"];
                commission: components["schemas"]["MinorUnits"];
                lines: {
                    line_id: string;
                    quantity: number;
                }[];
            };
        };
        /** @description One seller’s part of a new order. */
        SellerOrderPlacedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "seller_order.placed";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                order_id: string;
                seller_order_id: string;
                seller_id: string;
                currency: components["schemas"]["CurrencyCode"];
                total: components["schemas"]["MinorUnits"];
                commission: components["schemas"]["MinorUnits"];
            };
        };
        /** @description A seller added a variant to a product. */
        VariantCreatedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "variant.created";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                variant_id: string;
                product_id: string;
                sku: string;
                title: string;
                options: {
                    [key: string]: string;
                };
                prices: components["schemas"]["Money"][];
                inventory_quantity: number;
            };
        };
        /** @description A seller deleted a variant. */
        VariantDeletedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "variant.deleted";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                variant_id: string;
                product_id: string;
                sku: string;
                title: string;
            };
        };
        /** @description A seller changed a variant’s SKU, title, options or prices; `changed` names them (stock changes are `inventory.updated`). */
        VariantUpdatedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "variant.updated";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller the event concerns. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                variant_id: string;
                product_id: string;
                sku: string;
                title: string;
                options: {
                    [key: string]: string;
                };
                prices: components["schemas"]["Money"][];
                inventory_quantity: number;
                changed: ("sku" | "title" | "options" | "prices")[];
            };
        };
        /** @description Souk disabled a webhook endpoint whose deliveries kept failing for the disable period (3 days). */
        WebhookEndpointDisabledEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "webhook_endpoint.disabled";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller owning the endpoint; null for an operator endpoint. */
            seller_id: string | null;
            actor: components["schemas"]["Actor"];
            data: {
                endpoint_id: string;
                url: string;
                /** Format: date-time */
                failing_since: string;
                last_error: string | null;
            };
        };
        /** @description A buyer reviewed one of the seller's products. */
        ReviewCreatedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "review.created";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller whose product was reviewed. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                review_id: string;
                product_id: string;
                seller_id: string;
                rating: number;
                title: string;
                order_id: string;
                order_line_id: string;
                product_rating: components["schemas"]["ProductRating"];
            };
        };
        /** @description The operator hid or restored a review of the seller's product. */
        ReviewModeratedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "review.moderated";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller whose product was reviewed. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                review_id: string;
                product_id: string;
                seller_id: string;
                /** @enum {string} */
                action: "hide" | "restore";
                reason: string;
                product_rating: components["schemas"]["ProductRating"];
            };
        };
        /** @description The seller replied to a review. */
        ReviewRepliedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "review.replied";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller whose product was reviewed. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                review_id: string;
                product_id: string;
                seller_id: string;
                reply: string;
                product_rating: components["schemas"]["ProductRating"];
            };
        };
        /** @description The operator published a content document of a theme (marketplace-wide). */
        ContentPublishedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "content.published";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description Always null; content belongs to the marketplace. */
            seller_id: null;
            actor: components["schemas"]["Actor"];
            data: {
                theme: string;
                kind: components["schemas"]["ContentKind"];
                key: string;
                published_version: number;
            };
        };
        /** @description A seller rewrote its storefront page. */
        SellerProfileUpdatedEvent: {
            /** @description Unique event id; consumers use it to drop duplicates (delivery is at least once). */
            id: string;
            /** @constant */
            type: "seller_profile.updated";
            /** @constant */
            version: 1;
            /** Format: date-time */
            occurred_at: string;
            /** @description The seller whose page changed. */
            seller_id: string;
            actor: components["schemas"]["Actor"];
            data: {
                seller_id: string;
            };
        };
    };
    responses: {
        /**
         * @description Over the rate limit of this key (or of this client address when the request carries no key).
         *     Retry after `Retry-After` seconds; `RateLimit` says what is left, `RateLimit-Policy` which quota applies.
         */
        TooManyRequests: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Retry-After": components["headers"]["Retry-After"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request is not valid (wrong types, unknown fields, bad cursor…). */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A dependency is unavailable. */
        ServiceUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The X-Api-Key header is missing, unknown or revoked (`unauthorized`), or the Firebase ID token is
         *     missing (`unauthorized`), expired (`token_expired`), not valid (`token_invalid`), for another project
         *     (`token_wrong_audience`), revoked (`token_revoked`) or its user is disabled (`user_disabled`).
         */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The API key is of the wrong kind for this path. */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is larger than the server accepts. */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not JSON. */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Nothing is found at this address. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request conflicts with the current state of the resource. */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request is well-formed but cannot be carried out. */
        Unprocessable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The payment was not authorized; no order was placed and no stock was reserved. */
        PaymentFailed: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /**
         * @description Full-text search over product title and description, ranked by relevance. The last word also matches the longer words it begins (`chel` finds "Chelsea").
         * @example leather boots
         */
        q: string;
        /**
         * @description A category id or handle. Products of its descendant categories are included.
         * @example footwear
         */
        category: components["schemas"]["IdOrHandle"];
        /**
         * @description A seller id or handle.
         * @example atlas-outfitters
         */
        seller: components["schemas"]["IdOrHandle"];
        /**
         * @description Lowest variant price to include, in minor units of `currency` (inclusive). Requires `currency`.
         * @example 1000
         */
        min_price: components["schemas"]["MinorUnits"];
        /**
         * @description Highest variant price to include, in minor units of `currency` (inclusive). Requires `currency`.
         * @example 5000
         */
        max_price: components["schemas"]["MinorUnits"];
        /**
         * @description ISO 4217 code of the currency to price variants in (`price` of each variant) and to filter or sort by.
         * @example USD
         */
        currency: components["schemas"]["CurrencyCode"];
        /**
         * @description Order of results; without it, `relevance` when `q` is given and `newest` otherwise. `relevance` needs `q` (400 `query_required`); `price_asc`/`price_desc` need `currency` (400 `currency_required`), as do `min_price`/`max_price`, and order by each product's lowest variant price; products with no price in `currency` are left out of price-sorted results. `rating` orders by average review rating, best first (products without reviews last). `min_price` may not exceed `max_price` (400 `validation_failed`).
         * @example price_asc
         */
        sort: "relevance" | "price_asc" | "price_desc" | "newest" | "rating";
        /**
         * @description Page size.
         * @example 20
         */
        limit: number;
        /** @description The `next_cursor` of the previous page, passed back unchanged. It is opaque and only valid with the listing, filters and sort that issued it (400 `invalid_cursor` otherwise), so this contract gives no example. */
        cursor: string;
        /**
         * @description The resource's id or its URL handle.
         * @example trail-runner-boot
         */
        idOrHandle: components["schemas"]["IdOrHandle"];
        /**
         * @description A unique key (a UUID is ideal) that makes retries of this write safe. The same key with the same body replays the first response; with another body it is refused (422).
         * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
         */
        IdempotencyKey: string;
        /**
         * @description The cart's id (`cart_…`), as returned when it was created.
         * @example cart_7Hq2LxR9vTbK4mWzP1sNdE
         */
        cartId: string;
        /**
         * @description The id of a line of this cart (`item_…`).
         * @example item_01JA0B5N2W8R4K6T7M2R8N5B0A
         */
        cartItemId: string;
        /**
         * @description The product's id (`prod_…`).
         * @example prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E
         */
        productId: string;
        /**
         * @description The variant's id (`var_…`).
         * @example var_01J9ZC3YV4Q1XK6T7M2R8N5B0G
         */
        variantId: string;
        /**
         * @description The image's id (`img_…`, from the upload).
         * @example img_3f2a9c0d5b7e4a1f8c6d2e9b0a4f7c31
         */
        imageId: string;
        /**
         * @description Only sellers in this state.
         * @example pending
         */
        sellerStatus: "pending" | "active" | "suspended";
        /**
         * @description The seller's id (`sel_…`).
         * @example sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C
         */
        sellerId: string;
        /**
         * @description The API key's id (`key_…`), never the key itself.
         * @example key_01J9ZC3YV4Q1XK6T7M2R8N5B0K
         */
        keyId: string;
        /**
         * @description A unique key for this checkout attempt (a UUID). Retrying with the same key and body replays the first response — never a second order; the same key with another body is refused (422); while the first request is still running, a duplicate waits and then gets 409.
         * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
         */
        IdempotencyKeyRequired: string;
        /**
         * @description The order's id (`ord_…`).
         * @example ord_01J9ZC3YV4Q1XK6T7M2R8N5B0M
         */
        orderId: string;
        /**
         * @description The `access_token` returned once by checkout. Without it, or with a wrong one, the order is not found (404, the same as an unknown order), so order ids alone reveal nothing.
         * @example ot_4Jq9Zx2LmP0aB7cD1eF3gH5iJ6kL8mN0
         */
        OrderToken: string;
        /**
         * @description Only seller orders in this state.
         * @example open
         */
        sellerOrderStatus: "open" | "partially_fulfilled" | "fulfilled" | "cancelled";
        /**
         * @description The seller order's id (`so_…`).
         * @example so_01J9ZC3YV4Q1XK6T7M2R8N5B0N
         */
        sellerOrderId: string;
        /**
         * @description ISO 4217 code of the currency.
         * @example USD
         */
        currencyPath: components["schemas"]["CurrencyCode"];
        /**
         * @description The webhook endpoint’s id (`whe_…`).
         * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
         */
        endpointId: string;
        /** @description Only deliveries in this status. */
        deliveryStatus: "pending" | "succeeded" | "failed";
        /**
         * @description The delivery’s id (`whd_…`).
         * @example whd_01J9ZC3YV4Q1XK6T7M2R8N5B0X
         */
        deliveryId: string;
        /**
         * @description The saved address's id (`addr_…`).
         * @example addr_01J9ZC3YV4Q1XK6T7M2R8N5B0M
         */
        addressId: string;
        /**
         * @description The staff member's id (`stf_…`).
         * @example stf_01J9ZC3YV4Q1XK6T7M2R8N5B0M
         */
        staffId: string;
        /** @example rev_01J9ZC3YV4Q1XK6T7M2R8N5B0T */
        reviewId: string;
        /** @description Only reviews with this status. */
        reviewStatus: "visible" | "hidden";
        /** @description The storefront theme (`bazaar`, …). */
        theme: string;
        contentKind: components["schemas"]["ContentKind"];
        /** @description The document's key within its kind (`main`, `about`, `shipping-policy`). */
        contentKey: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description What is left of the quota (IETF draft `draft-ietf-httpapi-ratelimit-headers`): the policy name with `r`
         *     (requests that can still be made at once) and `t` (seconds until the whole quota is available again),
         *     for example `"publishable";r=597;t=1`. The budget refills continuously (GCRA), not per fixed window.
         *     For a budget spent several times a second `r` may lag the shared count by up to 250 ms: each API
         *     instance then leases a batch of units and counts from what the budget held at its last lease.
         *     Absent only when the limiter's store could not be reached and the request was let through.
         * @example "publishable";r=597;t=1
         */
        RateLimit: string;
        /**
         * @description The quota policy that applies to this request (IETF draft `draft-ietf-httpapi-ratelimit-headers`):
         *     a structured-field list with one item, the policy name and its parameters `q` (quota units, one per
         *     request) and `w` (window in seconds); `pk` is the partition the budget belongs to, as an opaque string
         *     (for example `"default";q=600;w=60;pk=:cGs6a2V5XzAx:`). Present on every rate-limited operation.
         * @example "publishable";q=600;w=60
         */
        "RateLimit-Policy": string;
        /** @description Identifier of this request, echoed from a well-formed incoming `X-Request-Id` or generated. It appears on every log line the request produced. */
        "X-Request-Id": string;
        /** @description `true` when this response is the stored response of an earlier request with the same `Idempotency-Key`; absent otherwise. */
        "Idempotent-Replayed": "true";
        /**
         * @description Seconds to wait before the refused request would be allowed.
         * @example 3
         */
        "Retry-After": number;
    };
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    getReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve traffic. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            400: components["responses"]["BadRequest"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bundled OpenAPI document. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        openapi: string;
                        info: {
                            [key: string]: unknown;
                        };
                        paths: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    getApiDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The API reference page. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["BadRequest"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getApiDocsScript: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Redoc standalone bundle (an ES module). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    /** @description Cacheable for a day; the page pins the bundle's hash (`integrity`) anyway. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            400: components["responses"]["BadRequest"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listStoreProducts: {
        parameters: {
            query?: {
                /**
                 * @description Full-text search over product title and description, ranked by relevance. The last word also matches the longer words it begins (`chel` finds "Chelsea").
                 * @example leather boots
                 */
                q?: components["parameters"]["q"];
                /**
                 * @description A category id or handle. Products of its descendant categories are included.
                 * @example footwear
                 */
                category?: components["parameters"]["category"];
                /**
                 * @description A seller id or handle.
                 * @example atlas-outfitters
                 */
                seller?: components["parameters"]["seller"];
                /**
                 * @description Lowest variant price to include, in minor units of `currency` (inclusive). Requires `currency`.
                 * @example 1000
                 */
                min_price?: components["parameters"]["min_price"];
                /**
                 * @description Highest variant price to include, in minor units of `currency` (inclusive). Requires `currency`.
                 * @example 5000
                 */
                max_price?: components["parameters"]["max_price"];
                /**
                 * @description ISO 4217 code of the currency to price variants in (`price` of each variant) and to filter or sort by.
                 * @example USD
                 */
                currency?: components["parameters"]["currency"];
                /**
                 * @description Order of results; without it, `relevance` when `q` is given and `newest` otherwise. `relevance` needs `q` (400 `query_required`); `price_asc`/`price_desc` need `currency` (400 `currency_required`), as do `min_price`/`max_price`, and order by each product's lowest variant price; products with no price in `currency` are left out of price-sorted results. `rating` orders by average review rating, best first (products without reviews last). `min_price` may not exceed `max_price` (400 `validation_failed`).
                 * @example price_asc
                 */
                sort?: components["parameters"]["sort"];
                /**
                 * @description Page size.
                 * @example 20
                 */
                limit?: components["parameters"]["limit"];
                /** @description The `next_cursor` of the previous page, passed back unchanged. It is opaque and only valid with the listing, filters and sort that issued it (400 `invalid_cursor` otherwise), so this contract gives no example. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of products. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    searchStoreProducts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductSearch"];
            };
        };
        responses: {
            /** @description A page of products. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getStoreProduct: {
        parameters: {
            query?: {
                /**
                 * @description ISO 4217 code of the currency to price variants in (`price` of each variant) and to filter or sort by.
                 * @example USD
                 */
                currency?: components["parameters"]["currency"];
            };
            header?: never;
            path: {
                /**
                 * @description The resource's id or its URL handle.
                 * @example trail-runner-boot
                 */
                idOrHandle: components["parameters"]["idOrHandle"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listStoreCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description All categories. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getStoreSeller: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The resource's id or its URL handle.
                 * @example trail-runner-boot
                 */
                idOrHandle: components["parameters"]["idOrHandle"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The seller. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Seller"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createStoreCart: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is ideal) that makes retries of this write safe. The same key with the same body replays the first response; with another body it is refused (422).
                 * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CartCreate"];
            };
        };
        responses: {
            /** @description The new cart. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getStoreCart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The cart's id (`cart_…`), as returned when it was created.
                 * @example cart_7Hq2LxR9vTbK4mWzP1sNdE
                 */
                cartId: components["parameters"]["cartId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cart. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateStoreCart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The cart's id (`cart_…`), as returned when it was created.
                 * @example cart_7Hq2LxR9vTbK4mWzP1sNdE
                 */
                cartId: components["parameters"]["cartId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CartUpdate"];
            };
        };
        responses: {
            /** @description The updated cart. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    addStoreCartItem: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is ideal) that makes retries of this write safe. The same key with the same body replays the first response; with another body it is refused (422).
                 * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The cart's id (`cart_…`), as returned when it was created.
                 * @example cart_7Hq2LxR9vTbK4mWzP1sNdE
                 */
                cartId: components["parameters"]["cartId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CartItemAdd"];
            };
        };
        responses: {
            /** @description The cart with the line added or merged. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    removeStoreCartItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The cart's id (`cart_…`), as returned when it was created.
                 * @example cart_7Hq2LxR9vTbK4mWzP1sNdE
                 */
                cartId: components["parameters"]["cartId"];
                /**
                 * @description The id of a line of this cart (`item_…`).
                 * @example item_01JA0B5N2W8R4K6T7M2R8N5B0A
                 */
                itemId: components["parameters"]["cartItemId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cart without the line. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateStoreCartItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The cart's id (`cart_…`), as returned when it was created.
                 * @example cart_7Hq2LxR9vTbK4mWzP1sNdE
                 */
                cartId: components["parameters"]["cartId"];
                /**
                 * @description The id of a line of this cart (`item_…`).
                 * @example item_01JA0B5N2W8R4K6T7M2R8N5B0A
                 */
                itemId: components["parameters"]["cartItemId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CartItemUpdate"];
            };
        };
        responses: {
            /** @description The cart with the new quantity. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSellerProducts: {
        parameters: {
            query?: {
                /**
                 * @description Only products in this status.
                 * @example draft
                 */
                status?: "draft" | "published";
                /**
                 * @description Page size.
                 * @example 20
                 */
                limit?: components["parameters"]["limit"];
                /** @description The `next_cursor` of the previous page, passed back unchanged. It is opaque and only valid with the listing, filters and sort that issued it (400 `invalid_cursor` otherwise), so this contract gives no example. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the seller's products. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellerProductList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createSellerProduct: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is ideal) that makes retries of this write safe. The same key with the same body replays the first response; with another body it is refused (422).
                 * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellerProductCreate"];
            };
        };
        responses: {
            /** @description The new product. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellerProduct"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSellerProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The product's id (`prod_…`).
                 * @example prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E
                 */
                productId: components["parameters"]["productId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellerProduct"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteSellerProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The product's id (`prod_…`).
                 * @example prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E
                 */
                productId: components["parameters"]["productId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateSellerProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The product's id (`prod_…`).
                 * @example prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E
                 */
                productId: components["parameters"]["productId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellerProductUpdate"];
            };
        };
        responses: {
            /** @description The updated product. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellerProduct"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    publishSellerProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The product's id (`prod_…`).
                 * @example prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E
                 */
                productId: components["parameters"]["productId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product, now `published`. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellerProduct"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    unpublishSellerProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The product's id (`prod_…`).
                 * @example prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E
                 */
                productId: components["parameters"]["productId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product, now `draft`. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellerProduct"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createSellerVariant: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is ideal) that makes retries of this write safe. The same key with the same body replays the first response; with another body it is refused (422).
                 * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The product's id (`prod_…`).
                 * @example prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E
                 */
                productId: components["parameters"]["productId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellerVariantCreate"];
            };
        };
        responses: {
            /** @description The product with its new variant. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellerProduct"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteSellerVariant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The product's id (`prod_…`).
                 * @example prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E
                 */
                productId: components["parameters"]["productId"];
                /**
                 * @description The variant's id (`var_…`).
                 * @example var_01J9ZC3YV4Q1XK6T7M2R8N5B0G
                 */
                variantId: components["parameters"]["variantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateSellerVariant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The product's id (`prod_…`).
                 * @example prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E
                 */
                productId: components["parameters"]["productId"];
                /**
                 * @description The variant's id (`var_…`).
                 * @example var_01J9ZC3YV4Q1XK6T7M2R8N5B0G
                 */
                variantId: components["parameters"]["variantId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellerVariantUpdate"];
            };
        };
        responses: {
            /** @description The product with the updated variant. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellerProduct"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSellerProductImages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The product's id (`prod_…`).
                 * @example prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E
                 */
                productId: components["parameters"]["productId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The images. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "img_0f8c2a3b4d5e6f708192a3b4c5d6e7f8",
                     *           "url": "https://cdn.example.com/media/products/prod_01JDX3M5Q8Z4K7P2R9T6V0W1Y3/0f8c2a3b4d5e6f708192a3b4c5d6e7f8.webp",
                     *           "alt": "Merino crew sweater in navy",
                     *           "width": 3,
                     *           "height": 3
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ImageList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    uploadSellerProductImage: {
        parameters: {
            query?: {
                /** @description Alt text of the image (default — the product's title). */
                alt?: string;
            };
            header?: {
                /**
                 * @description A unique key (a UUID is ideal) that makes retries of this write safe. The same key with the same body replays the first response; with another body it is refused (422).
                 * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The product's id (`prod_…`).
                 * @example prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E
                 */
                productId: components["parameters"]["productId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
                "image/avif": string;
                "image/gif": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The uploaded image. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "img_0f8c2a3b4d5e6f708192a3b4c5d6e7f8",
                     *       "url": "https://cdn.example.com/media/products/prod_01JDX3M5Q8Z4K7P2R9T6V0W1Y3/0f8c2a3b4d5e6f708192a3b4c5d6e7f8.webp",
                     *       "alt": "Merino crew sweater in navy",
                     *       "width": 3,
                     *       "height": 3
                     *     }
                     */
                    "application/json": components["schemas"]["SellerImage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    reorderSellerProductImages: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The product's id (`prod_…`).
                 * @example prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E
                 */
                productId: components["parameters"]["productId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImageOrder"];
            };
        };
        responses: {
            /** @description The images in their new order. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "img_0f8c2a3b4d5e6f708192a3b4c5d6e7f8",
                     *           "url": "https://cdn.example.com/media/products/prod_01JDX3M5Q8Z4K7P2R9T6V0W1Y3/0f8c2a3b4d5e6f708192a3b4c5d6e7f8.webp",
                     *           "alt": "Merino crew sweater in navy",
                     *           "width": 3,
                     *           "height": 3
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ImageList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteSellerProductImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The product's id (`prod_…`).
                 * @example prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E
                 */
                productId: components["parameters"]["productId"];
                /**
                 * @description The image's id (`img_…`, from the upload).
                 * @example img_3f2a9c0d5b7e4a1f8c6d2e9b0a4f7c31
                 */
                imageId: components["parameters"]["imageId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateSellerProductImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The product's id (`prod_…`).
                 * @example prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E
                 */
                productId: components["parameters"]["productId"];
                /**
                 * @description The image's id (`img_…`, from the upload).
                 * @example img_3f2a9c0d5b7e4a1f8c6d2e9b0a4f7c31
                 */
                imageId: components["parameters"]["imageId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImageUpdate"];
            };
        };
        responses: {
            /** @description The image. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "img_0f8c2a3b4d5e6f708192a3b4c5d6e7f8",
                     *       "url": "https://cdn.example.com/media/products/prod_01JDX3M5Q8Z4K7P2R9T6V0W1Y3/0f8c2a3b4d5e6f708192a3b4c5d6e7f8.webp",
                     *       "alt": "Merino crew sweater in navy",
                     *       "width": 3,
                     *       "height": 3
                     *     }
                     */
                    "application/json": components["schemas"]["SellerImage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getMediaImage: {
        parameters: {
            query?: {
                /** @description Width of the variant, in pixels. */
                w?: 160 | 320 | 480 | 640 | 960 | 1280 | 1600;
                /** @description Expiry of a preview URL, in unix seconds (with `sig`; see Previews). */
                exp?: number;
                /** @description Signature of a preview URL (with `exp`; see Previews). */
                sig?: string;
            };
            header?: never;
            path: {
                productId: string;
                /** @description `<hash>.webp`, as in the image's `url`. */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image, as WebP. */
            200: {
                headers: {
                    /** @description `public, max-age=31536000, immutable`; a preview: `private, max-age=<seconds until exp>`. */
                    "Cache-Control"?: string;
                    ETag?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example example */
                    "image/webp": string;
                };
            };
            /** @description Not modified (the `If-None-Match` tag matches). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            /** @description A preview URL whose signature does not match or has expired (`preview_url_invalid`). */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "https://docs.souk.dev/problems/preview_url_invalid",
                     *       "title": "Preview URL invalid",
                     *       "status": 403,
                     *       "detail": "The preview URL does not match or has expired.",
                     *       "code": "preview_url_invalid",
                     *       "request_id": "0f5c2a4e-6a57-4a8e-9c1d-2f4b8e6d7a10"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            404: components["responses"]["NotFound"];
        };
    };
    updateSellerInventory: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is ideal) that makes retries of this write safe. The same key with the same body replays the first response; with another body it is refused (422).
                 * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InventoryUpdate"];
            };
        };
        responses: {
            /** @description The stock of each variant of the request after the update. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryUpdateResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAdminSellers: {
        parameters: {
            query?: {
                /**
                 * @description Only sellers in this state.
                 * @example pending
                 */
                status?: components["parameters"]["sellerStatus"];
                /**
                 * @description Page size.
                 * @example 20
                 */
                limit?: components["parameters"]["limit"];
                /** @description The `next_cursor` of the previous page, passed back unchanged. It is opaque and only valid with the listing, filters and sort that issued it (400 `invalid_cursor` otherwise), so this contract gives no example. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List sellers. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminSellerList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createAdminSeller: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is ideal) that makes retries of this write safe. The same key with the same body replays the first response; with another body it is refused (422).
                 * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellerCreate"];
            };
        };
        responses: {
            /** @description Onboard a seller. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminSeller"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAdminSeller: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The seller's id (`sel_…`).
                 * @example sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C
                 */
                sellerId: components["parameters"]["sellerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Get a seller. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminSeller"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    approveAdminSeller: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The seller's id (`sel_…`).
                 * @example sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C
                 */
                sellerId: components["parameters"]["sellerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Approve a seller. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminSeller"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    suspendAdminSeller: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The seller's id (`sel_…`).
                 * @example sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C
                 */
                sellerId: components["parameters"]["sellerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Suspend a seller. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminSeller"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    reactivateAdminSeller: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The seller's id (`sel_…`).
                 * @example sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C
                 */
                sellerId: components["parameters"]["sellerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reactivate a seller. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminSeller"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    setAdminSellerCommission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The seller's id (`sel_…`).
                 * @example sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C
                 */
                sellerId: components["parameters"]["sellerId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommissionUpdate"];
            };
        };
        responses: {
            /** @description Set a seller’s commission. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminSeller"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAdminSellerQuota: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The seller's id (`sel_…`).
                 * @example sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C
                 */
                sellerId: components["parameters"]["sellerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The seller's quota. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellerQuota"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    setAdminSellerQuota: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The seller's id (`sel_…`).
                 * @example sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C
                 */
                sellerId: components["parameters"]["sellerId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellerQuotaUpdate"];
            };
        };
        responses: {
            /** @description The seller's quota, as now in force. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellerQuota"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAdminSellerKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The seller's id (`sel_…`).
                 * @example sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C
                 */
                sellerId: components["parameters"]["sellerId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List a seller’s keys. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createAdminSellerKey: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is ideal) that makes retries of this write safe. The same key with the same body replays the first response; with another body it is refused (422).
                 * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The seller's id (`sel_…`).
                 * @example sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C
                 */
                sellerId: components["parameters"]["sellerId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreate"];
            };
        };
        responses: {
            /** @description Create a seller key. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAdminPublishableKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List publishable keys. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createAdminPublishableKey: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is ideal) that makes retries of this write safe. The same key with the same body replays the first response; with another body it is refused (422).
                 * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreate"];
            };
        };
        responses: {
            /** @description Create a publishable key. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    revokeAdminKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The API key's id (`key_…`), never the key itself.
                 * @example key_01J9ZC3YV4Q1XK6T7M2R8N5B0K
                 */
                keyId: components["parameters"]["keyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoke a key. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAdminSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Get marketplace settings. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketplaceSettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateAdminSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarketplaceSettings"];
            };
        };
        responses: {
            /** @description Update marketplace settings. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarketplaceSettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    checkoutStoreCart: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description A unique key for this checkout attempt (a UUID). Retrying with the same key and body replays the first response — never a second order; the same key with another body is refused (422); while the first request is still running, a duplicate waits and then gets 409.
                 * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
                 */
                "Idempotency-Key": components["parameters"]["IdempotencyKeyRequired"];
            };
            path: {
                /**
                 * @description The cart's id (`cart_…`), as returned when it was created.
                 * @example cart_7Hq2LxR9vTbK4mWzP1sNdE
                 */
                cartId: components["parameters"]["cartId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckoutRequest"];
            };
        };
        responses: {
            /** @description Check out a cart. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentFailed"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getStoreOrder: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `access_token` returned once by checkout. Without it, or with a wrong one, the order is not found (404, the same as an unknown order), so order ids alone reveal nothing.
                 * @example ot_4Jq9Zx2LmP0aB7cD1eF3gH5iJ6kL8mN0
                 */
                "X-Order-Token"?: components["parameters"]["OrderToken"];
            };
            path: {
                /**
                 * @description The order's id (`ord_…`).
                 * @example ord_01J9ZC3YV4Q1XK6T7M2R8N5B0M
                 */
                orderId: components["parameters"]["orderId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Get an order (buyer). */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSellerOrders: {
        parameters: {
            query?: {
                /**
                 * @description Only seller orders in this state.
                 * @example open
                 */
                status?: components["parameters"]["sellerOrderStatus"];
                /**
                 * @description Page size.
                 * @example 20
                 */
                limit?: components["parameters"]["limit"];
                /** @description The `next_cursor` of the previous page, passed back unchanged. It is opaque and only valid with the listing, filters and sort that issued it (400 `invalid_cursor` otherwise), so this contract gives no example. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List my seller orders. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellerOrderList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSellerOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The seller order's id (`so_…`).
                 * @example so_01J9ZC3YV4Q1XK6T7M2R8N5B0N
                 */
                sellerOrderId: components["parameters"]["sellerOrderId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Get one of my seller orders. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellerOrder"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createSellerOrderFulfillment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is ideal) that makes retries of this write safe. The same key with the same body replays the first response; with another body it is refused (422).
                 * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The seller order's id (`so_…`).
                 * @example so_01J9ZC3YV4Q1XK6T7M2R8N5B0N
                 */
                sellerOrderId: components["parameters"]["sellerOrderId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FulfillmentCreate"];
            };
        };
        responses: {
            /** @description Ship (part of) a seller order. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellerOrder"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    cancelSellerOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The seller order's id (`so_…`).
                 * @example so_01J9ZC3YV4Q1XK6T7M2R8N5B0N
                 */
                sellerOrderId: components["parameters"]["sellerOrderId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancel a seller order. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellerOrder"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSellerBalance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Get my balance. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Balance"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSellerPayouts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List my payouts. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAdminOrders: {
        parameters: {
            query?: {
                /**
                 * @description Page size.
                 * @example 20
                 */
                limit?: components["parameters"]["limit"];
                /** @description The `next_cursor` of the previous page, passed back unchanged. It is opaque and only valid with the listing, filters and sort that issued it (400 `invalid_cursor` otherwise), so this contract gives no example. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List all orders. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    runAdminPayouts: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is ideal) that makes retries of this write safe. The same key with the same body replays the first response; with another body it is refused (422).
                 * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Run payouts. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSellerShippingRates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List my shipping rates. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShippingRateList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    setSellerShippingRate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description ISO 4217 code of the currency.
                 * @example USD
                 */
                currency: components["parameters"]["currencyPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShippingRateSet"];
            };
        };
        responses: {
            /** @description Set my shipping rate in a currency. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Money"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSellerWebhookEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints, oldest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createSellerWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is ideal) that makes retries of this write safe. The same key with the same body replays the first response; with another body it is refused (422).
                 * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointCreate"];
            };
        };
        responses: {
            /** @description The endpoint and its signing secret. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getSellerWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteSellerWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateSellerWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointUpdate"];
            };
        };
        responses: {
            /** @description The endpoint. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    rotateSellerWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is ideal) that makes retries of this write safe. The same key with the same body replays the first response; with another body it is refused (422).
                 * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WebhookSecretRotate"];
            };
        };
        responses: {
            /** @description The endpoint and its new secret. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSellerWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Only deliveries in this status. */
                status?: components["parameters"]["deliveryStatus"];
                /**
                 * @description Page size.
                 * @example 20
                 */
                limit?: components["parameters"]["limit"];
                /** @description The `next_cursor` of the previous page, passed back unchanged. It is opaque and only valid with the listing, filters and sort that issued it (400 `invalid_cursor` otherwise), so this contract gives no example. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    redeliverSellerWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
                /**
                 * @description The delivery’s id (`whd_…`).
                 * @example whd_01J9ZC3YV4Q1XK6T7M2R8N5B0X
                 */
                deliveryId: components["parameters"]["deliveryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery, queued. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    replaySellerWebhookEvents: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is ideal) that makes retries of this write safe. The same key with the same body replays the first response; with another body it is refused (422).
                 * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookReplay"];
            };
        };
        responses: {
            /** @description How many deliveries were queued. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReplayResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAdminWebhookEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints, oldest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createAdminWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is ideal) that makes retries of this write safe. The same key with the same body replays the first response; with another body it is refused (422).
                 * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointCreate"];
            };
        };
        responses: {
            /** @description The endpoint and its signing secret. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getAdminWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteAdminWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateAdminWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointUpdate"];
            };
        };
        responses: {
            /** @description The endpoint. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    rotateAdminWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is ideal) that makes retries of this write safe. The same key with the same body replays the first response; with another body it is refused (422).
                 * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WebhookSecretRotate"];
            };
        };
        responses: {
            /** @description The endpoint and its new secret. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listAdminWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Only deliveries in this status. */
                status?: components["parameters"]["deliveryStatus"];
                /**
                 * @description Page size.
                 * @example 20
                 */
                limit?: components["parameters"]["limit"];
                /** @description The `next_cursor` of the previous page, passed back unchanged. It is opaque and only valid with the listing, filters and sort that issued it (400 `invalid_cursor` otherwise), so this contract gives no example. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    redeliverAdminWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
                /**
                 * @description The delivery’s id (`whd_…`).
                 * @example whd_01J9ZC3YV4Q1XK6T7M2R8N5B0X
                 */
                deliveryId: components["parameters"]["deliveryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery, queued. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    replayAdminWebhookEvents: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key (a UUID is ideal) that makes retries of this write safe. The same key with the same body replays the first response; with another body it is refused (422).
                 * @example 5f2b7c9e-8f57-4c1e-9d0a-6a1f0e2b3c4d
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The webhook endpoint’s id (`whe_…`).
                 * @example whe_01J9ZC3YV4Q1XK6T7M2R8N5B0W
                 */
                endpointId: components["parameters"]["endpointId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookReplay"];
            };
        };
        responses: {
            /** @description How many deliveries were queued. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReplayResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["Unprocessable"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getStoreCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My account. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateStoreCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerUpdate"];
            };
        };
        responses: {
            /** @description My account. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Customer"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listStoreCustomerAddresses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My saved addresses. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerAddressList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createStoreCustomerAddress: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerAddressCreate"];
            };
        };
        responses: {
            /** @description The saved address. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerAddress"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    deleteStoreCustomerAddress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The saved address's id (`addr_…`).
                 * @example addr_01J9ZC3YV4Q1XK6T7M2R8N5B0M
                 */
                addressId: components["parameters"]["addressId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    updateStoreCustomerAddress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The saved address's id (`addr_…`).
                 * @example addr_01J9ZC3YV4Q1XK6T7M2R8N5B0M
                 */
                addressId: components["parameters"]["addressId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerAddressUpdate"];
            };
        };
        responses: {
            /** @description The changed address. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerAddress"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listStoreCustomerOrders: {
        parameters: {
            query?: {
                /**
                 * @description Page size.
                 * @example 20
                 */
                limit?: components["parameters"]["limit"];
                /** @description The `next_cursor` of the previous page, passed back unchanged. It is opaque and only valid with the listing, filters and sort that issued it (400 `invalid_cursor` otherwise), so this contract gives no example. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My orders. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getStoreCustomerOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The order's id (`ord_…`).
                 * @example ord_01J9ZC3YV4Q1XK6T7M2R8N5B0M
                 */
                orderId: components["parameters"]["orderId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    claimStoreCustomerOrders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The orders claimed by this call. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderClaimResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    getStoreCustomerCart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cart. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    attachStoreCustomerCart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerCartAttach"];
            };
        };
        responses: {
            /** @description The customer's cart and what signing in did to it. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerCart"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createStoreCustomerSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerSessionCreate"];
            };
        };
        responses: {
            /** @description The session. Shown once. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerSession"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    revokeStoreCustomerSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out everywhere. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSellerStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The seller's staff. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMemberList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    inviteSellerStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffInvite"];
            };
        };
        responses: {
            /** @description The invitation. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMember"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    removeSellerStaff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The staff member's id (`stf_…`).
                 * @example stf_01J9ZC3YV4Q1XK6T7M2R8N5B0M
                 */
                staffId: components["parameters"]["staffId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listStoreProductReviews: {
        parameters: {
            query?: {
                /**
                 * @description Page size.
                 * @example 20
                 */
                limit?: components["parameters"]["limit"];
                /** @description The `next_cursor` of the previous page, passed back unchanged. It is opaque and only valid with the listing, filters and sort that issued it (400 `invalid_cursor` otherwise), so this contract gives no example. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path: {
                /**
                 * @description The resource's id or its URL handle.
                 * @example trail-runner-boot
                 */
                idOrHandle: components["parameters"]["idOrHandle"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reviews and the rating aggregate. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "rev_01J9ZC3YV4Q1XK6T7M2R8N5B0T",
                     *           "product_id": "prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E",
                     *           "seller_id": "sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C",
                     *           "rating": 4,
                     *           "title": "Comfortable from day one",
                     *           "body": "Wore them on a 20 km hike without a blister.",
                     *           "attributes": {
                     *             "fit": "true to size",
                     *             "size_bought": "42"
                     *           },
                     *           "author_name": "Erika M.",
                     *           "verified_purchase": true,
                     *           "status": "visible",
                     *           "reply": {
                     *             "body": "Fits true to size; the wool is soft and does not itch.",
                     *             "created_at": "2026-12-01T10:00:00Z"
                     *           },
                     *           "moderation": {
                     *             "action": "hide",
                     *             "reason": "Personal data in the text",
                     *             "at": "2026-12-01T10:00:00Z"
                     *           },
                     *           "report_count": 3,
                     *           "created_at": "2026-12-01T10:00:00Z"
                     *         }
                     *       ],
                     *       "next_cursor": "example",
                     *       "rating": {
                     *         "average": 4.33,
                     *         "count": 3,
                     *         "distribution": {
                     *           "1": 0,
                     *           "2": 0,
                     *           "3": 0,
                     *           "4": 2,
                     *           "5": 1
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ReviewList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    createStoreReview: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `access_token` returned once by checkout. Without it, or with a wrong one, the order is not found (404, the same as an unknown order), so order ids alone reveal nothing.
                 * @example ot_4Jq9Zx2LmP0aB7cD1eF3gH5iJ6kL8mN0
                 */
                "X-Order-Token"?: components["parameters"]["OrderToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewCreate"];
            };
        };
        responses: {
            /** @description The review, visible at once. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "rev_01J9ZC3YV4Q1XK6T7M2R8N5B0T",
                     *       "product_id": "prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E",
                     *       "seller_id": "sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C",
                     *       "rating": 4,
                     *       "title": "Comfortable from day one",
                     *       "body": "Wore them on a 20 km hike without a blister.",
                     *       "attributes": {
                     *         "fit": "true to size",
                     *         "size_bought": "42"
                     *       },
                     *       "author_name": "Erika M.",
                     *       "verified_purchase": true,
                     *       "status": "visible",
                     *       "reply": {
                     *         "body": "Fits true to size; the wool is soft and does not itch.",
                     *         "created_at": "2026-12-01T10:00:00Z"
                     *       },
                     *       "moderation": {
                     *         "action": "hide",
                     *         "reason": "Personal data in the text",
                     *         "at": "2026-12-01T10:00:00Z"
                     *       },
                     *       "report_count": 3,
                     *       "created_at": "2026-12-01T10:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Review"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    reportStoreReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example rev_01J9ZC3YV4Q1XK6T7M2R8N5B0T */
                reviewId: components["parameters"]["reviewId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewReport"];
            };
        };
        responses: {
            /** @description Recorded. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    listSellerReviews: {
        parameters: {
            query?: {
                /** @description Only reviews with this status. */
                status?: components["parameters"]["reviewStatus"];
                /**
                 * @description Page size.
                 * @example 20
                 */
                limit?: components["parameters"]["limit"];
                /** @description The `next_cursor` of the previous page, passed back unchanged. It is opaque and only valid with the listing, filters and sort that issued it (400 `invalid_cursor` otherwise), so this contract gives no example. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reviews and the seller's rating. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "rev_01J9ZC3YV4Q1XK6T7M2R8N5B0T",
                     *           "product_id": "prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E",
                     *           "seller_id": "sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C",
                     *           "rating": 4,
                     *           "title": "Comfortable from day one",
                     *           "body": "Wore them on a 20 km hike without a blister.",
                     *           "attributes": {
                     *             "fit": "true to size",
                     *             "size_bought": "42"
                     *           },
                     *           "author_name": "Erika M.",
                     *           "verified_purchase": true,
                     *           "status": "visible",
                     *           "reply": {
                     *             "body": "Fits true to size; the wool is soft and does not itch.",
                     *             "created_at": "2026-12-01T10:00:00Z"
                     *           },
                     *           "moderation": {
                     *             "action": "hide",
                     *             "reason": "Personal data in the text",
                     *             "at": "2026-12-01T10:00:00Z"
                     *           },
                     *           "report_count": 3,
                     *           "created_at": "2026-12-01T10:00:00Z"
                     *         }
                     *       ],
                     *       "next_cursor": "example",
                     *       "rating": {
                     *         "average": 4.33,
                     *         "count": 3,
                     *         "distribution": {
                     *           "1": 0,
                     *           "2": 0,
                     *           "3": 0,
                     *           "4": 2,
                     *           "5": 1
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ReviewList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    replySellerReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example rev_01J9ZC3YV4Q1XK6T7M2R8N5B0T */
                reviewId: components["parameters"]["reviewId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewReply"];
            };
        };
        responses: {
            /** @description The review with its reply. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "rev_01J9ZC3YV4Q1XK6T7M2R8N5B0T",
                     *       "product_id": "prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E",
                     *       "seller_id": "sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C",
                     *       "rating": 4,
                     *       "title": "Comfortable from day one",
                     *       "body": "Wore them on a 20 km hike without a blister.",
                     *       "attributes": {
                     *         "fit": "true to size",
                     *         "size_bought": "42"
                     *       },
                     *       "author_name": "Erika M.",
                     *       "verified_purchase": true,
                     *       "status": "visible",
                     *       "reply": {
                     *         "body": "Fits true to size; the wool is soft and does not itch.",
                     *         "created_at": "2026-12-01T10:00:00Z"
                     *       },
                     *       "moderation": {
                     *         "action": "hide",
                     *         "reason": "Personal data in the text",
                     *         "at": "2026-12-01T10:00:00Z"
                     *       },
                     *       "report_count": 3,
                     *       "created_at": "2026-12-01T10:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Review"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAdminReviews: {
        parameters: {
            query?: {
                /** @description Only reviews with this status. */
                status?: components["parameters"]["reviewStatus"];
                /**
                 * @description Page size.
                 * @example 20
                 */
                limit?: components["parameters"]["limit"];
                /** @description The `next_cursor` of the previous page, passed back unchanged. It is opaque and only valid with the listing, filters and sort that issued it (400 `invalid_cursor` otherwise), so this contract gives no example. */
                cursor?: components["parameters"]["cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reviews. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "rev_01J9ZC3YV4Q1XK6T7M2R8N5B0T",
                     *           "product_id": "prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E",
                     *           "seller_id": "sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C",
                     *           "rating": 4,
                     *           "title": "Comfortable from day one",
                     *           "body": "Wore them on a 20 km hike without a blister.",
                     *           "attributes": {
                     *             "fit": "true to size",
                     *             "size_bought": "42"
                     *           },
                     *           "author_name": "Erika M.",
                     *           "verified_purchase": true,
                     *           "status": "visible",
                     *           "reply": {
                     *             "body": "Fits true to size; the wool is soft and does not itch.",
                     *             "created_at": "2026-12-01T10:00:00Z"
                     *           },
                     *           "moderation": {
                     *             "action": "hide",
                     *             "reason": "Personal data in the text",
                     *             "at": "2026-12-01T10:00:00Z"
                     *           },
                     *           "report_count": 3,
                     *           "created_at": "2026-12-01T10:00:00Z"
                     *         }
                     *       ],
                     *       "next_cursor": "example",
                     *       "rating": {
                     *         "average": 4.33,
                     *         "count": 3,
                     *         "distribution": {
                     *           "1": 0,
                     *           "2": 0,
                     *           "3": 0,
                     *           "4": 2,
                     *           "5": 1
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ReviewList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    moderateAdminReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example rev_01J9ZC3YV4Q1XK6T7M2R8N5B0T */
                reviewId: components["parameters"]["reviewId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewModeration"];
            };
        };
        responses: {
            /** @description The review after moderation. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "rev_01J9ZC3YV4Q1XK6T7M2R8N5B0T",
                     *       "product_id": "prod_01J9ZC3YV4Q1XK6T7M2R8N5B0E",
                     *       "seller_id": "sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C",
                     *       "rating": 4,
                     *       "title": "Comfortable from day one",
                     *       "body": "Wore them on a 20 km hike without a blister.",
                     *       "attributes": {
                     *         "fit": "true to size",
                     *         "size_bought": "42"
                     *       },
                     *       "author_name": "Erika M.",
                     *       "verified_purchase": true,
                     *       "status": "visible",
                     *       "reply": {
                     *         "body": "Fits true to size; the wool is soft and does not itch.",
                     *         "created_at": "2026-12-01T10:00:00Z"
                     *       },
                     *       "moderation": {
                     *         "action": "hide",
                     *         "reason": "Personal data in the text",
                     *         "at": "2026-12-01T10:00:00Z"
                     *       },
                     *       "report_count": 3,
                     *       "created_at": "2026-12-01T10:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Review"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getStoreContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The storefront theme (`bazaar`, …). */
                theme: components["parameters"]["theme"];
                kind: components["parameters"]["contentKind"];
                /** @description The document's key within its kind (`main`, `about`, `shipping-policy`). */
                key: components["parameters"]["contentKey"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The published content. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "theme": "bazaar",
                     *       "kind": "home",
                     *       "key": "home",
                     *       "data": {
                     *         "sections": [
                     *           {
                     *             "type": "hero",
                     *             "title": "Soft and warm",
                     *             "text": "example",
                     *             "image_url": "https://cdn.example.com/media/products/prod_01JDX3M5Q8Z4K7P2R9T6V0W1Y3/0f8c2a3b4d5e6f708192a3b4c5d6e7f8.webp",
                     *             "href": "example",
                     *             "banner_key": "home",
                     *             "query": {
                     *               "category": "example",
                     *               "seller": "example",
                     *               "sort": "newest",
                     *               "limit": 3
                     *             }
                     *           }
                     *         ]
                     *       },
                     *       "published_at": "2026-12-01T10:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["StoreContent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getStoreSellerPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The resource's id or its URL handle.
                 * @example trail-runner-boot
                 */
                idOrHandle: components["parameters"]["idOrHandle"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The seller's page. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "seller": {
                     *         "id": "sel_01J9ZC3YV4Q1XK6T7M2R8N5B0C",
                     *         "handle": "atlas-outfitters",
                     *         "name": "Atlas Outfitters",
                     *         "description": "example",
                     *         "status": "pending",
                     *         "created_at": "2026-12-01T10:00:00Z"
                     *       },
                     *       "profile": {
                     *         "story": "Outdoor clothing made to last, from a family workshop.",
                     *         "policies": {
                     *           "shipping": "example",
                     *           "returns": "example",
                     *           "warranty": "example"
                     *         },
                     *         "links": [
                     *           {
                     *             "label": "example",
                     *             "url": "https://cdn.example.com/media/products/prod_01JDX3M5Q8Z4K7P2R9T6V0W1Y3/0f8c2a3b4d5e6f708192a3b4c5d6e7f8.webp"
                     *           }
                     *         ]
                     *       },
                     *       "rating": {
                     *         "average": 4.33,
                     *         "count": 3,
                     *         "distribution": {
                     *           "1": 0,
                     *           "2": 0,
                     *           "3": 0,
                     *           "4": 2,
                     *           "5": 1
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SellerPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getSellerProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "story": "Outdoor clothing made to last, from a family workshop.",
                     *       "policies": {
                     *         "shipping": "example",
                     *         "returns": "example",
                     *         "warranty": "example"
                     *       },
                     *       "links": [
                     *         {
                     *           "label": "example",
                     *           "url": "https://cdn.example.com/media/products/prod_01JDX3M5Q8Z4K7P2R9T6V0W1Y3/0f8c2a3b4d5e6f708192a3b4c5d6e7f8.webp"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SellerProfile"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateSellerProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellerProfile"];
            };
        };
        responses: {
            /** @description The profile as saved. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "story": "Outdoor clothing made to last, from a family workshop.",
                     *       "policies": {
                     *         "shipping": "example",
                     *         "returns": "example",
                     *         "warranty": "example"
                     *       },
                     *       "links": [
                     *         {
                     *           "label": "example",
                     *           "url": "https://cdn.example.com/media/products/prod_01JDX3M5Q8Z4K7P2R9T6V0W1Y3/0f8c2a3b4d5e6f708192a3b4c5d6e7f8.webp"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SellerProfile"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAdminContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The storefront theme (`bazaar`, …). */
                theme: components["parameters"]["theme"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The theme's documents. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "theme": "bazaar",
                     *           "kind": "home",
                     *           "key": "about",
                     *           "draft": {
                     *             "sections": [
                     *               {
                     *                 "type": "hero",
                     *                 "title": "Soft and warm",
                     *                 "text": "example",
                     *                 "image_url": "https://cdn.example.com/media/products/prod_01JDX3M5Q8Z4K7P2R9T6V0W1Y3/0f8c2a3b4d5e6f708192a3b4c5d6e7f8.webp",
                     *                 "href": "example",
                     *                 "banner_key": "home",
                     *                 "query": {
                     *                   "category": "example",
                     *                   "seller": "example",
                     *                   "sort": "newest",
                     *                   "limit": 3
                     *                 }
                     *               }
                     *             ]
                     *           },
                     *           "published": {
                     *             "sections": [
                     *               {
                     *                 "type": "hero",
                     *                 "title": "Soft and warm",
                     *                 "text": "example",
                     *                 "image_url": "https://cdn.example.com/media/products/prod_01JDX3M5Q8Z4K7P2R9T6V0W1Y3/0f8c2a3b4d5e6f708192a3b4c5d6e7f8.webp",
                     *                 "href": "example",
                     *                 "banner_key": "home",
                     *                 "query": {
                     *                   "category": "example",
                     *                   "seller": "example",
                     *                   "sort": "newest",
                     *                   "limit": 3
                     *                 }
                     *               }
                     *             ]
                     *           },
                     *           "version": 3,
                     *           "published_version": 3,
                     *           "updated_at": "2026-12-01T10:00:00Z",
                     *           "published_at": "2026-12-01T10:00:00Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ContentDocumentList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAdminContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The storefront theme (`bazaar`, …). */
                theme: components["parameters"]["theme"];
                kind: components["parameters"]["contentKind"];
                /** @description The document's key within its kind (`main`, `about`, `shipping-policy`). */
                key: components["parameters"]["contentKey"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document with its draft and published version. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "theme": "bazaar",
                     *       "kind": "home",
                     *       "key": "about",
                     *       "draft": {
                     *         "sections": [
                     *           {
                     *             "type": "hero",
                     *             "title": "Soft and warm",
                     *             "text": "example",
                     *             "image_url": "https://cdn.example.com/media/products/prod_01JDX3M5Q8Z4K7P2R9T6V0W1Y3/0f8c2a3b4d5e6f708192a3b4c5d6e7f8.webp",
                     *             "href": "example",
                     *             "banner_key": "home",
                     *             "query": {
                     *               "category": "example",
                     *               "seller": "example",
                     *               "sort": "newest",
                     *               "limit": 3
                     *             }
                     *           }
                     *         ]
                     *       },
                     *       "published": {
                     *         "sections": [
                     *           {
                     *             "type": "hero",
                     *             "title": "Soft and warm",
                     *             "text": "example",
                     *             "image_url": "https://cdn.example.com/media/products/prod_01JDX3M5Q8Z4K7P2R9T6V0W1Y3/0f8c2a3b4d5e6f708192a3b4c5d6e7f8.webp",
                     *             "href": "example",
                     *             "banner_key": "home",
                     *             "query": {
                     *               "category": "example",
                     *               "seller": "example",
                     *               "sort": "newest",
                     *               "limit": 3
                     *             }
                     *           }
                     *         ]
                     *       },
                     *       "version": 3,
                     *       "published_version": 3,
                     *       "updated_at": "2026-12-01T10:00:00Z",
                     *       "published_at": "2026-12-01T10:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["ContentDocument"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    saveAdminContentDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The storefront theme (`bazaar`, …). */
                theme: components["parameters"]["theme"];
                kind: components["parameters"]["contentKind"];
                /** @description The document's key within its kind (`main`, `about`, `shipping-policy`). */
                key: components["parameters"]["contentKey"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContentDraft"];
            };
        };
        responses: {
            /** @description The document after saving. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "theme": "bazaar",
                     *       "kind": "home",
                     *       "key": "about",
                     *       "draft": {
                     *         "sections": [
                     *           {
                     *             "type": "hero",
                     *             "title": "Soft and warm",
                     *             "text": "example",
                     *             "image_url": "https://cdn.example.com/media/products/prod_01JDX3M5Q8Z4K7P2R9T6V0W1Y3/0f8c2a3b4d5e6f708192a3b4c5d6e7f8.webp",
                     *             "href": "example",
                     *             "banner_key": "home",
                     *             "query": {
                     *               "category": "example",
                     *               "seller": "example",
                     *               "sort": "newest",
                     *               "limit": 3
                     *             }
                     *           }
                     *         ]
                     *       },
                     *       "published": {
                     *         "sections": [
                     *           {
                     *             "type": "hero",
                     *             "title": "Soft and warm",
                     *             "text": "example",
                     *             "image_url": "https://cdn.example.com/media/products/prod_01JDX3M5Q8Z4K7P2R9T6V0W1Y3/0f8c2a3b4d5e6f708192a3b4c5d6e7f8.webp",
                     *             "href": "example",
                     *             "banner_key": "home",
                     *             "query": {
                     *               "category": "example",
                     *               "seller": "example",
                     *               "sort": "newest",
                     *               "limit": 3
                     *             }
                     *           }
                     *         ]
                     *       },
                     *       "version": 3,
                     *       "published_version": 3,
                     *       "updated_at": "2026-12-01T10:00:00Z",
                     *       "published_at": "2026-12-01T10:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["ContentDocument"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    publishAdminContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The storefront theme (`bazaar`, …). */
                theme: components["parameters"]["theme"];
                kind: components["parameters"]["contentKind"];
                /** @description The document's key within its kind (`main`, `about`, `shipping-policy`). */
                key: components["parameters"]["contentKey"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document after publishing. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "theme": "bazaar",
                     *       "kind": "home",
                     *       "key": "about",
                     *       "draft": {
                     *         "sections": [
                     *           {
                     *             "type": "hero",
                     *             "title": "Soft and warm",
                     *             "text": "example",
                     *             "image_url": "https://cdn.example.com/media/products/prod_01JDX3M5Q8Z4K7P2R9T6V0W1Y3/0f8c2a3b4d5e6f708192a3b4c5d6e7f8.webp",
                     *             "href": "example",
                     *             "banner_key": "home",
                     *             "query": {
                     *               "category": "example",
                     *               "seller": "example",
                     *               "sort": "newest",
                     *               "limit": 3
                     *             }
                     *           }
                     *         ]
                     *       },
                     *       "published": {
                     *         "sections": [
                     *           {
                     *             "type": "hero",
                     *             "title": "Soft and warm",
                     *             "text": "example",
                     *             "image_url": "https://cdn.example.com/media/products/prod_01JDX3M5Q8Z4K7P2R9T6V0W1Y3/0f8c2a3b4d5e6f708192a3b4c5d6e7f8.webp",
                     *             "href": "example",
                     *             "banner_key": "home",
                     *             "query": {
                     *               "category": "example",
                     *               "seller": "example",
                     *               "sort": "newest",
                     *               "limit": 3
                     *             }
                     *           }
                     *         ]
                     *       },
                     *       "version": 3,
                     *       "published_version": 3,
                     *       "updated_at": "2026-12-01T10:00:00Z",
                     *       "published_at": "2026-12-01T10:00:00Z"
                     *     }
                     */
                    "application/json": components["schemas"]["ContentDocument"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAdminStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The operator's staff. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorStaffMemberList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    inviteAdminStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OperatorStaffInvite"];
            };
        };
        responses: {
            /** @description The invitation. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperatorStaffMember"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    removeAdminStaff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The staff member's id (`stf_…`).
                 * @example stf_01J9ZC3YV4Q1XK6T7M2R8N5B0M
                 */
                staffId: components["parameters"]["staffId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
        };
    };
    onApiKeyCreated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onApiKeyRevoked: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyRevokedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onCustomerCreated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerCreatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onCustomerUpdated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerUpdatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onFulfillmentCreated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FulfillmentCreatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onInventoryLow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InventoryLowEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onInventoryUpdated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InventoryUpdatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onOrderCancelled: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderCancelledEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onOrderPlaced: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderPlacedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onPaymentCaptured: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentCapturedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onPayoutPaid: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PayoutPaidEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onProductCreated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductCreatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onProductDeleted: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductDeletedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onProductPublished: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductPublishedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onProductUnpublished: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductUnpublishedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onProductUpdated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductUpdatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onSellerApproved: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellerApprovedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onSellerCommissionChanged: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellerCommissionChangedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onSellerCreated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellerCreatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onSellerReactivated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellerReactivatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onSellerSuspended: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellerSuspendedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onSellerOrderCancelled: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellerOrderCancelledEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onSellerOrderFulfilled: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellerOrderFulfilledEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onSellerOrderPlaced: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellerOrderPlacedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onVariantCreated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VariantCreatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onVariantDeleted: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VariantDeletedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onVariantUpdated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VariantUpdatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onWebhookEndpointDisabled: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEndpointDisabledEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onReviewCreated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewCreatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onReviewModerated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewModeratedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onReviewReplied: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewRepliedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onContentPublished: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContentPublishedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onSellerProfileUpdated: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellerProfileUpdatedEvent"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the event. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A 4xx or 5xx (or a timeout) makes the sender retry later. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
