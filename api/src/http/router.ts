import addFormatsModule from 'ajv-formats';
import type { Context as KoaContext, Middleware } from 'koa';
import {
  type Document,
  OpenAPIBackend,
  type Context as OpenApiContext,
  type Operation,
} from 'openapi-backend';
import { AppError } from '../errors.js';
import { actorOf, withActor } from '../lib/actor.js';
import { type RequestScope, requestScope } from '../lib/scope.js';
import { assertRole, permits, refuseAccess } from './access.js';
import { binaryBodyTypes, readBinaryBody, readJsonBody } from './body.js';
import { sendKeptBody } from './compression.js';
import { guardInput } from './input-guard.js';
import { JsonText, KeptBytes } from './json-text.js';
import { installFastMatcher } from './operation-matcher.js';
import type { HandlerRequest, OperationHandlers, OperationId } from './operations.js';
import { ANONYMOUS, type Principal } from './principal.js';
import type { RateLimitHook } from './rate-limit.js';
import { describeFieldErrors, toFieldErrors } from './validation-errors.js';

// ajv-formats is CommonJS with a default export; under NodeNext it arrives as the module object.
const addFormats = addFormatsModule as unknown as (ajv: object) => object;

/**
 * JSON of response bodies, remembered per object: a body served again from a read cache is the
 * same object, so it is serialised once, not on every hit. Entries go when the body is collected.
 */
const serialized = new WeakMap<object, string>();
function serialize(body: object): string {
  let json = serialized.get(body);
  if (json === undefined) {
    json = JSON.stringify(body);
    serialized.set(body, json);
  }
  return json;
}

/** `Content-Type` of a JSON answer, as Koa spells `ctx.type = 'application/json'`. */
const JSON_TYPE = 'application/json; charset=utf-8';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Options of the contract router. */
export interface RouterOptions {
  /** The bundled OpenAPI document (it is cloned, never mutated). */
  document: Document;
  handlers: OperationHandlers;
  /** Largest accepted request body, in bytes. */
  bodyLimit: number;
  /** Largest accepted binary body (an uploaded file), in bytes; absent: `bodyLimit`. */
  binaryBodyLimit?: number;
  /** Whole-response cache for some GET operations (see the catalog cache); absent: no response caching. */
  responseCache?: {
    operations: ReadonlySet<string>;
    /** The response's JSON as UTF-8 bytes, sent as they are (an in-process hit without a promise). */
    get(url: string): Buffer | undefined | Promise<Buffer | undefined>;
    since(): number;
    /** Keeps a 200's JSON; returns the bytes kept, or undefined when it was not kept. */
    put(url: string, json: string | Buffer, since: number): Buffer | undefined;
  };
  /**
   * Resolves the `X-Api-Key` (and, where the operation takes one, the bearer ID token) of a request to
   * its principal (anonymous when no valid key). Throws a 401 problem for a token that fails verification.
   */
  authenticate: (credentials: {
    apiKey: string | undefined;
    bearer: string | undefined;
    schemes: readonly string[];
  }) => Principal | Promise<Principal>;
  /** Spends the request's rate-limit budget (throws `rate_limited`); absent: no rate limiting. */
  rateLimit?: RateLimitHook;
}

/**
 * Routes every request through openapi-backend: the spec decides which paths exist, which
 * methods they take and what input is valid. Unknown paths are 404, known paths with another
 * method 405 with `Allow`, invalid input 400 with every offending field, and a handler only runs
 * on input that matched its operation.
 */
