/**
 * A response body that is already JSON text (read models, caches): the router sends the text as it
 * is instead of serialising an object. Only the router unwraps it; responses are still checked
 * against the spec on the wire by the tests.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/**
 * Wraps JSON text as the body type `T` an operation declares, so a handler can return text it
 * trusts to have that shape (built from the same projection the spec's tests check).
 */
export function jsonText<T>(text: string): T {
  // The router recognises the wrapper before it would serialise the body; T is what the text holds.
  return new JsonText(text) as unknown as T;
}

/** Bytes a handler keeps in memory and returns on every request (the API reference, its script). */
export class KeptBytes {
  constructor(readonly bytes: Buffer) {}
}

/**
 * Wraps bytes kept for the life of the process as the body type `T` an operation declares: the
 * router sends them with `sendKeptBody`, so each encoding is made once, not per request. The same
 * `Buffer` must come back each time (its encodings are remembered by identity).
 */
export function keptBytes<T>(bytes: Buffer): T {
  return new KeptBytes(bytes) as unknown as T;
}
