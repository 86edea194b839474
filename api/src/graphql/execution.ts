import { useGraphQlJit } from '@envelop/graphql-jit';
import {
  type DocumentNode,
  defaultFieldResolver,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  isObjectType,
} from 'graphql';
import type { Logger } from '../lib/logger.js';
import { snakeCase } from './inputs.js';

/**
 * A resolver reading a field by its GraphQL name, else by the REST name it is the camelCase of: the
 * resolvers hand GraphQL the services' REST bodies unchanged, so the two APIs cannot disagree on a
 * value. The REST name is worked out once per field here, not on every read (a listing page reads
 * thousands of fields).
 */
function restFieldResolver(fieldName: string): GraphQLFieldResolver<unknown, unknown> {
  const restName = snakeCase(fieldName);
  if (restName === fieldName) return defaultFieldResolver;
  return (source, args, context, info) => {
    if (source !== null && typeof source === 'object' && !(fieldName in source)) {
      return (source as Record<string, unknown>)[restName];
    }
    return defaultFieldResolver(source, args, context, info);
  };
}

/** Gives every object field without a resolver the REST-name fallback (see restFieldResolver). */
export function readRestNames(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) field.resolve ??= restFieldResolver(field.name);
  }
  return schema;
}

/**
 * Runs operations as JavaScript compiled for their document (graphql-jit) instead of graphql-js's
 * interpreter: a storefront listing page resolves about two thousand fields, and walking the
 * selection for each was most of a request's CPU. Compiling costs tens of milliseconds, so a document
 * is compiled on its second execution, not its first: the storefronts' repeated operations (Yoga's
 * parser cache hands back the same document object for the same text) are compiled once, and a
 * client sending ever-new documents never pays more than the interpreter.
 */
export function compiledExecution(logger: Logger): ReturnType<typeof useGraphQlJit> {
  const seen = new WeakSet<DocumentNode>();
  return useGraphQlJit(
    {},
    {
      // A document graphql-jit cannot compile is answered with the compiler's errors; say which.
      onError: (result) => logger.warn({ errors: result.errors }, 'graphql: operation did not compile'),
      enableIf: ({ document }) => {
        if (seen.has(document)) return true;
        seen.add(document);
        return false;
      },
    },
  );
}
