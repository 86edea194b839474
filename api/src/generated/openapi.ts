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
         * @description An HTML API reference rendered from this document (Redoc, built at build time).
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
         * @description A published product of an active seller, by id (`prod_…`) or handle.
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
};
export type webhooks = Record<string, never>;
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
         *     | `unauthorized` | 401 | The `X-Api-Key` header is missing, unknown or revoked. |
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
         *     | `destination_unsupported` | 422 | There is no shipping rate or tax rate for the destination or currency. |
         *     | `payment_declined` | 402 | The payment provider declined the payment. |
         *     | `payment_insufficient_funds` | 402 | The payment method has insufficient funds. |
         *     | `payment_requires_review` | 402 | The payment provider held the payment for review; no order was placed. |
         *     | `internal_error` | 500 | A fault on our side; quote `request_id`. |
         *     | `service_unavailable` | 503 | A dependency is down or the server is shutting down. |
         * @enum {string}
         */
        ProblemCode: "validation_failed" | "malformed_json" | "invalid_cursor" | "currency_required" | "query_required" | "route_not_found" | "not_found" | "method_not_allowed" | "payload_too_large" | "unsupported_media_type" | "internal_error" | "service_unavailable" | "unauthorized" | "forbidden" | "conflict" | "invalid_state" | "idempotency_key_required" | "idempotency_key_reused" | "idempotency_in_progress" | "out_of_stock" | "variant_unavailable" | "currency_mismatch" | "quantity_limit_exceeded" | "cart_empty" | "cart_incomplete" | "cart_completed" | "destination_unsupported" | "payment_declined" | "payment_insufficient_funds" | "payment_requires_review";
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
        Image: {
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
            sort?: "relevance" | "price_asc" | "price_desc" | "newest";
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
    };
    responses: {
        /** @description The request is not valid (wrong types, unknown fields, bad cursor…). */
        BadRequest: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
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
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /**
         * @description Full-text search over product title and description, ranked by relevance.
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
         * @description Order of results. `relevance` needs `q`; `price_asc`/`price_desc` need `currency` and order by each product's lowest variant price; products with no price in `currency` are left out of price-sorted results.
         * @example price_asc
         */
        sort: "relevance" | "price_asc" | "price_desc" | "newest";
        /**
         * @description Page size.
         * @example 20
         */
        limit: number;
        /**
         * @description The `next_cursor` of the previous page. Only valid with the same filters and sort.
         * @example eyJ2IjoxfQ
         */
        cursor: string;
        /**
         * @description The resource's id or its URL handle.
         * @example trail-runner-boot
         */
        idOrHandle: components["schemas"]["IdOrHandle"];
    };
    requestBodies: never;
    headers: {
        /** @description Identifier of this request, echoed from a well-formed incoming `X-Request-Id` or generated. It appears on every log line the request produced. */
        "X-Request-Id": string;
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
    listStoreProducts: {
        parameters: {
            query?: {
                /**
                 * @description Full-text search over product title and description, ranked by relevance.
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
                 * @description Order of results. `relevance` needs `q`; `price_asc`/`price_desc` need `currency` and order by each product's lowest variant price; products with no price in `currency` are left out of price-sorted results.
                 * @example price_asc
                 */
                sort?: components["parameters"]["sort"];
                /**
                 * @description Page size.
                 * @example 20
                 */
                limit?: components["parameters"]["limit"];
                /**
                 * @description The `next_cursor` of the previous page. Only valid with the same filters and sort.
                 * @example eyJ2IjoxfQ
                 */
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
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductList"];
                };
            };
            400: components["responses"]["BadRequest"];
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
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductList"];
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
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
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
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
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryList"];
                };
            };
            400: components["responses"]["BadRequest"];
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
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Seller"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
        };
    };
}
