import type { IncomingHttpHeaders } from 'node:http';
import type { operations } from '../generated/openapi.js';
import type { Principal } from './principal.js';

/**
 * Every operationId of the spec's paths. The `on…` operations are the `webhooks` (events Souk
 * sends), which have no handler here.
 */
export type OperationId = Exclude<keyof operations, `on${Capitalize<string>}`>;

type Op<K extends OperationId> = operations[K];
type Present<T> = [Exclude<T, undefined>] extends [never] ? Record<string, never> : Exclude<T, undefined>;

/** Path parameters of an operation, already validated. */
export type PathParams<K extends OperationId> = Present<Op<K>['parameters']['path']>;
/** Query parameters of an operation, validated and coerced to their schema types. */
export type QueryParams<K extends OperationId> = Present<Op<K>['parameters']['query']>;
/** The JSON request body of an operation (undefined when it takes none). */
export type RequestBody<K extends OperationId> =
  Op<K> extends {
    requestBody: { content: { 'application/json': infer B } };
  }
    ? B
    : Op<K> extends { requestBody?: { content: { 'application/json': infer B } } }
      ? B | undefined
      : undefined;

type Responses<K extends OperationId> = Op<K>['responses'];
// 304: a conditional GET answered from the client's cache (declared by the operations that do it).
type SuccessStatus<K extends OperationId> = Extract<keyof Responses<K>, 200 | 201 | 202 | 204 | 304>;
type ResultFor<R, S> = R extends { content: infer C }
  ? {
      [M in keyof C & string]: M extends 'application/json'
        ? { status: S; type?: M; body: C[M]; headers?: Record<string, string> }
        : { status: S; type: M; body: C[M]; headers?: Record<string, string> };
    }[keyof C & string]
  : { status: S; body?: undefined; headers?: Record<string, string> };

/**
 * What a handler returns: one of the operation's declared success responses, with the body type
 * the spec gives for that status. Errors are thrown as `AppError`, never returned.
 */
export type HandlerResult<K extends OperationId> = {
  [S in SuccessStatus<K>]: ResultFor<Responses<K>[S], S>;
}[SuccessStatus<K>];

/** The validated request a handler receives. */
export interface HandlerRequest<K extends OperationId> {
  operationId: K;
  /** HTTP method (upper case) and path as requested. */
  method: string;
  path: string;
  params: PathParams<K>;
  query: QueryParams<K>;
  body: RequestBody<K>;
  headers: IncomingHttpHeaders;
  requestId: string;
  principal: Principal;
}

/** A handler for one operation. */
export type OperationHandler<K extends OperationId> = (req: HandlerRequest<K>) => Promise<HandlerResult<K>>;

/** One handler per operationId: a missing handler does not compile. */
export type OperationHandlers = { [K in OperationId]: OperationHandler<K> };
