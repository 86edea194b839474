import type { SoukEvent } from '@souk/plugin-kit';

/**
 * The event bus port: the relay publishes committed outbox events to it; plugin consumers read them.
 * Two adapters implement it — Kafka (`bus.kafka.ts`) and the embedded, database-backed log
 * (`bus.embedded.ts`) — and one contract suite (`bus.contract.ts`) holds both to the same semantics:
 * ordered per aggregate, at least once, offsets committed only after the handler resolved.
 */

/** An event as published: the envelope of the spec's `webhooks` plus where it came from (the kit's type). */
export type BusEvent = SoukEvent;

/** Handles one event. Resolving commits it for the group; throwing redelivers it (after a restart). */
export type BusHandler = (event: BusEvent) => Promise<void>;

/**
 * Handles a run of events, in order (the log's order on the embedded bus, one partition's on Kafka).
 * Resolving commits them all for the group; throwing redelivers the whole run.
 */
export type BusBatchHandler = (events: readonly BusEvent[]) => Promise<void>;

export interface Subscription {
  /** Stops consuming; resolves after the in-flight handler finished. */
  close(): Promise<void>;
}

export interface SubscribeOptions {
  /** Called when the consumer stopped on an error it cannot skip (the handler threw). */
  onError?: (err: unknown) => void;
}

export interface EventBus {
  readonly kind: 'kafka' | 'embedded';
  /** Creates topics or anything else the adapter needs; safe to call again. */
  setup(): Promise<void>;
  /**
   * Publishes a batch in order and resolves once the bus holds it durably. The embedded bus needs
   * no copy (its log is the outbox itself), so for it this only wakes consumers.
   */
  publish(events: readonly BusEvent[]): Promise<void>;
  /** Starts a consumer group; each group sees every event once (at least once after a crash). */
  subscribe(group: string, handler: BusHandler, options?: SubscribeOptions): Promise<Subscription>;
  /** As `subscribe`, handing over events in runs (up to the adapter's batch size) to be handled together. */
  subscribeBatch(group: string, handler: BusBatchHandler, options?: SubscribeOptions): Promise<Subscription>;
  close(): Promise<void>;
}
