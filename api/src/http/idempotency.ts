import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError, ERROR_CATALOG, type ErrorCode, type FieldError } from '../errors.js';
import * as repo from './idempotency.repository.js';
import type { ReplaySeal } from './idempotency.seal.js';
import { keyIdOf, type Principal } from './principal.js';

/** A stable hash of a request body: same JSON, same hash, whatever the key order. */
export function hashRequest(body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(body) ?? null))
    .digest('hex');
}

/** The `Idempotency-Key` header, required and well-formed. */
export function requireIdempotencyKey(headers: Record<string, string | string[] | undefined>): string {
  const raw = headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key) {
    throw new AppError(
      'idempotency_key_required',
      'This request must carry an Idempotency-Key header (a UUID is ideal).',
      {
        errors: [{ in: 'header', field: 'Idempotency-Key', message: 'is required' }],
      },
    );
  }
  if (key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new AppError('validation_failed', 'The Idempotency-Key must be 1–255 visible ASCII characters.', {
      errors: [{ in: 'header', field: 'Idempotency-Key', message: 'must be 1-255 visible ASCII characters' }],
    });
  }
  return key;
}

export interface IdempotencyDeps {
  db: Kysely<Database>;
  /** Seals the stored responses: they may carry secrets shown once. */
  seal: ReplaySeal;
  /** How long a claimed key is held before another request may take it over (a crashed holder). */
  lockMs?: number;
  /** How long a concurrent duplicate waits for the first request before answering 409. */
  waitMs?: number;
}

/** The parts of a validated request the wrapper reads. */
export interface WriteRequest {
  operationId: string;
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  principal: Principal;
}

/** Handed to the work: declares effects outside the database tied to the transaction's outcome. */
export interface WriteSteps {
  /** Runs `step` if the transaction does not commit (compensation, as a saga's undo). */
  onAbort(step: () => Promise<unknown>): void;
  /**
   * Runs `step` once the transaction has committed (removing files the write left unreferenced).
   * The step must not throw: the write is already done, so its caller still gets the write's answer.
   */
  onCommit(step: () => Promise<void>): void;
  /**
   * Runs `step` in the transaction as its last statements: after the work and after its response is
   * stored, just before COMMIT. For the one write whose row locks other requests queue for (stock):
   * they are then held for that step and the commit only. A throw rolls everything back, as one from
   * the work does (a `replayed` error code is then stored for the key).
   */
  lastly(step: () => Promise<void>): void;
}

/** What a write returns to its handler. */
export interface WriteResult<S extends number, T> {
  status: S;
  body: T;
  headers?: Record<string, string>;
}

/** A unit of write work: runs in the transaction it is given. */
export type Work<T> = (trx: Kysely<Database>, steps: WriteSteps) => Promise<T>;

/** What the part of a write that runs before its transaction may declare. */
export type BeforeSteps = Pick<WriteSteps, 'onAbort'>;

/**
 * A write that starts before its transaction (a call to a slow outside service, such as a payment
 * authorization, that must not hold a pooled connection or a row lock): `before` runs once the
 * Idempotency-Key is claimed — so never for a replay or a reused key — outside any transaction, and
 * returns the work for the transaction. Undo steps it declares run if the transaction does not commit,
 * whatever failed (the rest of `before`, BEGIN, the work, COMMIT).
 */
export interface StagedWork<T> {
  before(steps: BeforeSteps): Promise<Work<T>>;
}

/** Thrown inside a write's transaction when another request completed its key meanwhile. */
class KeyLost extends Error {}

/**
 * The one owner of write transactions and of idempotency. `run` opens the transaction, hands it to
 * the work, and — when the request carries an `Idempotency-Key` (or `required`) — runs the work at
 * most once per (API key, method, path, key):
 * - same key, same body, done: the first response is replayed (`Idempotent-Replayed: true`);
 * - same key, different body: 422 `idempotency_key_reused`;
 * - same key while the first is running: waits up to `waitMs`, then 409 `idempotency_in_progress`.
 * The key is claimed in its own statement so duplicates see it at once; the response is stored in
 * the work's transaction, so the result and its record commit together. Error codes marked
 * `replayed` in the catalog are stored and replayed too; any other failure frees the key.
 */
