import { GraphQLError } from 'graphql';
import { databaseUnavailable } from '../db/unreachable.js';
import { AppError, type ErrorCode, type FieldError, toProblem } from '../errors.js';

/**
 * The problem of an error as GraphQL `extensions`: the same `code`, `status`, `type`, `title` and field
 * `errors` a REST client gets in its problem body, plus `http` for Yoga (the status and headers of the
 * response when the error ends the request before execution, e.g. 401, 429).
 */
export function toGraphQLError(error: AppError, requestId: string, path?: readonly (string | number)[]) {
  const { type, title, status, code, errors, request_id } = toProblem(
    error.code,
    error.detail,
    requestId,
    undefined,
    error.extra.errors,
  );
  return new GraphQLError(error.detail, {
    ...(path ? { path } : {}),
    originalError: error,
    extensions: {
      code,
      status,
      type,
      title,
      request_id,
      ...(errors ? { errors } : {}),
      http: { status, ...(error.extra.headers ? { headers: error.extra.headers } : {}) },
    },
  });
}

/** A problem raised by the GraphQL layer itself (parse, validation, limits). */
export function graphQLProblem(code: ErrorCode, detail: string, requestId: string, errors?: FieldError[]) {
  return toGraphQLError(new AppError(code, detail, errors ? { errors } : {}), requestId);
}

/**
 * Yoga's error masking, made to speak problems: an AppError thrown by a service becomes its problem
 * (and an unreachable database `service_unavailable`);
 * a GraphQLError that graphql-js raised (syntax, unknown field, bad variable) gets `graphql_invalid`;
 * anything else is a fault of ours — logged by the caller, answered as `internal_error` without internals.
 */
export function maskError(error: unknown, requestId: string): GraphQLError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const known = original instanceof AppError ? original : databaseUnavailable(original);
  if (known) {
    const path = error instanceof GraphQLError ? error.path : undefined;
    return toGraphQLError(known, requestId, path);
  }
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string') {
    // Already a problem (raised by this layer), or one of Yoga's HTTP-level refusals.
    return error.extensions.status ? error : withProblem(error, yogaCode(error), requestId);
  }
  if (error instanceof GraphQLError && !error.originalError) {
    return withProblem(error, 'graphql_invalid', requestId);
  }
  return graphQLProblem(
    'internal_error',
    'An unexpected error occurred. Quote the request_id when reporting it.',
    requestId,
  );
}

/** Yoga's own refusals as the spec's problem codes (documents that do not parse or validate, batch size). */
function yogaCode(error: GraphQLError): ErrorCode {
  if (error.message.startsWith('Batching is limited')) return 'query_too_complex';
  // graphql-js 16 writes "more that".
  if (/Document contains more tha[nt] \d+ tokens/.test(error.message)) return 'query_too_complex';
  return 'graphql_invalid';
}

function withProblem(error: GraphQLError, code: ErrorCode, requestId: string): GraphQLError {
  const problem = graphQLProblem(code, error.message, requestId);
  return new GraphQLError(error.message, {
    nodes: error.nodes ?? null,
    source: error.source ?? null,
    positions: error.positions ?? null,
    path: error.path ?? null,
    originalError: error.originalError ?? null,
    extensions: {
      ...problem.extensions,
      http: { status: problem.extensions.status as number },
    },
  });
}
