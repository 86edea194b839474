import type { NewEvent, PluginContext, PluginDefinition, SoukEvent } from '@souk/plugin-kit';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Config } from '../config.js';
import type { Notifications } from '../db/notifications.js';
import type { Database } from '../db/schema.js';
import { backoffMs } from '../lib/backoff.js';
import type { Logger } from '../lib/logger.js';
import type { BusEvent, EventBus, Subscription } from '../modules/events/bus.js';
import { type DomainEvent, recordEvents } from '../modules/events/index.js';
import { observeHandled, pluginDeadLetters, pluginEvents } from '../observability/plugins.metrics.js';
import { readPluginConfig } from './plugin-config.js';

/**
 * A plugin as this host runs it: typed against Souk's schema. Each plugin's configuration type is its
 * own; the host hands every plugin only what that plugin's schema returned.
 */
// biome-ignore lint/suspicious/noExplicitAny: a plugin's handlers accept exactly the config its own schema produces
export type SoukPlugin = PluginDefinition<Database, any>;

export interface PluginRunnerOptions {
  db: Kysely<Database>;
  bus: EventBus;
  logger: Logger;
  /** The host's configuration: each plugin's own variables are read from its `env`. */
  config: Config;
  plugins: readonly SoukPlugin[];
  /** The database's LISTEN/NOTIFY wake-ups, offered to plugins as `onNotify` (their workers' wake-ups). */
  notifications?: Notifications;
  /** Tries per event before it goes to the dead letters. */
  maxAttempts: number;
  retryBaseMs: number;
}

