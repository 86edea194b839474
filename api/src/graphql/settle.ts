import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The promises a request's resolvers returned, in order (held in its GraphQL context). */
export type PendingWork = PromiseLike<unknown>[];

interface WithPending {
  pending: PendingWork;
}

/**
 * Makes every resolver the schema was built with append the promise it returns to its request's
 * `pending` list (a push: no closure per call on the hot path). Called before the default resolvers
 * are filled in: those read a property and return no promise, so only the written resolvers (which
 * read services) are wrapped.
 */
export function trackPendingResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      const tracked: GraphQLFieldResolver<unknown, WithPending> = (source, args, context, info) => {
        const value = resolve(source, args, context, info);
        if (isThenable(value)) context.pending.push(value);
        return value;
      };
      field.resolve = tracked;
    }
  }
  return schema;
}

/**
 * Holds an operation's result until every resolver promise it started has settled. When a non-null
 * field fails, the executor answers at its first rejection (its Promise.all), while sibling fields are
 * still reading; without this their reads, and the child resolvers run when they complete, would go on
 * after the response: statements no request accounts for, and errors nobody sees. A settled promise's
 * completion runs before Promise.allSettled's, so child resolvers it starts are in the list by the next
 * pass.
 */
export function useSettledExecution(): Plugin<WithPending> {
  return {
    onExecute({ args }) {
      return {
        async onExecuteDone() {
          const pending = (args.contextValue as WithPending).pending;
          for (let waited = 0; waited < pending.length; ) {
            const upTo = pending.length;
            await Promise.allSettled(pending.slice(waited, upTo));
            waited = upTo;
          }
        },
      };
    },
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
