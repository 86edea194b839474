import { AppError } from '../errors.js';

/** Socket errors of a connection that could not be made or was lost. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * SQLSTATEs of a server that cannot serve now: class 08 (connection exception), 57P01–57P03 (shut
 * down, crashed, starting or stopping) and 53300 (too many connections).
 */
const SERVER_CODES = /^(?:08...|57P0[123]|53300)$/;

/** What `pg` and `pg-pool` say when a connection ends under a statement or cannot be had in time. */
const DRIVER_MESSAGES =
  /^(?:Connection terminated|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect)/;

/**
 * Whether an error means PostgreSQL could not be reached or dropped the connection (rather than a
 * statement failing): the socket's error code, the server's SQLSTATE, the driver's message, or the
 * same in an `AggregateError` (Node tries each address of a host) or an error's `cause`.
 */
export function isDatabaseUnreachable(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 3) return false;
  const { code, message, cause, errors } = err as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_CODES.test(code))) return true;
  if (typeof message === 'string' && DRIVER_MESSAGES.test(message)) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnreachable(e, depth + 1))) return true;
  return isDatabaseUnreachable(cause, depth + 1);
}

/**
 * Whether PostgreSQL cancelled a statement (SQLSTATE 57014): it ran past its `statement_timeout`
 * (the read lane's `DATABASE_READ_TIMEOUT_MS`), or an operator cancelled it.
 */
function isStatementCancelled(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '57014';
}

/** Seconds a client is asked to wait before retrying (an unreachable database, a cancelled statement). */
const RETRY_AFTER_S = 2;

/**
 * The `503 service_unavailable` an unreachable database or a cancelled statement answers (with
 * `Retry-After`), or undefined for any other error. A statement that reached no server changed nothing,
 * a cancelled one is rolled back with its transaction, and a transaction cut off before its COMMIT is
 * rolled back by PostgreSQL; only a COMMIT sent and never answered may have taken effect, which a
 * retry with the same `Idempotency-Key` finds out.
 */
export function databaseUnavailable(err: unknown): AppError | undefined {
  const headers = { 'Retry-After': String(RETRY_AFTER_S) };
  if (isStatementCancelled(err)) {
    return new AppError('service_unavailable', 'The request took too long to answer; retry in a moment.', {
      cause: err,
      headers,
    });
  }
  if (!isDatabaseUnreachable(err)) return undefined;
  // The socket codes are not PostgreSQL's alone: a call to another service that escaped its own
  // handling is unreachable too, so the detail does not name the database.
  return new AppError(
    'service_unavailable',
    'A service the API depends on cannot be reached; retry in a moment.',
    { cause: err, headers },
  );
}
