import type { OpenAPIRouter, Operation } from 'openapi-backend';

type ParseInput = {
  method: string;
  path: string;
  query?: unknown;
  headers: Record<string, unknown>;
  body?: unknown;
};

/** A query string as an object; a repeated name becomes an array, as `qs` would make it. */
function queryObject(raw: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(raw.replace(/^\?/, ''))) {
    const prev = out[name];
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How many `/` a path holds. */
function slashes(path: string): number {
  let count = 0;
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) count++;
  return count;
}

/**
 * Speeds up openapi-backend's routing without changing its answers. Its router rebuilds the whole
 * operation list (lodash chains, object spreads) and compiles one RegExp per operation on every
 * match — several times per request, growing with the spec. The definition never changes after
 * `init()`, so the list is taken once and the path templates are compiled once. Matching: a literal
 * path first (and only it: another method there is 405), then templates by specificity (longest
 * literal part), method last.
 */
export function installFastMatcher(router: OpenAPIRouter): void {
  const operations = router.getOperations();
  const byExactPath = new Map<string, Operation[]>();
  const templates = operations
    .map((op) => ({
      op,
      pattern: new RegExp(
        `^${op.path
          .replace(/\{[^}]+\}/g, '\0')
          .split('\0')
          .map(escapeRegExp)
          .join('[^/]+')}$`,
      ),
      specificity: op.path.replace(/\{.*?\}/g, '').length,
    }))
    .sort((a, b) => b.specificity - a.specificity);
  for (const op of operations) byExactPath.set(op.path, [...(byExactPath.get(op.path) ?? []), op]);
  // A template's `[^/]+` never spans a `/`, so it can only match a path with as many slashes: the
  // templates worth trying for a request are its method's with its slash count, still by specificity.
  const byShape = new Map<string, typeof templates>();
  for (const t of templates) {
    const shape = `${t.op.method} ${slashes(t.op.path)}`;
    byShape.set(shape, [...(byShape.get(shape) ?? []), t]);
  }

  const normalize = (raw: string): string => {
    let path = (raw.trim() || '/').split('?')[0] ?? '/';
    if (!path.startsWith('/')) path = `/${path}`;
    // openapi-backend ignores trailing slashes by default.
    return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  };

  function matchOperation(req: { method: string; path: string }, strict?: boolean): Operation | undefined {
    const path = normalize(req.path);
    const method = req.method.trim().toLowerCase();
    // A literal path shadows the templates it would also match (as OpenAPI says: concrete paths first),
    // so `/store/products/search` is that path's own operations only, never `{idOrHandle}` = "search".
    const literal = byExactPath.get(path);
    if (literal) {
      const exact = literal.find((op) => op.method === method);
      if (exact || !strict) return exact;
      throw new Error('405-methodNotAllowed: this method is not registered for the route');
    }
    // Same order as before (specificity), but only the templates of this method and shape are tried.
    const match = byShape.get(`${method} ${slashes(path)}`)?.find((t) => t.pattern.test(path))?.op;
    if (match) return match;
    if (!strict) return undefined;
    if (templates.some((t) => t.pattern.test(path))) {
      throw new Error('405-methodNotAllowed: this method is not registered for the route');
    }
    throw new Error('404-notFound: no route matches request');
  }

  // Path parameters by operation, from the same templates, compiled once.
  const paramReaders = new Map<Operation, (path: string) => Record<string, string>>();
  for (const op of operations) {
    const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
    const pattern = new RegExp(
      `^${op.path
        .replace(/\{[^}]+\}/g, '\0')
        .split('\0')
        .map(escapeRegExp)
        .join('([^/]+)')}$`,
    );
    paramReaders.set(op, (path) => {
      const m = pattern.exec(path);
      // A malformed escape throws URIError, which the error handler answers with a 400.
      return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(m?.[i + 1] ?? '')]));
    });
  }

  /**
   * openapi-backend's parseRequest runs up to four times a request and recompiles the path template
   * each time. Souk declares no cookie parameters and Node already lower-cases header names, so
   * this keeps only what its validation reads: query (parsed or as given), path params, body.
   */
  function parseRequest(req: ParseInput, operation?: Operation) {
    const path = normalize(req.path);
    const query =
      typeof req.query === 'object' && req.query !== null
        ? { ...req.query }
        : queryObject(typeof req.query === 'string' ? req.query : (req.path.split('?')[1] ?? ''));
    const params = operation ? (paramReaders.get(operation)?.(path) ?? {}) : {};
    return {
      ...req,
      method: req.method.trim().toLowerCase(),
      path,
      params,
      headers: req.headers,
      query,
      cookies: {},
      requestBody: req.body,
    };
  }

  router.parseRequest = parseRequest as OpenAPIRouter['parseRequest'];
  router.getOperations = () => operations;
  router.getOperation = (operationId: string) => operations.find((op) => op.operationId === operationId);
  router.matchOperation = matchOperation as OpenAPIRouter['matchOperation'];
}
