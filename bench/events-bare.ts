/**
 * The bare baseline of `npm run bench:events`: the delivery stage's HTTP side alone. The webhooks
 * plugin's own sender (the same keep-alive agents, signing and connect-time address check) POSTs the
 * same number of deliveries to the same receiver (which checks every signature), one lane per
 * endpoint with each endpoint's deliveries sent one at a time in order, as many lanes side by side as
 * the delivery worker runs — everything the delivery worker does except PostgreSQL (no claims, no
 * records) and the stages before it. It is the ceiling of the delivery stage on this machine.
 */
import type { ClaimedDelivery } from '../api/src/modules/webhooks/index.js';
import { webhooksConfig } from '../plugins/webhooks/src/config.js';
import { createSender } from '../plugins/webhooks/src/sender.js';
import type { Receiver } from './events-receiver.js';
import { processCpuMs } from './processes.js';

export interface BareResult {
  events: number;
  lanes: number;
  perS: number;
  /** This process's CPU (the sender) per 1,000 deliveries. */
  cpuMsPerThousand: number;
  /** The receiver's process per 1,000 deliveries. */
  receiverCpuMsPerThousand: number | null;
}

/** Sends `events` deliveries spread over `endpoints` endpoints, `lanes` endpoints at a time. */
export async function bareDeliveries(
  hook: Receiver,
  o: { events: number; endpoints: number; lanes: number; round: number },
): Promise<BareResult> {
  const config = webhooksConfig.parse({ ...process.env, WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
  const sender = createSender(config);
  // Event n goes to endpoint n % endpoints, as the pipeline's probes go to seller n % sellers.
  const runs = Array.from({ length: o.endpoints }, (_, i) => {
    const run: ClaimedDelivery[] = [];
    for (let n = i; n < o.events; n += o.endpoints) run.push(delivery(o.round, n, i, hook.urlOf(i)));
    return run;
  });
  let next = 0;
  const cpu0 = process.cpuUsage();
  const receiver0 = processCpuMs(hook.pid);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(o.lanes, o.endpoints) }, async () => {
      for (let run = runs[next++]; run; run = runs[next++]) {
        for (const d of run) {
          const r = await sender.send(d, new Date());
          if (r.error) throw new Error(`bare delivery ${d.id} failed: ${r.error}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const receiver1 = processCpuMs(hook.pid);
  sender.destroy();
  return {
    events: o.events,
    lanes: Math.min(o.lanes, o.endpoints),
    perS: Math.round(o.events / seconds),
    cpuMsPerThousand: perThousand((cpu.user + cpu.system) / 1000, o.events),
    receiverCpuMsPerThousand:
      receiver0 === undefined || receiver1 === undefined
        ? null
        : perThousand(receiver1 - receiver0, o.events),
  };
}

const perThousand = (ms: number, n: number) => Math.round((ms / n) * 1000 * 10) / 10;

/** A delivery shaped like the pipeline's: the envelope of a bench probe, one secret. */
function delivery(round: number, n: number, endpoint: number, url: string): ClaimedDelivery {
  const id = `evt_bare${round}_${String(n).padStart(20, '0')}`;
  return {
    id: `whd_bare${round}_${n}`,
    endpoint_id: `whe_bench${endpoint}`,
    event_id: id,
    event_type: 'product.updated',
    payload: {
      id,
      type: 'product.updated',
      version: 1,
      occurred_at: new Date().toISOString(),
      seller_id: `sel_bench${endpoint}`,
      actor: { type: 'system' },
      data: { product_id: `prod_bench${n % 500}`, n },
    },
    attempt_count: 0,
    url,
    owner: `sel_bench${endpoint}`,
    secrets: [`whsec_${endpoint}`],
  };
}
