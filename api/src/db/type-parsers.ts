import pg from 'pg';
import { parse as parseArray } from 'postgres-array';

/** OIDs of the types whose text form Souk parses itself (see `getTypeParser`). */
export const OID = { int8: 20, int4Array: 1007, textArray: 1009 } as const;

/** int8 (bigint, count(*)) as a JS number; amounts are bounded far below 2^53, so refuse anything larger. */
export function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} exceeds the safe integer range`);
  return n;
}

const parseInt4 = (entry: string): number => Number.parseInt(entry, 10);

/** int4[] (a listing's stock, one array per product) as numbers, `NULL` entries as null. */
export function parseInt4Array(value: string): (number | null)[] {
  return parseArray(value, parseInt4);
}

/** text[] as strings, `NULL` entries as null. */
export function parseTextArray(value: string): (string | null)[] {
  return parseArray(value);
}

/**
 * `pg`'s type parsers with Souk's: int8 as a checked number, and the int4 and text arrays through
 * postgres-array 3. pg-types still ships its 2.0, which makes an object per character of an array's
 * text: a 20-product listing's stock arrays were a fifth of the bytes the API allocated per request.
 * Same results (`type-parsers.test.ts` compares them); everything else is pg-types' own.
 */
export const getTypeParser = ((oid: number, format?: string) => {
  if (format !== 'binary') {
    if (oid === OID.int8) return parseInt8;
    if (oid === OID.int4Array) return parseInt4Array;
    if (oid === OID.textArray) return parseTextArray;
  }
  return pg.types.getTypeParser(oid, format as 'text');
}) as typeof pg.types.getTypeParser;
