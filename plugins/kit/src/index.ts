/**
 * The Souk plugin kit. A plugin is a workspace package whose default export is `definePlugin({...})`;
 * the host (`npm run plugins`, or the API process) runs the plugins named in `PLUGINS`, each as its
 * own consumer group of the event bus (Kafka or embedded).
 *
 * Delivery is at least once. The host makes handling idempotent for you: before a handler runs it
 * records (plugin, event id) in `plugin_processed_events` inside the same transaction it hands to the
 * handler (`ctx.trx`), so whatever the handler writes with `ctx.trx` commits exactly once with that
 * record. Effects outside the database must be made idempotent by the plugin (the webhooks plugin
 * only queues deliveries here and sends them from its own worker).
 */
import type { Kysely, Transaction } from 'kysely';

/** An event as plugins receive it: the envelope of the spec's `webhooks` plus its origin. */
export interface SoukEvent<Data = Record<string, unknown>> {
  id: string;
  type: string;
  version: number;
  occurred_at: string;
  seller_id: string | null;
  /** Who caused the event (the spec's `Actor`: `type`, and `id`/`role`/`key_id` where they apply). */
  actor: {
    type: 'api_key' | 'seller_staff' | 'operator_staff' | 'customer' | 'system';
    id?: string;
    role?: string;
    key_id?: string;
  };
  aggregate_type: string;
  aggregate_id: string;
  data: Data;
  /** Outbox position: the order events were written in. */
  position: number;
}

/** An event a plugin emits; it goes to the outbox in the handler's transaction like any other. */
export interface NewEvent {
  type: string;
  aggregateType: string;
  aggregateId: string;
  sellerId?: string | null;
  data: Record<string, unknown>;
}

/** Structured logger handed to plugins (pino-compatible subset). */
export interface PluginLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What a handler gets for one event. */
export interface HandlerContext<DB, Config> {
  /** The transaction that also records the event as processed: write the handler's effect with it. */
  trx: Transaction<DB>;
  /** Records a new domain event in the outbox, in `trx`. */
  emit(event: NewEvent): Promise<void>;
  logger: PluginLogger;
  config: Config;
  /** 1 on the first try; higher when an earlier try of this event failed. */
  attempt: number;
}

/** What `init` gets: long-lived resources for background work (timers, workers). */
export interface PluginContext<DB, Config> {
  db: Kysely<DB>;
  logger: PluginLogger;
  config: Config;
  /** Records a new domain event in the outbox in the given transaction. */
  emit(trx: Transaction<DB>, event: NewEvent): Promise<void>;
  /**
   * Calls `wake` whenever the host's database sends a notification on `channel` (PostgreSQL
   * LISTEN/NOTIFY, e.g. from a trigger on a table a worker polls); returns a function that stops it.
   * Absent when the host has no wake-ups: poll instead. Notifications can be lost, so keep a slow poll.
   */
  onNotify?(channel: string, wake: () => void): () => void;
}

/** One subscription: an event type (or `*` for every type) and its handler. */
export interface Subscription<DB, Config> {
  event: string;
  handle(event: SoukEvent, ctx: HandlerContext<DB, Config>): Promise<void>;
  /**
   * Optional: handles a run of events (in order) at once, in one transaction with their processed
   * records — e.g. one multi-row INSERT instead of one per event. If it throws, the host rolls the run
   * back and handles its events one at a time with `handle`, retrying only the one that fails. Used
   * when every subscription of the plugin has one.
   */
  handleBatch?(events: readonly SoukEvent[], ctx: HandlerContext<DB, Config>): Promise<void>;
}

/** One problem a config schema found: its message and the variable it is about. */
export interface ConfigIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/**
 * The schema of a plugin's own environment variables: any Standard Schema (a zod 4 object is one),
 * so the kit needs no validation library. It gets the host's environment (unset and empty values
 * dropped) and returns the plugin's typed configuration with its defaults.
 */
export interface ConfigSchema<Config> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    validate(value: unknown): ConfigResult<Config> | Promise<ConfigResult<Config>>;
  };
}

/** What validating a plugin's environment gives: its configuration, or the issues. */
export type ConfigResult<Config> =
  | { readonly value: Config; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<ConfigIssue> };

export interface PluginDefinition<DB, Config> {
  /** Unique, stable: it names the consumer group and keys the processed-events record. */
  name: string;
  version: string;
  /**
   * The plugin's own configuration: the host validates it at start (a bad value stops the host,
   * naming the variable) and hands the result to `init` and every handler as `config`. Without a
   * schema `config` is an empty object.
   */
  config?: ConfigSchema<Config>;
  subscribe: ReadonlyArray<Subscription<DB, Config>>;
  init?(ctx: PluginContext<DB, Config>): Promise<void> | void;
  /** Gets the same context object `init` got, so state can be kept per host (e.g. in a WeakMap). */
  destroy?(ctx: PluginContext<DB, Config>): Promise<void> | void;
}

/** Declares a plugin; typed against the host's database schema and the plugin's own configuration. */
export function definePlugin<DB, Config>(
  definition: PluginDefinition<DB, Config>,
): PluginDefinition<DB, Config> {
  if (!/^[a-z0-9-]+$/.test(definition.name)) {
    throw new Error(`plugin name must be lowercase letters, digits and dashes: ${definition.name}`);
  }
  if (definition.subscribe.length === 0) throw new Error(`plugin ${definition.name} subscribes to nothing`);
  return definition;
}
