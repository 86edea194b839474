import type { ClaimedDelivery } from '@souk/api/webhooks';

/** Claimed deliveries of one endpoint, in sending order, and until when they are locked for us. */
export interface Run {
  deliveries: ClaimedDelivery[];
  lockUntil: Date;
}

/** One endpoint's lane: the run it sends, the run claimed ahead of it, what it sent unrecorded. */
export interface Lane {
  endpointId: string;
  /** `locked_until` of the run being sent: the claim ahead takes the next run only while it holds. */
  heldUntil: Date;
  next?: Run;
  /** Sent successfully and not yet committed (waiting for, or in, a refill's transaction). */
  unsettled: number;
  /** 'drained': its runs were sent and none was claimed ahead; 'stopped': a run ended early. */
  state: 'sending' | 'drained' | 'stopped';
}