export function createIdempotency({ db, seal, lockMs = 30_000, waitMs = 10_000 }: IdempotencyDeps) {
  /**
   * Runs the work in a transaction; if it fails, runs the declared undo steps (newest first), and once
   * it has committed, the declared after-commit steps (in order).
   */
  async function transaction<T>(work: Work<T> | StagedWork<T>): Promise<T> {
    const aborts: (() => Promise<unknown>)[] = [];
    const commits: (() => Promise<void>)[] = [];
    const lasts: (() => Promise<void>)[] = [];
    const steps: WriteSteps = {
      onAbort: (step) => aborts.unshift(step),
      onCommit: (step) => commits.push(step),
      lastly: (step) => lasts.push(step),
    };
    let result: T;
    try {
      const inTransaction = typeof work === 'function' ? work : await work.before(steps);
      result = await db.transaction().execute(async (trx) => {
        const out = await inTransaction(trx, steps);
        for (const step of lasts) await step();
        return out;
      });
    } catch (err) {
      for (const step of aborts) await step();
      throw err;
    }
    for (const step of commits) await step();
    return result;
  }

  async function once<T>(
    ref: repo.KeyRef,
    request: { operation: string; body: unknown },
    status: number,
    work: Work<T> | StagedWork<T>,
  ): Promise<{ body: T; replayed: boolean }> {
    const requestHash = hashRequest(request.body);
    const deadline = Date.now() + waitMs;
    for (let attempt = 0; ; attempt++) {
      const claimed = await repo.claimKey(db, ref, { operation: request.operation, requestHash }, lockMs);
      const existing = claimed ? undefined : await repo.findKey(db, ref);
      if (existing) {
        if (existing.request_hash !== requestHash || existing.operation !== request.operation) {
          throw new AppError(
            'idempotency_key_reused',
            'This Idempotency-Key was used with a different request; use a new key.',
          );
        }
        if (existing.status === 'completed') {
          return {
            body: replay<T>(existing.response_status ?? status, seal.open(existing.response_body)),
            replayed: true,
          };
        }
        if (!(await repo.takeOverKey(db, ref, lockMs))) {
          if (Date.now() > deadline) {
            throw new AppError(
              'idempotency_in_progress',
              'A request with this Idempotency-Key is still in progress; retry shortly.',
            );
          }
          await new Promise((r) => setTimeout(r, Math.min(25 * 2 ** attempt, 250)));
          continue;
        }
      } else if (!claimed) {
        continue; // the row vanished between the two statements (its holder failed): try to claim again
      }
      try {
        return { body: await execute(ref, status, work), replayed: false };
      } catch (err) {
        // Our claim lapsed and a request that took the key over completed first: this attempt rolled
        // back (its undo steps ran, so nothing it did outside the database is left); answer as a replay.
        if (err instanceof KeyLost) continue;
        throw err;
      }
    }
  }

  async function execute<T>(ref: repo.KeyRef, status: number, work: Work<T> | StagedWork<T>): Promise<T> {
    const complete =
      (inTransaction: Work<T>): Work<T> =>
      async (trx, steps) => {
        const body = await inTransaction(trx, steps);
        if (!(await repo.completeKey(trx, ref, status, seal.seal(body)))) throw new KeyLost();
        return body;
      };
    try {
      return await transaction(
        typeof work === 'function'
          ? complete(work)
          : { before: async (steps) => complete(await work.before(steps)) },
      );
    } catch (err) {
      if (err instanceof KeyLost) throw err;
      if (err instanceof AppError && ERROR_CATALOG[err.code].replayed) {
        const stored = { code: err.code, detail: err.detail, errors: err.extra.errors ?? null };
        // Failing because a request that took the key over already placed it (`cart_completed`):
        // answer with that request's response, not with the failure it caused here.
        if (!(await repo.completeKey(db, ref, err.status, seal.seal(stored)))) throw new KeyLost();
      } else {
        // Nothing happened (validation, a fault of ours): free the key so a retry can run.
        await repo.releaseKey(db, ref);
      }
      throw err;
    }
  }

  return {
    transaction,
    /**
     * Runs a write for a handler and answers with `status`. With `required`, a request without an
     * `Idempotency-Key` is refused (400); otherwise it just runs once in a transaction.
     */
    async run<S extends number, T>(
      req: WriteRequest,
      status: S,
      work: Work<T> | StagedWork<T>,
      options: { required?: boolean } = {},
    ): Promise<WriteResult<S, T>> {
      if (!options.required && req.headers['idempotency-key'] === undefined) {
        return { status, body: await transaction(work) };
      }
      const key = requireIdempotencyKey(req.headers);
      // The path holds the resource ids: the same key on two carts never collides.
      const ref = { scope: `${keyIdOf(req.principal)}:${req.method} ${req.path}`, key };
      const out = await once(ref, { operation: req.operationId, body: req.body }, status, work);
      return {
        status,
        body: out.body,
        ...(out.replayed ? { headers: { 'Idempotent-Replayed': 'true' } } : {}),
      };
    },
  };
}

function replay<T>(status: number, body: unknown): T {
  if (body === undefined) {
    // Sealed with another key (a restart or another instance without IDEMPOTENCY_ENCRYPTION_KEY).
    throw new AppError(
      'conflict',
      'This Idempotency-Key was used for a request that completed, but its response can no longer be read; check the resource, or retry with a new key.',
    );
  }
  if (status >= 400) {
    const stored = body as { code: ErrorCode; detail: string; errors: FieldError[] | null };
    throw new AppError(stored.code, stored.detail, {
      ...(stored.errors ? { errors: stored.errors } : {}),
      headers: { 'Idempotent-Replayed': 'true' },
    });
  }
  return body as T;
}

/** The write owner the container builds and every write handler receives. */
export type Idempotency = ReturnType<typeof createIdempotency>;
