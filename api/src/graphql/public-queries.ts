import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  getOperationAST,
  Kind,
  parse,
  type SelectionSetNode,
} from 'graphql';

/**
 * Root fields whose answers are public catalog data, the same for every caller: the GraphQL side of
 * the REST operations the catalog's response cache serves (`listStoreProducts`, `getStoreProduct`,
 * `listStoreCategories`, `getStoreSeller`, `listStoreProductReviews`, `getStoreContent`). Everything
 * below them is too (products, sellers' public profiles, categories, visible reviews, published
 * content). Not `me`, `cart`, `order` (the caller's own data) nor introspection.
 */
const PUBLIC_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'products',
  'product',
  'categories',
  'seller',
  'sellers',
  'content',
  '__typename',
]);

/** `(document, operationName) => true` when the operation is a query of public catalog fields only (memoised). */
export function publicCatalogQueries(): (
  document: DocumentNode,
  operationName: string | null | undefined,
) => boolean {
  const known = new WeakMap<DocumentNode, Map<string, boolean>>();
  return (document, operationName) => {
    let byName = known.get(document);
    if (!byName) {
      byName = new Map();
      known.set(document, byName);
    }
    const name = operationName ?? '';
    let answer = byName.get(name);
    if (answer === undefined) {
      answer = isPublicCatalogQuery(document, operationName);
      byName.set(name, answer);
    }
    return answer;
  };
}

/** True when the operation to run is a query whose root fields (through fragments) are all public. */
export function isPublicCatalogQuery(document: DocumentNode, operationName?: string | null): boolean {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'query') return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const allPublic = (set: SelectionSetNode, spread: ReadonlySet<string>): boolean =>
    set.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return PUBLIC_ROOT_FIELDS.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return allPublic(selection.selectionSet, spread);
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // Validation refuses unknown and cyclic spreads; should one get here, it is not cached.
      return (
        fragment !== undefined &&
        !spread.has(name) &&
        allPublic(fragment.selectionSet, new Set([...spread, name]))
      );
    });
  return allPublic(operation.selectionSet, new Set());
}

const bytes = (text: string) => Buffer.from(text, 'latin1');
const OPERATION_KEYWORDS = [bytes('mutation'), bytes('subscription')];
// A JSON escape (`\u006d…`) could spell a keyword or a field's name the byte scan would not see.
const UNICODE_ESCAPE = bytes('\\u');
const HASH_KEY = bytes('"sha256Hash"');
const PERSISTED_KEY = bytes('"persistedQuery"');
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** GraphQL's name characters: `[_0-9A-Za-z]`. */
function isNameByte(byte: number | undefined): boolean {
  if (byte === undefined) return false;
  return (
    byte === 0x5f ||
    (byte >= 0x30 && byte <= 0x39) ||
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a)
  );
}

/** True when `name` occurs in `body` as a name of its own (not inside a longer one); a JSON escape such as `\n` before it counts as a separator. */
function hasName(body: Buffer, name: Buffer): boolean {
  for (let at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + 1)) {
    const before = at > 0 && isNameByte(body[at - 1]) && !(at > 1 && body[at - 2] === 0x5c);
    if (!before && !isNameByte(body[at + name.length])) return true;
  }
  return false;
}

/** The `sha256Hash` of a persisted-query body, or undefined where there is none that reads plainly. */
function persistedHash(body: Buffer): string | undefined {
  const key = body.indexOf(HASH_KEY);
  if (key < 0) return undefined;
  const rest = body.toString('latin1', key + HASH_KEY.length, key + HASH_KEY.length + 80);
  const hash = /^\s*:\s*"([^"]*)"/.exec(rest)?.[1];
  return hash !== undefined && SHA256_HEX.test(hash) ? hash : undefined;
}

/**
 * A test on the raw bytes of a JSON request body: false when it cannot be a public catalog query, so
 * nothing (no string of the body, no key, no lookup) is spent on it. A body passes only when it is a
 * JSON object; names no `mutation` or `subscription`; names none of the schema's non-public root
 * fields (`me`, `cart`, `order`); has no `\u` escape (which could spell either); and, when it sends a
 * persisted operation's hash, the hash is of a public catalog query of the manifest (with
 * `persistedOnly`, it must send one). It errs one way only: a body it passes may still not be public
 * (the answer tier keeps only answers the plugin saw as public), and a public query it refuses (a
 * string variable reading "me", say) only goes without the answer tier.
 */
export function catalogQueryScreen(
  schema: GraphQLSchema,
  persisted: Record<string, string>,
  persistedOnly: boolean,
): (body: Buffer) => boolean {
  const privateNames = Object.keys(schema.getQueryType()?.getFields() ?? {})
    .filter((name) => !PUBLIC_ROOT_FIELDS.has(name))
    .map(bytes);
  const publicHashes = new Set(
    Object.entries(persisted)
      .filter(([, document]) => {
        try {
          const parsed = parse(document);
          // Whichever operation a request names, it must be public.
          return parsed.definitions.every(
            (d) => d.kind !== Kind.OPERATION_DEFINITION || isPublicCatalogQuery(parsed, d.name?.value),
          );
        } catch {
          return false;
        }
      })
      .map(([hash]) => hash),
  );
  return (body) => {
    let first = 0;
    while (
      first < body.length &&
      (body[first] === 0x20 || body[first] === 0x0a || body[first] === 0x0d || body[first] === 0x09)
    )
      first++;
    if (body[first] !== 0x7b) return false;
    if (body.includes(UNICODE_ESCAPE)) return false;
    if (OPERATION_KEYWORDS.some((keyword) => body.includes(keyword))) return false;
    if (privateNames.some((name) => hasName(body, name))) return false;
    const hash = persistedHash(body);
    if (hash !== undefined) return publicHashes.has(hash);
    return !persistedOnly && !body.includes(PERSISTED_KEY);
  };
}