export interface PluginRunner {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The consumer group a plugin reads the bus as. */
export const groupOf = (plugin: string) => `plugin.${plugin}`;

/**
 * The kit cannot see the spec, so a plugin's event arrives untyped; plugins type theirs with
 * `DomainEvent<T>` from the host (as inventory-alerts does) and the relay checks nothing more.
 */
async function emitIn(trx: Transaction<Database>, event: NewEvent): Promise<void> {
  await recordEvents(trx, [event as DomainEvent]);
}

/**
 * Hosts plugins: one bus consumer group per plugin, reading events in runs (`subscribeBatch`). For a
 * run, in one transaction: claim (plugin, event id) in `plugin_processed_events` for all its events —
 * an event already claimed is a redelivery and nothing runs for it — then the handlers, with that
 * transaction: a subscription's `handleBatch` with all its events at once, else `handle` per event,
 * each event inside a savepoint. When an event's handler throws, its savepoint is rolled back, the
 * events before it commit, and it is tried again alone (attempt 2 onwards) with exponential backoff
 * before the rest of the run goes on, so a plugin still sees one aggregate's events in order; after
 * `maxAttempts` it goes to `plugin_dead_letters` with the error (marked processed in the same
 * transaction). A `handleBatch` that throws rolls the run back and the run is redone per event. The
 * bus commits its offset only after this resolved, i.e. after the effects are durable; if the database
 * itself is down this throws and the bus redelivers later.
 */
export function createPluginRunner(options: PluginRunnerOptions): PluginRunner {
  const { db, bus, logger, config, plugins } = options;
  const subscriptions: Subscription[] = [];
  const contexts = new Map<SoukPlugin, PluginContext<Database, unknown>>();

  const handlersOf = (plugin: SoukPlugin, event: BusEvent) =>
    plugin.subscribe.filter((s) => s.event === '*' || s.event === event.type);

  /** Handles a run of events; see above. */
  async function dispatchRun(plugin: SoukPlugin, events: readonly BusEvent[]): Promise<void> {
    let rest = events.filter((e) => handlersOf(plugin, e).length > 0);
    let batched = plugin.subscribe.every((s) => s.handleBatch !== undefined);
    while (rest.length > 0) {
      let failed: { index: number; err: unknown } | undefined;
      try {
        failed = await runInOne(plugin, rest, batched);
      } catch (err) {
        if (!batched) throw err;
        // A batch handler threw: redo the run event by event to find (and retry) the one that fails.
        logger.warn({ err, plugin: plugin.name }, 'plugin batch failed; handling its events one by one');
        batched = false;
        continue;
      }
      if (!failed) return;
      const event = rest[failed.index] as BusEvent;
      pluginEvents.inc({ group: groupOf(plugin.name), outcome: 'retried' });
      logger.warn(
        { err: failed.err, plugin: plugin.name, event_id: event.id, attempt: 1 },
        'plugin handler failed',
      );
      await dispatch(plugin, event, 2, failed.err);
      rest = rest.slice(failed.index + 1);
    }
  }

  /**
   * One transaction over `events`: claims them, runs the handlers (batch handlers, or per event in a
   * savepoint) and commits what succeeded. Returns the first event that failed (its savepoint rolled
   * back; it and every later event unclaimed again), or nothing when all went through.
   */
  async function runInOne(plugin: SoukPlugin, events: readonly BusEvent[], batched: boolean) {
    const group = groupOf(plugin.name);
    const log = logger.child({ plugin: plugin.name });
    const config = contexts.get(plugin)?.config ?? {};
    let failed: { index: number; err: unknown } | undefined;
    const outcomes: Array<'processed' | 'duplicate'> = [];
    await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .insertInto('plugin_processed_events')
        .values(events.map((e) => ({ plugin: plugin.name, event_id: e.id })))
        .onConflict((oc) => oc.columns(['plugin', 'event_id']).doNothing())
        .returning('event_id')
        .execute();
      const fresh = new Set(claimed.map((r) => r.event_id));
      const ctx = { trx, emit: (e: NewEvent) => emitIn(trx, e), logger: log, config, attempt: 1 };
      if (batched) {
        for (const s of plugin.subscribe) {
          const theirs = events.filter((e) => fresh.has(e.id) && (s.event === '*' || s.event === e.type));
          if (theirs.length > 0) await s.handleBatch?.(theirs satisfies readonly SoukEvent[], ctx);
        }
      } else {
        for (const [index, event] of events.entries()) {
          if (!fresh.has(event.id)) continue;
          await sql`SAVEPOINT souk_event`.execute(trx);
          try {
            for (const h of handlersOf(plugin, event)) await h.handle(event satisfies SoukEvent, ctx);
            await sql`RELEASE SAVEPOINT souk_event`.execute(trx);
          } catch (err) {
            await sql`ROLLBACK TO SAVEPOINT souk_event`.execute(trx);
            failed = { index, err };
            // Not processed after all: it is retried alone, and the later ones wait for it.
            const left = events.slice(index).flatMap((e) => (fresh.has(e.id) ? [e.id] : []));
            await trx
              .deleteFrom('plugin_processed_events')
              .where('plugin', '=', plugin.name)
              .where('event_id', 'in', left)
              .execute();
            break;
          }
        }
      }
      const upTo = failed?.index ?? events.length;
      for (const e of events.slice(0, upTo)) outcomes.push(fresh.has(e.id) ? 'processed' : 'duplicate');
    });
    for (const [i, outcome] of outcomes.entries()) observeHandled(group, events[i] as BusEvent, outcome);
    return failed;
  }

  async function dispatch(plugin: SoukPlugin, event: BusEvent, firstAttempt = 1, earlier?: unknown) {
    const handlers = handlersOf(plugin, event);
    if (handlers.length === 0) return;
    const log = logger.child({ plugin: plugin.name, event_id: event.id, event_type: event.type });
    let lastError: unknown = earlier;
    const group = groupOf(plugin.name);
    for (let attempt = firstAttempt; attempt <= options.maxAttempts; attempt++) {
      if (attempt > 1)
        await new Promise((r) => setTimeout(r, backoffMs(attempt - 1, options.retryBaseMs, 60_000)));
      try {
        let duplicate = false;
        // Its own transaction, away from any request: the effect and its processed-event mark
        // commit together.
        await db.transaction().execute(async (trx) => {
          const claimed = await trx
            .insertInto('plugin_processed_events')
            .values({ plugin: plugin.name, event_id: event.id })
            .onConflict((oc) => oc.columns(['plugin', 'event_id']).doNothing())
            .returning('event_id')
            .executeTakeFirst();
          duplicate = !claimed;
          if (!claimed) return;
          const config = contexts.get(plugin)?.config ?? {};
          const ctx = { trx, emit: (e: NewEvent) => emitIn(trx, e), logger: log, config, attempt };
          for (const h of handlers) await h.handle(event satisfies SoukEvent, ctx);
        });
        observeHandled(group, event, duplicate ? 'duplicate' : 'processed');
        return;
      } catch (err) {
        lastError = err;
        pluginEvents.inc({ group, outcome: 'retried' });
        log.warn({ err, attempt }, 'plugin handler failed');
      }
    }
    await deadLetter(plugin.name, event, lastError, options.maxAttempts);
    pluginDeadLetters.inc({ group });
    observeHandled(group, event, 'dead_lettered');
    log.error({ err: lastError }, 'plugin gave up on event; moved to plugin_dead_letters');
  }

  async function deadLetter(plugin: string, event: BusEvent, err: unknown, attempts: number) {
    const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('plugin_dead_letters')
        .values({
          plugin,
          event_id: event.id,
          event_type: event.type,
          event: JSON.stringify(event),
          error: error.slice(0, 4000),
          attempts,
        })
        .onConflict((oc) =>
          oc.columns(['plugin', 'event_id']).doUpdateSet({ error, attempts, failed_at: new Date() }),
        )
        .execute();
      await trx
        .insertInto('plugin_processed_events')
        .values({ plugin, event_id: event.id })
        .onConflict((oc) => oc.columns(['plugin', 'event_id']).doNothing())
        .execute();
    });
  }

  return {
    async start() {
      // Every plugin's configuration is checked before any of them starts.
      const own = await Promise.all(plugins.map((plugin) => readPluginConfig(plugin, config.env)));
      for (const [i, plugin] of plugins.entries()) {
        const ctx = {
          db,
          logger: logger.child({ plugin: plugin.name }),
          config: own[i],
          emit: emitIn,
          onNotify: options.notifications?.on,
        };
        contexts.set(plugin, ctx);
        await plugin.init?.(ctx);
        subscriptions.push(
          await bus.subscribeBatch(groupOf(plugin.name), (events) => dispatchRun(plugin, events)),
        );
        logger.info({ plugin: plugin.name, version: plugin.version, bus: bus.kind }, 'plugin started');
      }
    },
    async stop() {
      await Promise.all(subscriptions.splice(0).map((s) => s.close()));
      for (const plugin of [...plugins].reverse()) {
        const ctx = contexts.get(plugin);
        if (ctx) await plugin.destroy?.(ctx);
        contexts.delete(plugin);
      }
    },
  };
}

/** A runner for these plugins with the configuration's retry settings. */
export function createConfiguredRunner(
  config: Config,
  deps: { db: Kysely<Database>; bus: EventBus; logger: Logger; notifications?: Notifications },
  plugins: readonly SoukPlugin[],
): PluginRunner {
  return createPluginRunner({
    ...deps,
    notifications: config.EVENT_WAKEUPS ? deps.notifications : undefined,
    logger: deps.logger.child({ component: 'plugins' }),
    config,
    plugins,
    maxAttempts: config.PLUGIN_MAX_ATTEMPTS,
    retryBaseMs: config.PLUGIN_RETRY_BASE_MS,
  });
}
