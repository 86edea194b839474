import inventoryAlerts from '@souk/plugin-inventory-alerts';
import { definePlugin } from '@souk/plugin-kit';
import webhooks from '@souk/plugin-webhooks';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config.js';
import type { Database } from '../db/schema.js';
import { readPluginConfig } from './plugin-config.js';

describe('plugin configuration (definePlugin `config`)', () => {
  it("gives each plugin its own variables with their defaults, read from the host's environment", async () => {
    expect(await readPluginConfig(inventoryAlerts, {})).toEqual({ INVENTORY_LOW_THRESHOLD: 5 });
    expect(await readPluginConfig(inventoryAlerts, { INVENTORY_LOW_THRESHOLD: '12', PORT: '1' })).toEqual({
      INVENTORY_LOW_THRESHOLD: 12,
    });
    expect(await readPluginConfig(webhooks, { WEBHOOK_ALLOWED_HOSTS: 'a.test, b.test' })).toMatchObject({
      WEBHOOK_ALLOWED_HOSTS: ['a.test', 'b.test'],
      WEBHOOK_TIMEOUT_MS: 10_000,
      WEBHOOK_DISABLE_AFTER_HOURS: 72,
      WEBHOOK_CONCURRENCY: 16,
      WEBHOOK_POLL_MS: 250,
      WEBHOOK_RETRY_SCALE: 1,
    });
  });

  it('refuses a bad value naming the plugin, the variable, its value and the rule', async () => {
    const err = await readPluginConfig(webhooks, { WEBHOOK_TIMEOUT_MS: '5' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(String((err as Error).message)).toMatch(/webhooks plugin[\s\S]*WEBHOOK_TIMEOUT_MS="5": .*100/);
  });

  it('hands a plugin without a schema an empty object', async () => {
    const bare = definePlugin<Database, Record<string, never>>({
      name: 'bare',
      version: '0.0.0',
      subscribe: [{ event: '*', handle: async () => {} }],
    });
    expect(await readPluginConfig(bare, { INVENTORY_LOW_THRESHOLD: '3' })).toEqual({});
  });
});