export async function createContractRouter(options: RouterOptions): Promise<Middleware> {
  const api = new OpenAPIBackend({
    definition: structuredClone(options.document),
    quick: true, // the 3.1 document is linted by redocly; openapi-backend only knows the 3.0 meta-schema
    strict: true,
    validate: true,
    coerceTypes: true,
    ajvOpts: { allErrors: true },
    // openapi-backend knows only a few formats; the spec uses email, uri and date-time too.
    customizeAjv: (ajv) => {
      addFormats(ajv);
      return ajv;
    },
  });
  await api.init();
  installFastMatcher(api.router);

  const allowedMethods = (path: string): string[] =>
    METHODS.filter((m) => api.router.matchOperation({ method: m, path, headers: {} }) !== undefined).map(
      (m) => m.toUpperCase(),
    );

  /**
   * Answers input its operation's schemas refuse, with every offending field. openapi-backend closes
   * the query schema, so undeclared query parameters are reported too: a typo never silently widens a
   * search.
   */
  const validationFail = (c: OpenApiContext): never => {
    const errors = toFieldErrors(c.validation.errors ?? []);
    throw new AppError('validation_failed', describeFieldErrors(errors), { errors });
  };
  api.register({
    notFound: (c: OpenApiContext) => {
      throw new AppError('route_not_found', `No operation has the path ${c.request.path}.`);
    },
    methodNotAllowed: (c: OpenApiContext) => {
      const allow = allowedMethods(c.request.path);
      if (allow.includes('GET')) allow.push('HEAD');
      throw new AppError('method_not_allowed', `${c.request.method.toUpperCase()} is not allowed here.`, {
        headers: { Allow: allow.join(', ') },
      });
    },
  });
  type OperationHandler = (c: OpenApiContext, ctx: KoaContext, principal: Principal) => Promise<void>;
  const operationHandlers = new Map<string, OperationHandler>();
  for (const [operationId, handler] of Object.entries(options.handlers)) {
    const run: OperationHandler = async (c, ctx, principal) => {
      const request: HandlerRequest<OperationId> = {
        operationId: operationId as OperationId,
        method: ctx.method,
        path: ctx.path,
        params: c.request.params as never,
        query: c.request.query as never,
        // A binary body (an upload) bypasses the JSON validation and reaches the handler as a Buffer.
        body: (ctx.state.binaryBody ?? c.request.requestBody) as never,
        headers: ctx.headers,
        requestId: ctx.state.requestId as string,
        principal,
      };
      const result = await (
        handler as (
          r: typeof request,
        ) => Promise<{ status: number; type?: string; body?: unknown; headers?: Record<string, string> }>
      )(request);
      ctx.status = result.status;
      for (const [name, value] of Object.entries(result.headers ?? {})) ctx.set(name, value);
      if (result.body !== undefined) {
        ctx.type = result.type ?? 'application/json';
        if (result.body instanceof KeptBytes) sendKeptBody(ctx, result.body.bytes);
        else
          ctx.body =
            result.body instanceof JsonText
              ? result.body.json
              : typeof result.body === 'object' && result.body !== null && !Buffer.isBuffer(result.body)
                ? serialize(result.body)
                : result.body;
      }
    };
    operationHandlers.set(operationId, run);
  }

  /**
   * What openapi-backend's `handleRequest` does for an operation the router has already matched, done
   * once: it parses the request twice more, matches it again, and runs every security scheme through
   * a chain of promises (each one seen by the async hooks of the request scope) before validating.
   * Here the security requirements are `permits`, then the same validators, the same coerced input
   * and the handler. openapi-backend's `handleRequest` only answers a request that matched no
   * operation (404 or 405).
   */
  const dispatch = (
    operation: Operation,
    req: { method: string; path: string; query: string; headers: Record<string, string>; body: unknown },
    ctx: KoaContext,
    principal: Principal,
  ): Promise<void> => {
    const run = operationHandlers.get(operation.operationId ?? '');
    // `OperationHandlers` names every operation of the spec, so one without a handler is a bug (a 500).
    if (!run) throw new Error(`no handler for operation ${operation.operationId ?? operation.path}`);
    if ((operation.security?.length ?? 0) > 0 && !permits(operation, principal))
      refuseAccess(operation, ctx, principal);
    const validation = api.validator.validateRequest(req, operation);
    const c = { api, operation, validation } as OpenApiContext;
    if (validation.errors) validationFail(c);
    c.request = api.router.parseRequest(validation.coerced ?? req, operation);
    return run(c, ctx, principal);
  };

  // What the router asks of an operation on every request, worked out once per operation.
  const facts = new Map<Operation, { schemes: string[]; cached: boolean }>();
  const factsOf = (operation: Operation) => {
    let known = facts.get(operation);
    if (!known) {
      known = {
        schemes: (operation.security ?? []).flatMap((requirement) => Object.keys(requirement)),
        cached: options.responseCache?.operations.has(operation.operationId ?? '') === true,
      };
      facts.set(operation, known);
    }
    return known;
  };

  return async function contractRouter(ctx: KoaContext) {
    // HEAD is GET without a body: Node drops the body for us.
    const method = ctx.method === 'HEAD' ? 'get' : ctx.method.toLowerCase();
    const operation = api.router.matchOperation({ method, path: ctx.path, headers: {} });
    if (operation?.operationId) {
      // Named for the metrics (per operation, never per raw URL) and for every log line of the request.
      ctx.state.operationId = operation.operationId;
      const scope = (ctx.state.scope as RequestScope | undefined) ?? requestScope.getStore();
      if (scope) scope.operation = operation.operationId;
    }
    let body: unknown;
    const binaryTypes = binaryBodyTypes(operation?.requestBody);
    if (binaryTypes) {
      ctx.state.binaryBody = await readBinaryBody(
        ctx,
        options.binaryBodyLimit ?? options.bodyLimit,
        binaryTypes,
      );
    } else if (operation?.requestBody) body = await readJsonBody(ctx, options.bodyLimit);
    guardInput({ operation, path: ctx.path, query: ctx.querystring, headers: ctx.headers, body });
    const facts = operation && factsOf(operation);
    // Authentication and rate limiting answer as they are when they need not wait (a known key, a
    // local lease): a cached read then awaits nothing.
    let principal: Principal | Promise<Principal> = ANONYMOUS;
    if (facts?.schemes.length) {
      const authorization = ctx.headers.authorization;
      principal = options.authenticate({
        apiKey: ctx.get('x-api-key') || undefined,
        bearer: authorization ? /^Bearer +(\S+)$/i.exec(authorization)?.[1] : undefined,
        schemes: facts.schemes,
      });
      if (principal instanceof Promise) principal = await principal;
    }
    if (operation && options.rateLimit) {
      const charged = options.rateLimit(ctx, operation, principal);
      if (charged) await charged;
    }
    if (operation && (principal.kind === 'seller' || principal.kind === 'operator') && principal.staff)
      assertRole(operation, principal.staff.role);
    const cache =
      method === 'get' && facts?.cached && permits(operation as Operation, principal)
        ? options.responseCache
        : undefined;
    // A local hit comes back as it is, not as a promise: one await (and its microtask) fewer per hit.
    let hit = cache?.get(ctx.url);
    if (hit instanceof Promise) hit = await hit;
    if (hit !== undefined) {
      ctx.status = 200;
      // The header Koa's `ctx.type = 'application/json'` writes, without its MIME lookup.
      ctx.set('Content-Type', JSON_TYPE);
      sendKeptBody(ctx, hit);
      return;
    }
    const since = cache?.since() ?? 0;
    // Attribution: everything the handler writes (events, stamped records) names this principal.
    const req = {
      method,
      path: ctx.path,
      query: ctx.querystring,
      headers: ctx.headers as Record<string, string>,
      body,
    };
    await withActor(actorOf(principal), () =>
      operation ? dispatch(operation, req, ctx, principal) : api.handleRequest(req, ctx, principal),
    );
    if (cache && ctx.status === 200 && (typeof ctx.body === 'string' || Buffer.isBuffer(ctx.body))) {
      const kept = cache.put(ctx.url, ctx.body, since);
      // Sent as its hits will be: the same bytes, compressed once, so every answer of a URL is alike.
      if (kept) sendKeptBody(ctx, kept);
    }
  };
}
