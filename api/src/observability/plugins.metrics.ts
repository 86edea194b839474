import type { SoukEvent } from '@souk/plugin-kit';
import { pluginConsumerLag, pluginEvents, pluginLastHandled } from './metrics.js';

export { pluginDeadLetters, pluginEvents } from './metrics.js';

/**
 * Records that a plugin consumer group finished an event: its outcome, and the group's lag — how
 * long after the event occurred the group got to it. The lag is measured in time rather than in
 * offsets so it means the same on Kafka and on the embedded bus; a stalled group shows as a
 * `last_handled` timestamp that stops moving while the outbox keeps publishing.
 */
export function observeHandled(
  group: string,
  event: Pick<SoukEvent, 'occurred_at'>,
  outcome: 'processed' | 'duplicate' | 'dead_lettered',
): void {
  const now = Date.now();
  pluginEvents.inc({ group, outcome });
  const occurred = Date.parse(event.occurred_at);
  if (Number.isFinite(occurred)) pluginConsumerLag.set({ group }, Math.max(0, (now - occurred) / 1000));
  pluginLastHandled.set({ group }, now / 1000);
}
