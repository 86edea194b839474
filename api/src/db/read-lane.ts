import type { PostgresPool, PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { sendMarked } from './prepared.js';
import { isDatabaseUnreachable } from './unreachable.js';

/**
 * Statements that would leave state on a connection other requests share: transactions, session
 * settings, locks, cursors by name. A read lane refuses them before they reach PostgreSQL.
 */
const SESSION_STATE =
  /^\s*(?:\/\*[\s\S]*?\*\/\s*)*(?:begin|start|commit|end|rollback|abort|savepoint|release|prepare|set|reset|lock|declare|listen|unlisten|discard)\b/i;

/** Settings of a read lane. */
export interface ReadLaneOptions {
  /** `pg` client settings shared by its connections (connection string, type parsers). */
  client: pg.ClientConfig;
  /** How many connections; each carries any number of statements at once. */
  connections: number;
  /** A connection failed or closed under the lane; the next statement given to it opens a new one. */
  onError?: (err: Error) => void;
}

interface Slot {
  client?: Promise<pg.Client>;
  /** The client `client` resolved to, once connected (and not failed or closed since): the slot is open. */
  current?: pg.Client;
  /** Callers given this slot's connection and not done with it (Kysely releases after each statement). */
  inUse: number;
}

/** A read lane: Kysely's pool, and what it holds now (for `souk_db_read_lane_connections`). */
export interface ReadLanePool extends PostgresPool {
  /** Connections open and callers holding one; undefined once the lane has ended. */
  stats(): { open: number; inUse: number } | undefined;
}

/**
 * A pool for Kysely's `PostgresDialect` over a few connections in `pg`'s pipeline mode, shared by all
 * callers at once instead of lent to one: a statement is written behind those already in flight on
 * the least busy connection, without waiting for their answers, and PostgreSQL answers them in order.
 * For single-statement reads only (each is its own implicit transaction): transaction control and
 * session settings are refused, and `pg` refuses cursors in this mode. A statement whose connection
 * failed is sent once more on a new one (a read changes nothing).
 *
 * Why: a storefront read that is not cached is one short statement, and lent connections make each
 * one a round trip of its own, with the backend waking for it and the API waiting for each answer
 * apart. Sent in a stream, the API writes and reads several at once and the backends wake less:
 * measured in bench/findings/reads.md ("A pipelined read lane").
 */
export function readLanePool(options: ReadLaneOptions): ReadLanePool {
  if (!Number.isInteger(options.connections) || options.connections < 1) {
    throw new RangeError(`a read lane needs at least one connection, not ${options.connections}`);
  }
  const slots: Slot[] = Array.from({ length: options.connections }, () => ({ inUse: 0 }));
  // Kysely keeps its connection object by client, so each pg client keeps one wrapper.
  const wrappers = new WeakMap<pg.Client, PostgresPoolClient>();
  let ended = false;

  /** Empties a slot: the next statement given to it opens a new connection. */
  const clear = (slot: Slot) => {
    slot.client = undefined;
    slot.current = undefined;
  };

  const open = (slot: Slot): Promise<pg.Client> => {
    // Named in pg_stat_activity, so an operator can tell the lane's backends from the pool's. Unlike
    // the pool's, these connections never idle out: TCP keep-alive finds a peer that went away.
    const client = new pg.Client({
      application_name: 'souk-reads',
      keepAlive: true,
      ...options.client,
      pipeline: true,
    });
    const opening: Promise<pg.Client> = client.connect().then(
      () => {
        if (slot.client === opening) slot.current = client;
        return client;
      },
      (err: unknown) => {
        forget();
        throw err;
      },
    );
    const forget = () => {
      if (slot.client === opening) clear(slot);
    };
    // pg rejects the statements in flight on a broken connection; later ones go to a new connection.
    client.on('error', (err) => {
      forget();
      options.onError?.(err);
    });
    client.on('end', forget);
    slot.client = opening;
    return opening;
  };

  /** Takes a failed connection out of its slot (if still there) so the next statement opens another. */
  const retire = (slot: Slot, client: pg.Client) => {
    if (slot.current !== client) return;
    clear(slot);
    client.end().catch(() => {});
  };

  const wrap = (client: pg.Client, slot: Slot): PostgresPoolClient => {
    let wrapper = wrappers.get(client);
    if (wrapper === undefined) {
      wrapper = {
        query: ((text: string, values?: unknown[]) => {
          if (typeof text !== 'string' || SESSION_STATE.test(text)) {
            return Promise.reject(
              new Error(`a read lane runs single statements only, not: ${String(text).slice(0, 60)}`),
            );
          }
          return (sendMarked(client, text, values) as Promise<unknown>).catch(async (err: unknown) => {
            // The connection failed, not the statement (a server restart, a proxy's idle cut): a read
            // is safe to send again, so it goes once more on a new connection before anyone sees it.
            if (!isDatabaseUnreachable(err)) throw err;
            retire(slot, client);
            return sendMarked(await (slot.client ?? open(slot)), text, values);
          });
        }) as unknown as PostgresPoolClient['query'],
        // Nothing was lent out: only the slot's count of callers goes down.
        release: () => {
          slot.inUse--;
        },
      };
      wrappers.set(client, wrapper);
    }
    return wrapper;
  };

  return {
    connect: async () => {
      if (ended) throw new Error('the read lane has ended');
      // The least busy connection; counted from here, so callers arriving together spread out.
      let slot = slots[0] as Slot;
      for (const s of slots) if (s.inUse < slot.inUse) slot = s;
      slot.inUse++;
      try {
        return wrap(await (slot.client ?? open(slot)), slot);
      } catch (err) {
        slot.inUse--;
        throw err;
      }
    },
    stats: () =>
      ended
        ? undefined
        : {
            open: slots.filter((s) => s.current !== undefined).length,
            inUse: slots.reduce((sum, s) => sum + s.inUse, 0),
          },
    end: async () => {
      ended = true;
      await Promise.all(
        slots.map(async (slot) => {
          const client = await slot.client?.catch(() => undefined);
          clear(slot);
          await client?.end();
        }),
      );
    },
  };
}
