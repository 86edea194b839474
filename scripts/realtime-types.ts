/**
 * Renders `src/generated/realtime.ts` (api/ and sdk/) from spec/asyncapi.yaml: for each channel its
 * namespace, room address, the event types it carries and the payload fields it leaves out, plus the
 * message types. A message's payload must `$ref` one of the event schemas the OpenAPI `webhooks` use;
 * its type is then that webhook's request body from the generated `openapi.ts`, never a copy. A
 * snapshot channel (`x-souk-snapshot`, the server sends state rather than bus events) instead declares
 * an inline envelope whose `data` `$ref`s a component schema; `data` is typed as that component.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { load } from 'js-yaml';

interface Ref {
  $ref: string;
}
interface AsyncApi {
  channels: Record<
    string,
    {
      address: string;
      'x-souk-namespace': string;
      'x-souk-room-key': string;
      'x-souk-snapshot'?: boolean;
      messages: Record<string, Ref>;
    }
  >;
  operations: Record<
    string,
    { action: string; channel: Ref; 'x-souk-omit-data'?: string[]; 'x-souk-actor'?: ActorPolicy }
  >;
  components: { messages: Record<string, { name: string; payload: Ref | InlineEnvelope }> };
}

/** A snapshot message's payload: an envelope whose `data` is a component schema. */
interface InlineEnvelope {
  properties: { type: { const: string }; data: Ref };
}

/** What a channel does with the envelope's `actor`: leave it out, or keep only the receiver's own. */
type ActorPolicy = 'omit' | 'own';
const POLICIES: readonly string[] = ['omit', 'own'];

const local = (ref: Ref, prefix: string) => {
  if (!ref.$ref.startsWith(prefix))
    throw new Error(`asyncapi: expected a ${prefix}… reference, got ${ref.$ref}`);
  return ref.$ref.slice(prefix.length);
};

/** The TypeScript module describing the real-time channels of `spec/asyncapi.yaml`. */
export function renderRealtimeTypes(root: string): string {
  const file = join(root, 'spec/asyncapi.yaml');
  const doc = load(readFileSync(file, 'utf8')) as AsyncApi;
  const omitOf = new Map<string, string[]>();
  const actorOf = new Map<string, ActorPolicy>();
  for (const [id, op] of Object.entries(doc.operations)) {
    if (op.action !== 'receive') continue;
    const channel = local(op.channel, '#/channels/');
    omitOf.set(channel, op['x-souk-omit-data'] ?? []);
    // Every receiving operation must say who may see attribution: no default that could leak it.
    const policy = op['x-souk-actor'];
    if (!policy || !POLICIES.includes(policy))
      throw new Error(`asyncapi: operation ${id} needs x-souk-actor (${POLICIES.join(' or ')})`);
    actorOf.set(channel, policy);
  }
  const channels: string[] = [];
  const messages: string[] = [];
  for (const [name, channel] of Object.entries(doc.channels)) {
    const snapshot = channel['x-souk-snapshot'] === true;
    const snapshotTypes: string[] = [];
    const events = Object.values(channel.messages).map((ref) => {
      const message = doc.components.messages[local(ref, '#/components/messages/')];
      if (!message) throw new Error(`asyncapi: channel ${name} names an unknown message ${ref.$ref}`);
      if (snapshot) {
        if ('$ref' in message.payload)
          throw new Error(`asyncapi: snapshot message ${message.name} needs an inline envelope`);
        const { type, data } = message.payload.properties;
        if (type.const !== message.name)
          throw new Error(`asyncapi: message ${message.name} has type ${String(type.const)}`);
        const component = data.$ref.replace(/^.*\//, '').replace(/\.yaml$/, '');
        snapshotTypes.push(
          `{ id: string; type: '${type.const}'; occurred_at: string; data: components['schemas']['${component}'] }`,
        );
        return type.const;
      }
      if (!('$ref' in message.payload))
        throw new Error(`asyncapi: message ${message.name} must $ref an event schema`);
      const schemaFile = join(dirname(file), message.payload.$ref);
      const schema = load(readFileSync(schemaFile, 'utf8')) as {
        properties?: { type?: { const?: string } };
      };
      const type = schema.properties?.type?.const;
      if (type !== message.name)
        throw new Error(`asyncapi: message ${message.name} points at the schema of ${String(type)}`);
      return type;
    });
    const omit = omitOf.get(name) ?? [];
    const actor = actorOf.get(name);
    if (!actor) throw new Error(`asyncapi: no receive operation for channel ${name}`);
    channels.push(
      `  ${name}: {\n    namespace: '${channel['x-souk-namespace']}',\n    address: '${channel.address}',\n` +
        `    roomKey: '${channel['x-souk-room-key']}',\n    events: [${events.map((e) => `'${e}'`).join(', ')}],\n` +
        `    omitData: [${omit.map((f) => `'${f}'`).join(', ')}],\n    actor: '${actor}',\n` +
        `    snapshot: ${snapshot},\n  },`,
    );
    const union = (snapshot ? snapshotTypes : events)
      .map((e) => {
        if (snapshot) return e;
        const base = actor === 'omit' ? `Omit<Envelope<'${e}'>, 'actor'>` : `Envelope<'${e}'>`;
        return omit.length ? `Without<${base}, ${omit.map((f) => `'${f}'`).join(' | ')}>` : base;
      })
      .join('\n    | ');
    messages.push(`  ${name}:\n    | ${union};`);
  }
  return `// Generated from spec/asyncapi.yaml by \`npm run generate\`. Do not edit.

import type { components, webhooks } from './openapi.js';

/** The envelope of an event type, as its webhook's request body. */
type Envelope<T extends keyof webhooks> = webhooks[T]['post']['requestBody']['content']['application/json'];
/** An envelope whose \`data\` lacks fields the channel leaves out. */
type Without<E, K extends PropertyKey> = E extends { data: infer D } ? Omit<E, 'data'> & { data: Omit<D, K> } : never;

/**
 * The real-time channels: namespace, room address, the data field naming the room, events, omitted
 * \`data\` fields, what the channel does with \`actor\` (\`omit\`: none; \`own\`: the receiver's own, else its type),
 * and whether it sends state read on demand (\`snapshot\`) rather than bus events.
 */
export const realtimeChannels = {
${channels.join('\n')}
} as const;

/** A channel's name. */
export type RealtimeChannel = keyof typeof realtimeChannels;

/** The messages (event envelopes) each channel carries. */
export interface RealtimeMessages {
${messages.join('\n')}
}
`;
}
