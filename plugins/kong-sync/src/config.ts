import { z } from 'zod';

const schema = z.object({
  /** Kong's Admin API, e.g. http://kong:8001 (never exposed publicly). */
  KONG_ADMIN_URL: z.string().regex(/^https?:\/\//, 'must be an http(s) URL'),
  /** Sent as `Kong-Admin-Token` when set (RBAC-protected Admin APIs). */
  KONG_ADMIN_TOKEN: z.string().min(1).optional(),
  /** PEM RSA private key matching the API's API_KEY_SEAL_PUBLIC_KEY: opens `sealed_secret`. */
  KONG_SYNC_PRIVATE_KEY: z.string().startsWith('-----BEGIN'),
  /** Also put consumers in the consumer group of their tier (Kong Enterprise / Konnect only). */
  KONG_SYNC_CONSUMER_GROUPS: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  KONG_SYNC_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
});

/** The kong-sync plugin's own configuration, read from the environment of the process hosting it. */
export type KongSyncConfig = z.infer<typeof schema>;

/** Validates the plugin's variables; throws naming every bad one. */
export function loadKongSyncConfig(env: NodeJS.ProcessEnv = process.env): KongSyncConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const names = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`kong-sync: invalid configuration: ${names}`);
  }
  return result.data;
}
