/**
 * A response body that is already JSON, as text or UTF-8 bytes (read models, caches): the router
 * sends it as it is instead of serialising an object. Only the router unwraps it; responses are still
 * checked against the spec on the wire by the tests.
 */
export class JsonText {
  constructor(readonly json: string | Buffer) {}
}

/**
 * Wraps JSON (text or UTF-8 bytes) as the body type `T` an operation declares, so a handler can return
 * JSON it trusts to have that shape (built from the same projection the spec's tests check).
 */
export function jsonText<T>(json: string | Buffer): T {
  // The router recognises the wrapper before it would serialise the body; T is what the JSON holds.
  return new JsonText(json) as unknown as T;
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
