import { type TestApi, testApiForFile } from './test-api.js';

/**
 * A test API for a webhook test file (see testApiForFile): endpoints may point at hooks.example.test,
 * and deliveries stay queued in the database — no relay and no in-process plugins send them.
 */
export function webhookTestApiForFile(): TestApi {
  return testApiForFile({
    env: { WEBHOOK_ALLOWED_HOSTS: 'hooks.example.test', PLUGINS_IN_PROCESS: 'false', RELAY_ENABLED: 'false' },
  });
}
