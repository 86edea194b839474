import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** A request's resolver promises that have not settled yet (held in its GraphQL context). */
export type PendingWork = Set<PromiseLike<unknown>>;

interface WithPending {
  pending: PendingWork;
}

/**
 * Makes every resolver the schema was built with record the promise it returns in its request's
 * `pending` set until that promise settles. Called before the default resolvers are filled in: those
 * read a property and return no promise, so only the written resolvers (which read services) are wrapped.
 */
export function trackPendingResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      const tracked: GraphQLFieldResolver<unknown, WithPending> = (source, args, context, info) => {
        const value = resolve(source, args, context, info);
        if (isThenable(value)) {
          const pending = context.pending;
          pending.add(value);
          const done = () => pending.delete(value);
          value.then(done, done);
        }
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
 * completion runs before Promise.allSettled's, so child resolvers it starts are in the set by the next
 * pass.
 */
export function useSettledExecution(): Plugin<WithPending> {
  return {
    onExecute({ args }) {
      return {
        async onExecuteDone() {
          const pending = (args.contextValue as WithPending).pending;
          while (pending.size > 0) await Promise.allSettled(pending);
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
