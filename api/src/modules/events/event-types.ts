import type { webhooks } from '../../generated/openapi.js';

/** Every event type the spec declares (its `webhooks`). */
export type EventType = keyof webhooks;

/** The whole envelope of an event type, generated from the spec. */
export type EventEnvelopeOf<T extends EventType> =
  webhooks[T]['post']['requestBody']['content']['application/json'];

/** The `data` payload of an event type, generated from the spec. */
export type EventData<T extends EventType> = EventEnvelopeOf<T>['data'];
