import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { load } from 'js-yaml';
import { type Document, OpenAPIRouter } from 'openapi-backend';
import { type RealtimeChannel, realtimeChannels } from '../../src/generated/realtime.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const SPEC_ID = 'urn:souk:openapi';

type Json = Record<string, unknown>;

/** The bundled document the tests hold responses to. */
export const specDocument = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../spec/dist/openapi.json', import.meta.url)), 'utf8'),
) as Document & Json;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// The whole document becomes one schema so every $ref resolves exactly as in the spec.
ajv.addSchema({ ...specDocument, $id: SPEC_ID } as Json);
const router = new OpenAPIRouter({ definition: structuredClone(specDocument) });
const compiled = new Map<string, ValidateFunction>();

function validatorAt(pointer: string): ValidateFunction {
  let fn = compiled.get(pointer);
  if (!fn) {
    fn = ajv.compile({ $ref: `${SPEC_ID}#${pointer}` });
    compiled.set(pointer, fn);
  }
  return fn;
}

const esc = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');

function resolve(pointer: string): unknown {
  let node: unknown = specDocument;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    node = (node as Json)?.[key];
  }
  return node;
}

/**
 * Checks a response against the contract and returns every mismatch (empty when it conforms):
 * the status must be declared by the matched operation, the content type declared for it, the body
 * valid against its schema, and `X-Request-Id` present. Responses outside any operation (404/405)
 * must be valid problems.
 */
export function checkResponse(
  method: string,
  path: string,
  res: { status: number; contentType: string; headers: Headers; body: unknown },
): string[] {
  const problems: string[] = [];
  if (!res.headers.get('x-request-id')) problems.push('missing X-Request-Id header');
  const mediaType = res.contentType.split(';')[0]?.trim() ?? '';
  const op = router.matchOperation({ method: method === 'head' ? 'get' : method, path, headers: {} });
  if (!op) {
    if (![404, 405].includes(res.status)) problems.push(`status ${res.status} for a path outside the spec`);
    return [
      ...problems,
      ...validateAt('/components/schemas/Problem', res.body, mediaType, 'application/problem+json'),
    ];
  }
  const opPointer = `/paths/${esc(op.path)}/${op.method}`;
  let responsePointer = `${opPointer}/responses/${res.status}`;
  let response = resolve(responsePointer) as Json | undefined;
  if (!response) {
    // 405/413/415 can answer any operation's path, and 503 service_unavailable any operation while
    // the database cannot be reached (ProblemCode's table says so); they must still be problems.
    const anywhere =
      [405, 413, 415].includes(res.status) ||
      (res.status === 503 && (res.body as { code?: unknown } | undefined)?.code === 'service_unavailable');
    if (anywhere) {
      return [
        ...problems,
        ...validateAt('/components/schemas/Problem', res.body, mediaType, 'application/problem+json'),
      ];
    }
    return [...problems, `status ${res.status} is not declared by ${op.operationId}`];
  }
  if (typeof response.$ref === 'string') {
    responsePointer = response.$ref.slice(1);
    response = resolve(responsePointer) as Json;
  }
  const content = response.content as Json | undefined;
  if (method === 'head') return problems;
  if (!content)
    return res.body === undefined || res.body === ''
      ? problems
      : [...problems, 'body on a response without content'];
  if (!(mediaType in content))
    return [...problems, `content type ${mediaType} not declared for ${res.status}`];
  // A binary body (an image) has no JSON schema to meet: its declared media type is the contract.
  if (!/json/.test(mediaType)) return problems;
  return [
    ...problems,
    ...validateAt(`${responsePointer}/content/${esc(mediaType)}/schema`, res.body, mediaType, mediaType),
  ];
}

function validateAt(pointer: string, body: unknown, mediaType: string, expected: string): string[] {
  if (mediaType !== expected) return [`content type ${mediaType}, expected ${expected}`];
  const validate = validatorAt(pointer);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `body${e.instancePath} ${e.message} (${e.schemaPath})`);
}

