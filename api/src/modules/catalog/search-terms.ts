import { type RawBuilder, sql } from 'kysely';

/**
 * A listing's search text split for PostgreSQL: `text` goes to `websearch_to_tsquery` (quoted phrases,
 * `or`, `-word`), and `prefix`, the last word, also matches the longer words it begins, as a shop's
 * search box does for a word typed halfway ("chel" finds Chelsea boots).
 */
export interface SearchTerms {
  /** The websearch text: all of the query, or what comes before `prefix`. Absent when nothing is left. */
  text?: string;
  /** The last word, to match as the start of a word (`to_tsquery`'s `:*`). */
  prefix?: string;
}

// The last word: letters, marks and digits only (nothing to_tsquery reads as an operator), two or more,
// preceded by a space or the start. A word ending in a space was finished, one after `-` is excluded,
// and `t-shirt` keeps websearch's own handling of a hyphenated word.
const LAST_WORD = /(?:^|\s)([\p{L}\p{M}\p{N}]{2,})$/u;

/** Splits a shopper's search text into websearch text and the last word to match as a prefix. */
export function searchTerms(q: string): SearchTerms {
  const match = LAST_WORD.exec(q);
  const word = match?.[1];
  if (match === null || word === undefined) return { text: q };
  const head = q.slice(0, q.length - word.length);
  // Inside an open quoted phrase, or the right-hand side of `or`: websearch decides what it means.
  if ((head.match(/"/g)?.length ?? 0) % 2 === 1 || /(?:^|\s)or\s+$/i.test(head)) return { text: q };
  return head.trim() === '' ? { prefix: word } : { text: head, prefix: word };
}

/**
 * The text-search query of a search's terms, given the parameters that will hold `text` and
 * `prefix:*`. An uncorrelated subquery, so PostgreSQL parses and stems it once per statement (an
 * InitPlan): written bare, the rank (and a cursor's condition) built it again for every match. The
 * prefix is stemmed like the products' words (`boots:*` finds "boot") and also taken as typed, which
 * keeps a word the English dictionary drops as a stop word (`her:*` finds "heritage").
 */
export function textSearchQuery(terms: SearchTerms, text: unknown, prefix: unknown): RawBuilder<unknown> {
  const words = sql`websearch_to_tsquery('english', ${text})`;
  const start = sql`(to_tsquery('english', ${prefix}) || to_tsquery('simple', ${prefix}))`;
  if (terms.prefix === undefined) return sql`(SELECT ${words})`;
  return terms.text === undefined ? sql`(SELECT ${start})` : sql`(SELECT ${words} && ${start})`;
}
