import type { Context as KoaContext } from 'koa';
import type { Operation } from 'openapi-backend';
import { AppError } from '../errors.js';
import type { Principal } from './principal.js';

/** Each security scheme of the spec as a test of the principal, which is resolved before routing. */
const securitySchemes: Readonly<Record<string, (p: Principal) => boolean>> = {
  PublishableKey: (p) => p.kind === 'publishable',
  SellerKey: (p) => p.kind === 'seller',
  OperatorKey: (p) => p.kind === 'operator',
  CustomerToken: (p) => p.kind === 'publishable' && p.customerId !== undefined,
  StaffToken: (p) => p.kind === 'seller' && p.staff !== undefined,
  OperatorStaffToken: (p) => p.kind === 'operator' && p.staff !== undefined,
};

/**
 * True when the principal satisfies one of the operation's security requirements (every scheme of
 * one requirement object), as OpenAPI reads them; an unknown scheme is never satisfied.
 */
export function permits(operation: Operation, principal: Principal): boolean {
  return (operation.security ?? []).some((requirement) =>
    Object.keys(requirement).every((scheme) => securitySchemes[scheme]?.(principal) === true),
  );
}

/** Throws the 401 or 403 problem for a principal the operation's security requirements refuse. */
export function refuseAccess(operation: Operation, ctx: KoaContext, principal: Principal): never {
  const wantsCustomer = (operation.security ?? []).some((r) => 'CustomerToken' in r);
  if (wantsCustomer && principal.kind === 'publishable') {
    throw new AppError(
      'unauthorized',
      "Sign in first: send the shopper's Firebase ID token in the Authorization header (Bearer).",
      { headers: { 'WWW-Authenticate': 'Bearer' } },
    );
  }
  if (principal.kind === 'anonymous') {
    const detail = ctx.get('x-api-key')
      ? 'The API key is not valid or was revoked.'
      : 'Send an API key in the X-Api-Key header.';
    throw new AppError('unauthorized', detail, {
      headers: { 'WWW-Authenticate': 'ApiKey header="X-Api-Key"' },
    });
  }
  throw new AppError('forbidden', `A ${principal.kind} key cannot call ${ctx.method} ${ctx.path}.`);
}

/**
 * Least privilege for staff acting with their token: the operation's `x-souk-roles` must name the
 * member's role. An operation without the list admits no staff (fail closed).
 */
export function assertRole(operation: Operation, role: string): void {
  const roles = (operation as { 'x-souk-roles'?: string[] })['x-souk-roles'] ?? [];
  if (!roles.includes(role)) {
    throw new AppError(
      'forbidden',
      `The ${role} role cannot call ${operation.operationId}; it needs one of: ${roles.join(', ') || 'a secret key'}.`,
    );
  }
}
