/** What plugin packages import from the host: its schema and configuration types, and the runner. */
export { type Config, hostList } from '../config.js';
export { CHANNELS } from '../db/notifications.js';
export type { Database } from '../db/schema.js';
export { createLoop, type Loop } from '../lib/loop.js';
export type { DomainEvent, EventData, EventEnvelopeOf, EventType } from '../modules/events/index.js';
export { loadPlugins } from './load.js';
export {
  createConfiguredRunner,
  createPluginRunner,
  groupOf,
  type PluginRunner,
  type SoukPlugin,
} from './runner.js';
