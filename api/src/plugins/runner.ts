import type { NewEvent, PluginContext, PluginDefinition, SoukEvent } from '@souk/plugin-kit';
import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../config.js';
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
 * Hosts plugins: one bus consumer group per plugin. For each event a plugin subscribes to, in one
 * transaction: claim (plugin, event id) in `plugin_processed_events` — if it was already claimed this
 * is a redelivery and nothing runs — then the handlers, with that transaction. A throwing handler
 * rolls everything back and is tried again with exponential backoff; after `maxAttempts` the event
 * goes to `plugin_dead_letters` with the error (marked processed in the same transaction) and the
 * consumer moves on. The bus commits its offset only after this resolved, i.e. after the effect is
 * durable; if the database itself is down this throws and the bus redelivers later.
 */
export function createPluginRunner(options: PluginRunnerOptions): PluginRunner {
  const { db, bus, logger, config, plugins } = options;
  const subscriptions: Subscription[] = [];
  const contexts = new Map<SoukPlugin, PluginContext<Database, unknown>>();

  async function dispatch(plugin: SoukPlugin, event: BusEvent): Promise<void> {
    const handlers = plugin.subscribe.filter((s) => s.event === '*' || s.event === event.type);
    if (handlers.length === 0) return;
    const log = logger.child({ plugin: plugin.name, event_id: event.id, event_type: event.type });
    let lastError: unknown;
    const group = groupOf(plugin.name);
    for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
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
        if (attempt < options.maxAttempts) {
          await new Promise((r) => setTimeout(r, backoffMs(attempt, options.retryBaseMs, 60_000)));
        }
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
        const ctx = { db, logger: logger.child({ plugin: plugin.name }), config: own[i], emit: emitIn };
        contexts.set(plugin, ctx);
        await plugin.init?.(ctx);
        subscriptions.push(await bus.subscribe(groupOf(plugin.name), (event) => dispatch(plugin, event)));
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
  deps: { db: Kysely<Database>; bus: EventBus; logger: Logger },
  plugins: readonly SoukPlugin[],
): PluginRunner {
  return createPluginRunner({
    ...deps,
    logger: deps.logger.child({ component: 'plugins' }),
    config,
    plugins,
    maxAttempts: config.PLUGIN_MAX_ATTEMPTS,
    retryBaseMs: config.PLUGIN_RETRY_BASE_MS,
  });
}
