import type { EventData } from '../events/event-types.js';
import type { DomainEvent } from '../events/index.js';
import type { CustomerRow } from './customers.repository.js';

/** `customer.created` / `customer.updated`, typed by the spec's event schemas. */
export function customerEvent(type: 'customer.created' | 'customer.updated', row: CustomerRow): DomainEvent {
  const data: EventData<typeof type> = {
    customer_id: row.id,
    email: row.email,
    email_verified: row.email_verified,
    phone: row.phone,
    name: row.name,
    sign_in_provider: row.sign_in_provider,
    providers: row.providers,
  };
  return { type, aggregateType: 'customer', aggregateId: row.id, sellerId: null, data };
}
