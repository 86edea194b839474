import { constants, createHash, createPrivateKey, type KeyObject, privateDecrypt } from 'node:crypto';
import type { Config, Database, EventData } from '@souk/api/plugin-host';
import { definePlugin, type SoukEvent } from '@souk/plugin-kit';
import { createKongAdmin, type KongAdmin } from './admin-client.js';
import { type KongSyncConfig, loadKongSyncConfig } from './config.js';

type Created = EventData<'api_key.created'>;
type Revoked = EventData<'api_key.revoked'>;

/**
 * The Kong consumer of a key. A seller's keys are one consumer (they share the seller's quota, as in
 * the API); a publishable or operator key is a consumer of its own.
 */
export function consumerOf(data: { kind: string; key_id: string; seller_id: string | null }): string {
  return data.kind === 'seller' && data.seller_id
    ? `souk-seller-${data.seller_id}`
    : `souk-key-${data.key_id}`;
}

/** A stable UUID for a key's credential in Kong, so creating it again replaces it instead of duplicating. */
export function credentialIdOf(keyId: string): string {
  const h = createHash('sha256').update(`souk-kong-credential:${keyId}`).digest('hex');
  // Shaped as an RFC 9562 version 8 (custom) UUID.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((Number.parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Opens a `sealed_secret` (RSA-OAEP, SHA-256) with the plugin's private key. */
export function openSealedSecret(sealed: string, key: KeyObject): string {
  return privateDecrypt(
    { key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    Buffer.from(sealed, 'base64'),
  ).toString('utf8');
}

/** What the handlers need, made once per host from the plugin's configuration. */
interface Sync {
  admin: KongAdmin;
  privateKey: KeyObject;
  config: KongSyncConfig;
}
let sync: Sync | undefined;
const ready = (): Sync => {
  if (!sync) {
    const config = loadKongSyncConfig();
    sync = {
      config,
      admin: createKongAdmin({
        url: config.KONG_ADMIN_URL,
        token: config.KONG_ADMIN_TOKEN,
        timeoutMs: config.KONG_SYNC_TIMEOUT_MS,
      }),
      privateKey: createPrivateKey(config.KONG_SYNC_PRIVATE_KEY.replaceAll('\\n', '\n')),
    };
  }
  return sync;
};

/**
 * kong-sync: keeps Kong's consumers and key-auth credentials in step with Souk's API keys.
 * `api_key.created` → upsert the consumer (and its tier's consumer group), then put the credential
 * with the key opened from `sealed_secret`; `api_key.revoked` → delete the credential (and the
 * consumer of a single-key consumer). Every call is idempotent, so the runner's retries and at-least-once
 * delivery are safe; a failed call throws and the runner retries the event with backoff.
 * Why the key travels sealed: infra/kong/README.md.
 */
export default definePlugin<Database, Config>({
  name: 'kong-sync',
  version: '1.0.0',
  init: () => {
    ready(); // fail at start, not on the first event, when the configuration is wrong
  },
  subscribe: [
    {
      event: 'api_key.created',
      handle: async (event: SoukEvent, { logger }) => {
        const { admin, privateKey, config } = ready();
        const data = event.data as unknown as Created;
        const consumer = consumerOf(data);
        await admin.upsertConsumer(consumer, {
          custom_id: data.kind === 'seller' && data.seller_id ? data.seller_id : data.key_id,
          tags: ['souk', `souk-tier-${data.kind}`],
        });
        if (config.KONG_SYNC_CONSUMER_GROUPS) await admin.addToConsumerGroup(data.kind, consumer);
        if (data.sealed_secret === null) {
          // Nothing to give Kong: the key was made while no sealing key was configured.
          logger.error(
            { key_id: data.key_id },
            'kong-sync: api_key.created without sealed_secret; Kong will refuse this key',
          );
          return;
        }
        await admin.putKeyCredential(consumer, credentialIdOf(data.key_id), {
          key: openSealedSecret(data.sealed_secret, privateKey),
          tags: ['souk', `souk-key-${data.key_id}`],
        });
      },
    },
    {
      event: 'api_key.revoked',
      handle: async (event: SoukEvent) => {
        const { admin } = ready();
        const data = event.data as unknown as Revoked;
        const consumer = consumerOf(data);
        await admin.deleteKeyCredential(consumer, credentialIdOf(data.key_id));
        // A seller's consumer holds the seller's other keys; a single-key consumer goes with its key.
        if (data.kind !== 'seller') await admin.deleteConsumer(consumer);
      },
    },
  ],
});
