import {
  type Compilable,
  type CompiledQuery,
  createQueryId,
  type Kysely,
  type PostgresPool,
  type PostgresPoolClient,
  type QueryResult,
  type RawBuilder,
} from 'kysely';
import type pg from 'pg';

/**
 * Leading comment of a statement that should run as a server-side prepared statement. Put it first in
 * the text of a hot read whose text takes few forms (never an `IN` list of varying length): PostgreSQL
 * then parses and plans it once per connection instead of on every request.
 */
export const PREPARED_MARK = '/* prepared */ ';

/**
 * At most this many distinct texts get a name; later ones run unnamed. Each named text costs a plan in
 * every pooled connection, so a bug that marks an unbounded family of texts must not grow them forever.
 */
const MAX_NAMED = 128;

/** Name of each marked text, by text: the same text always gets the same name (pg refuses one name for two texts). */
const names = new Map<string, string>();

function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `souk_${names.size}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Sends a statement on a `pg` client: named (parsed once per connection) when its text starts with
 * `PREPARED_MARK`, else as it is. A string and its parameters, or a cursor (Kysely's streaming),
 * which passes through.
 */
export function sendMarked(client: pg.ClientBase, text: string, values?: unknown[]) {
  const name = typeof text === 'string' && text.startsWith(PREPARED_MARK) ? nameOf(text) : undefined;
  if (name !== undefined) return client.query({ name, text, values });
  return client.query(text, values);
}

/**
 * The pool Kysely's `PostgresDialect` takes, over a `pg` pool: statements whose text starts with
 * `PREPARED_MARK` are sent as named statements (`{ name, text, values }`), which `pg` parses once per
 * connection and then only binds and executes; every other statement goes through unchanged.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  // Kysely keys its connection state by client object, so each pg client keeps one wrapper.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let wrapper = wrappers.get(client);
    if (wrapper === undefined) {
      wrapper = {
        query: ((text: string, values?: unknown[]) =>
          sendMarked(client, text, values)) as unknown as PostgresPoolClient['query'],
        release: (destroy?: boolean) => client.release(destroy),
      };
      wrappers.set(client, wrapper);
    }
    return wrapper;
  };
  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  };
}

/**
 * Runs a query built with Kysely as a prepared statement: its compiled text with `PREPARED_MARK` in
 * front. Only for a builder whose text never varies (no `IN` lists, no multi-row `VALUES`).
 */
export function executePrepared<DB, R>(db: Kysely<DB>, query: Compilable<R>): Promise<QueryResult<R>> {
  const compiled = query.compile();
  return db.executeQuery<R>({ ...compiled, sql: PREPARED_MARK + compiled.sql });
}

/** What a placeholder parameter looks like while a `preparedStatement` is compiled. */
const PLACEHOLDER = '\u0000souk:param:';

/** Each parameter of a compiled statement: a named input, or a constant of the builder (`'completed'`). */
type Slot = { input: string } | { constant: unknown };

/**
 * A statement whose text never varies, built with Kysely (a builder or a `sql` template) and compiled
 * once: `build` runs on first use with placeholders for `params` (each one must be passed to the
 * builder as a value, unchanged; a placeholder may be used more than once), and
 * every call then only fills the compiled parameters in and runs it named (`PREPARED_MARK`). Kysely's
 * builders and compiler cost ~0.1 ms a statement, which a checkout would otherwise pay for each one.
 */
export function preparedStatement<DB, P extends object, R>(
  build: (db: Kysely<DB>, params: P) => Compilable<R> | RawBuilder<R>,
): (db: Kysely<DB>, params: P) => Promise<QueryResult<R>> {
  let compiled: { sql: string; slots: Slot[]; query: CompiledQuery<R>['query'] } | undefined;
  return (db, params) => {
    compiled ??= compileOnce(db, build);
    const { sql, slots, query } = compiled;
    const parameters = slots.map((s) =>
      'input' in s ? (params as Record<string, unknown>)[s.input] : s.constant,
    );
    return db.executeQuery<R>({ sql, parameters, query, queryId: createQueryId() });
  };
}

function compileOnce<DB, P, R>(
  db: Kysely<DB>,
  build: (db: Kysely<DB>, params: P) => Compilable<R> | RawBuilder<R>,
) {
  const handed = new Map<string, string>();
  const placeholders = new Proxy(
    {},
    {
      get: (_, name) => {
        const value = `${PLACEHOLDER}${String(name)}`;
        handed.set(value, String(name));
        return value;
      },
    },
  ) as P;
  const built = build(db, placeholders);
  const query = 'isRawBuilder' in built ? built.compile(db) : built.compile();
  const slots = query.parameters.map((value): Slot => {
    const input = typeof value === 'string' ? handed.get(value) : undefined;
    if (input !== undefined) return { input };
    // A placeholder the builder changed (`JSON.stringify(p.x)`, `${p.ms} ms`) would be sent as is.
    if (typeof value === 'string' && value.includes(PLACEHOLDER))
      throw new Error(`preparedStatement: a parameter was transformed (${JSON.stringify(value)})`);
    return { constant: value };
  });
  return { sql: PREPARED_MARK + query.sql, slots, query: query.query };
}
