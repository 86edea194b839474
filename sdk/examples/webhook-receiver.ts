/**
 * Receiving webhooks: an HTTP endpoint that verifies `Souk-Signature` before trusting a delivery.
 * Run it with the endpoint's secret; it answers 400 to anything not signed with it.
 *   SOUK_WEBHOOK_SECRET=whsec_… PORT=4242 node --import tsx sdk/examples/webhook-receiver.ts
 * With `--self-test` it sends itself one genuine and one tampered delivery, then exits.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  constructWebhookEvent,
  SoukSignatureVerificationError,
  signWebhookPayload,
  WEBHOOK_HEADERS,
} from '@souk/sdk';

const secret = process.env.SOUK_WEBHOOK_SECRET ?? 'whsec_example_secret';

const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks); // verify the raw bytes, never re-serialized JSON
  try {
    const event = await constructWebhookEvent(
      raw,
      req.headers['souk-signature'] as string | undefined,
      secret,
    );
    console.log(`received ${event.type} ${event.id} (delivery ${req.headers['souk-delivery-id'] ?? '-'})`);
    res.writeHead(204).end(); // acknowledge fast; do the work asynchronously, deduplicating on event.id
  } catch (err) {
    if (!(err instanceof SoukSignatureVerificationError)) throw err;
    console.log(`rejected delivery: ${err.reason}`);
    res.writeHead(400).end();
  }
});
await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
console.log(`listening on ${url}`);

if (process.argv.includes('--self-test')) {
  const body = JSON.stringify({
    id: 'evt_example_1',
    type: 'product.published',
    version: 1,
    occurred_at: new Date().toISOString(),
    seller_id: 'sel_example',
    data: { product_id: 'prod_example' },
  });
  const send = async (payload: string, signature: string) =>
    (await fetch(url, { method: 'POST', body: payload, headers: { [WEBHOOK_HEADERS.signature]: signature } }))
      .status;
  const signature = await signWebhookPayload(body, secret);
  console.log(`genuine delivery -> ${await send(body, signature)}`);
  console.log(`tampered delivery -> ${await send(body.replace('prod_example', 'prod_evil'), signature)}`);
  server.close();
}