/** An outbox row as the relay will publish it: the event envelope of the spec's `webhooks`. */
export interface EventEnvelope {
  id: string;
  type: string;
  version: number;
  occurred_at: string;
  seller_id: string | null;
  /** Who caused it (required by every event schema; optional here so a missing one is reported, not a type error). */
  actor?: unknown;
  data: unknown;
}

/** Checks an event against the schema the spec declares for its type; returns the mismatches. */
export function checkEvent(event: EventEnvelope): string[] {
  const webhooks = (specDocument as unknown as { webhooks?: Record<string, unknown> }).webhooks ?? {};
  if (!(event.type in webhooks)) return [`event type ${event.type} is not declared in the spec's webhooks`];
  const pointer = `/webhooks/${esc(event.type)}/post/requestBody/content/application~1json/schema`;
  const validate = validatorAt(pointer);
  const { type } = event;
  if (validate(event)) return [];
  return (validate.errors ?? []).map((e) => `${type}${e.instancePath} ${e.message} (${e.schemaPath})`);
}

/**
 * Checks a real-time message against its channel in spec/asyncapi.yaml: the event's schema, minus
 * what the channel leaves out. Left-out fields are dropped from the schema, not just made optional:
 * the event schemas forbid unknown fields, so an `actor` reaching a `/store` client fails here.
 */
export function checkRealtimeMessage(
  channel: RealtimeChannel,
  event: Partial<EventEnvelope> & Pick<EventEnvelope, 'id' | 'type' | 'data'>,
): string[] {
  const spec = realtimeChannels[channel];
  if (!(spec.events as readonly string[]).includes(event.type))
    return [`${event.type} is not a message of channel ${channel}`];
  const key = `realtime:${channel}:${event.type}`;
  let validate = compiled.get(key);
  if (!validate && spec.snapshot) validate = snapshotValidator(key, event.type);
  if (!validate) {
    const ref = resolve(`/webhooks/${esc(event.type)}/post/requestBody/content/application~1json/schema`);
    const target = (ref as { $ref?: string }).$ref;
    const schema = structuredClone((target ? resolve(target.slice(1)) : ref) as Json) as Json & {
      required: string[];
      properties: Record<string, Json & { required?: string[]; properties?: Json }>;
    };
    const drop = (obj: { required?: string[]; properties?: Json }, fields: readonly string[]) => {
      obj.required = (obj.required ?? []).filter((f) => !fields.includes(f));
      for (const f of fields) delete obj.properties?.[f];
    };
    if (spec.actor === 'omit') drop(schema, ['actor']);
    const data = schema.properties.data;
    if (data) drop(data, spec.omitData);
    // Internal references point into the whole document, registered under SPEC_ID.
    const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', `"$ref":"${SPEC_ID}#/`));
    validate = ajv.compile(rebased);
    compiled.set(key, validate);
  }
  const { type } = event;
  if (validate(event)) return [];
  return (validate.errors ?? []).map((e) => `${channel} ${type}${e.instancePath} ${e.message}`);
}

/**
 * A snapshot message's validator, from its inline envelope in spec/asyncapi.yaml: its `data` reference
 * (a file under spec/components/schemas) points at the same component of the bundled document.
 */
function snapshotValidator(key: string, type: string): ValidateFunction {
  const doc = load(
    readFileSync(fileURLToPath(new URL('../../../spec/asyncapi.yaml', import.meta.url)), 'utf8'),
  ) as { components: { messages: Record<string, { name: string; payload: Json }> } };
  const message = Object.values(doc.components.messages).find((m) => m.name === type);
  if (!message) throw new Error(`asyncapi: no message ${type}`);
  const rebased = JSON.parse(
    JSON.stringify(message.payload).replace(
      /"\$ref":"\.\/components\/schemas\/(\w+)\.yaml"/g,
      `"$ref":"${SPEC_ID}#/components/schemas/$1"`,
    ),
  );
  const validate = ajv.compile(rebased);
  compiled.set(key, validate);
  return validate;
}
