/** Public surface of the events module: the transactional outbox. */

export type { OutboxTables } from './events.table.js';
export { type DomainEvent, eventsOf, latestEventPosition, recordEvents } from './outbox.js';
