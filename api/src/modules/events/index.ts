/** Public surface of the events module: the transactional outbox, the bus port and its relay. */

export { createEmbeddedBus } from './bus.embedded.js';
export { createConfiguredRelay, createEventBus } from './bus.factory.js';
export type { BusEvent, BusHandler, EventBus, Subscription } from './bus.js';
export { type EventEnvelope, toBusEvent, toEnvelope } from './envelope.js';
export type { EventData, EventEnvelopeOf, EventType } from './event-types.js';
export type { OutboxTables } from './events.table.js';
export {
  type DomainEvent,
  eventsOf,
  latestEventPosition,
  type OutboxColumns,
  outboxColumns,
  outboxInsert,
  recordEvents,
} from './outbox.js';
export { createRelay, type Relay, relayRoundsSettled } from './relay.js';
