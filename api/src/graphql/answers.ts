import type { Context as KoaContext } from 'koa';
import { sendKeptBody } from '../http/compression.js';

/** The catalog cache's tier of whole GraphQL results (withCatalogCache's `results`). */
export interface CatalogResults {
  get(key: string): Promise<object | undefined>;
  /** The catalog cache's generation: a result computed across a change of it is not stored. */
  since(): number;
  put(key: string, result: object, since: number): void;
}

/** A whole /graphql answer of one public catalog query, as it was sent. */
interface CachedAnswer {
  bytes: Buffer;
  type: string;
  /** Rate-limit units the operation costs (its measured cost), charged again on every hit. */
  units: number;
}

/** What the guard and the cache plugin note on the Koa request for `catalogAnswers`. */
export interface AnswerNotes {
  /** Operations executed for the request (a batch has several). */
  graphqlOperations?: number;
  /** Rate-limit units of the last operation. */
  graphqlUnits?: number;
  /** Set when the operation was a public catalog query. */
  graphqlPublic?: boolean;
}

/** A request the tier did not answer: where its answer is remembered, and who waits for it. */
export interface AnswerEntry {
  key: string;
  /** The cache generation the request was looked up in. */
  since: number;
  /** Set on the one request of its key that executes while others of the same key wait for it. */
  flight?: { share(answer: CachedAnswer | undefined): void };
}

/**
 * Whole answers of public catalog queries, in front of Yoga: the same request (URL, `Accept` and JSON
 * body, byte for byte) gets the bytes of the first answer without parsing, validation or execution.
 * Parse, validation and the depth/alias/cost limits are functions of the request alone, so the first
 * answer's verdict holds for the same bytes; the key and the rate limit are not, so `admit` checks the
 * key and charges the operation's units on every hit (a refusal is left to the full path, which
 * answers it as usual). Only a single JSON POST that `candidate` passes (public-queries.ts: no
 * mutation, no caller's own data) is looked up at all; an answer is kept only when one operation ran
 * and it was a public catalog query answered 200 without `errors`.
 *
 * Misses of one key are single-flight: while one request executes, the others of the same key wait
 * and are then admitted to its answer as to a hit (so an expired entry costs one execution, not one
 * per concurrent reader). An answer that may not be kept (errors, a refusal, a failure) is not
 * shared: each waiter then runs the full path itself.
 */
export function catalogAnswers(
  results: CatalogResults,
  admit: (ctx: KoaContext, units: number) => Promise<boolean>,
  candidate: (body: Buffer) => boolean,
) {
  const flights = new Map<string, Promise<CachedAnswer | undefined>>();
  return {
    /** Answers the request from the cache (served), or gives the entry to settle its answer under. */
    async serve(
      ctx: KoaContext,
      body: Buffer | undefined,
    ): Promise<{ served: boolean; entry?: AnswerEntry }> {
      if (ctx.method !== 'POST' || !body || !candidate(body) || !ctx.is('application/json'))
        return { served: false };
      const since = results.since();
      const key = `answer:${since}:${ctx.url}\n${ctx.get('accept')}\n${body.toString('utf8')}`;
      let answer = (await results.get(key)) as CachedAnswer | undefined;
      if (!answer) {
        const flight = flights.get(key);
        if (!flight) {
          let share: (answer: CachedAnswer | undefined) => void = () => undefined;
          flights.set(key, new Promise((resolve) => (share = resolve)));
          return { served: false, entry: { key, since, flight: { share } } };
        }
        answer = await flight;
        if (!answer) return { served: false, entry: { key, since } };
      }
      if (!(await admit(ctx, answer.units))) return { served: false };
      ctx.status = 200;
      ctx.type = answer.type;
      sendKeptBody(ctx, answer.bytes);
      return { served: true };
    },
    /**
     * Ends the full path of an entry: keeps the answer when it may be kept (see above) and hands it to
     * the requests waiting on it. Called whatever happened (`bytes` undefined: no answer was made).
     * A kept answer is sent as its hits will be (the same bytes, compressed once).
     */
    settle(ctx: KoaContext, entry: AnswerEntry, bytes: Buffer | undefined): void {
      const answer = bytes ? keepable(ctx, bytes) : undefined;
      if (answer) {
        results.put(entry.key, answer, entry.since);
        sendKeptBody(ctx, answer.bytes);
      }
      if (entry.flight) {
        flights.delete(entry.key);
        entry.flight.share(answer);
      }
    },
  };
}

/** The answer to keep of a request's full path, or undefined when it may not be kept. */
function keepable(ctx: KoaContext, bytes: Buffer): CachedAnswer | undefined {
  const notes = ctx.state as AnswerNotes;
  if (ctx.status !== 200 || notes.graphqlOperations !== 1 || !notes.graphqlPublic) return undefined;
  if (notes.graphqlUnits === undefined) return undefined;
  // `"errors":` with its quotes unescaped is a JSON key: an answer with errors, or data with such a
  // key in a JSON scalar (not kept either, which is only a lost hit).
  if (bytes.includes('"errors":')) return undefined;
  return { bytes, type: ctx.response.get('content-type'), units: notes.graphqlUnits };
}
