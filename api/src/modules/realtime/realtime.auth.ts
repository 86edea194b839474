import type { Socket } from 'socket.io';
import { AppError, ERROR_CATALOG, type ErrorCode } from '../../errors.js';
import type { Principal } from '../../http/principal.js';
import type { Credentials } from '../auth/authenticate.js';
import type { RealtimeNamespace } from './realtime.rooms.js';

/** Who a socket is, set once by the handshake. */
export interface SocketIdentity {
  principal: Principal;
}

/** The `data` of a `connect_error` and of a refused `subscribe`: a Problem's code, status and detail. */
export interface RealtimeProblem {
  code: ErrorCode;
  status: number;
  title: string;
  detail: string;
}

/** A problem body from an error (an unexpected one becomes `internal_error`, its message kept out). */
export function problemOf(err: unknown): RealtimeProblem {
  const code: ErrorCode = err instanceof AppError ? err.code : 'internal_error';
  const detail = err instanceof AppError ? err.detail : 'Something went wrong on our side.';
  const { status, title } = ERROR_CATALOG[code];
  return { code, status, title, detail };
}

/** The security schemes each namespace accepts, as the REST operations of the same audience. */
const SCHEMES: Record<RealtimeNamespace, readonly string[]> = {
  '/store': ['PublishableKey', 'CustomerToken'],
  '/seller': ['SellerKey', 'StaffToken'],
};
const WANTED: Record<RealtimeNamespace, Principal['kind']> = { '/store': 'publishable', '/seller': 'seller' };

const text = (v: unknown) => (typeof v === 'string' && v !== '' && v.length <= 4096 ? v : undefined);

/**
 * Socket.IO middleware that authenticates the handshake `auth` (`{ key, token }`) like an HTTP request
 * to the namespace's REST audience: `/store` needs a publishable key (plus, optionally, a shopper's ID
 * token), `/seller` a seller secret key or a staff member's ID token. A refusal is a `connect_error`
 * whose `data` is the problem.
 */
export function handshakeAuth(
  namespace: RealtimeNamespace,
  authenticate: (credentials: Credentials) => Principal | Promise<Principal>,
) {
  return async function authenticateHandshake(socket: Socket, next: (err?: Error) => void): Promise<void> {
    try {
      const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
      const principal = await authenticate({
        apiKey: text(auth.key),
        bearer: text(auth.token),
        schemes: SCHEMES[namespace],
      });
      if (principal.kind === 'anonymous')
        throw new AppError(
          'unauthorized',
          namespace === '/store'
            ? 'Send a publishable key as `auth.key` in the handshake.'
            : 'Send a seller secret key as `auth.key`, or a staff ID token as `auth.token`, in the handshake.',
        );
      if (principal.kind !== WANTED[namespace])
        throw new AppError('forbidden', `This key cannot connect to the ${namespace} namespace.`);
      (socket.data as SocketIdentity).principal = principal;
      next();
    } catch (err) {
      const problem = problemOf(err);
      const error = new Error(problem.detail) as Error & { data: RealtimeProblem };
      error.data = problem;
      next(error);
    }
  };
}
