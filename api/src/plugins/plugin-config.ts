import type { ConfigIssue, ConfigSchema } from '@souk/plugin-kit';
import { ConfigError } from '../config.js';

/** The variable an issue is about: the first segment of its path. */
function variableOf(issue: ConfigIssue): string {
  const first = issue.path?.[0];
  const key = typeof first === 'object' && first !== null ? first.key : first;
  return key === undefined ? '' : String(key);
}

/**
 * Validates a plugin's own variables with the schema it declared in `definePlugin` and returns its
 * configuration (an empty object when it declared none). A bad value is a `ConfigError` naming the
 * plugin, each variable, its value and the rule — the way the API's own configuration fails.
 */
export async function readPluginConfig(
  plugin: { name: string; config?: ConfigSchema<unknown> | undefined },
  env: Readonly<Record<string, string>>,
): Promise<unknown> {
  if (!plugin.config) return {};
  const result = await plugin.config['~standard'].validate({ ...env });
  if (!result.issues) return result.value;
  const lines = result.issues.map((issue) => {
    const name = variableOf(issue);
    return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration of the ${plugin.name} plugin:\n${lines.join('\n')}`);
}
