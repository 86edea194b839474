import type { SoukPlugin } from './runner.js';

/**
 * Loads the plugins named in `PLUGINS` (comma-separated): `webhooks` is the workspace package
 * `@souk/plugin-webhooks`, whose default export is its `definePlugin(...)`.
 */
export async function loadPlugins(names: readonly string[]): Promise<SoukPlugin[]> {
  const plugins: SoukPlugin[] = [];
  for (const name of names) {
    const mod = (await import(`@souk/plugin-${name}`)) as { default?: SoukPlugin };
    if (!mod.default || mod.default.name !== name) {
      throw new Error(`@souk/plugin-${name} must default-export definePlugin({ name: '${name}', … })`);
    }
    plugins.push(mod.default);
  }
  return plugins;
}
