import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDriver } from '../../test/support/test-db.js';
import { getTypeParser, OID, parseInt4Array, parseTextArray } from './type-parsers.js';

// pg-types' own parsers (postgres-array 2.0): what `pg` gave before Souk's, the reference here.
const pgParser = pg.types.getTypeParser as (oid: number, format?: string) => (text: string) => unknown;
const ours = getTypeParser as typeof pgParser;
const reference = { int4: pgParser(OID.int4Array, 'text'), text: pgParser(OID.textArray, 'text') };

describe('array type parsers', () => {
  it.each([
    '{}',
    '{7}',
    '{3,0,12}',
    '{-5,0,2147483647,-2147483648}',
    '{NULL,3,NULL}',
    '{{1,2},{3,4}}',
    '[0:1]={8,9}',
  ])('int4[] %s as pg-types reads it', (text) => {
    expect(parseInt4Array(text)).toEqual(reference.int4(text));
  });

  it.each([
    '{}',
    '{a,b}',
    '{"a,b","c\\"d",NULL,"NULL",""}',
    '{"x y","\\\\","{braces}"}',
    '{{a,b},{c,d}}',
    '{héllo,"日本 語"}',
  ])('text[] %s as pg-types reads it', (text) => {
    expect(parseTextArray(text)).toEqual(reference.text(text));
  });

  it('hands every other type, and the binary format, to pg-types', () => {
    expect(ours(OID.int8)('42')).toBe(42);
    expect(ours(1016, 'text')).toBe(pgParser(1016, 'text'));
    expect(ours(OID.int4Array, 'binary')).toBe(pgParser(OID.int4Array, 'binary'));
  });
});

describe(`array type parsers on the database's own text (${testDriver})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.drop());

  it('parse random arrays as pg-types does', async () => {
    // Strings with every character PostgreSQL quotes or escapes in an array's text.
    const alphabet = ['a', 'Z', ' ', ',', '"', '\\', '{', '}', 'N', 'U', 'L', 'é', '字', ''];
    const word = () =>
      Array.from(
        { length: Math.floor(Math.random() * 6) },
        () => alphabet[Math.floor(Math.random() * alphabet.length)],
      ).join('');
    for (let round = 0; round < 40; round++) {
      const words = Array.from({ length: Math.floor(Math.random() * 6) }, () =>
        Math.random() < 0.15 ? null : Math.random() < 0.1 ? 'NULL' : word(),
      );
      const ints = Array.from({ length: Math.floor(Math.random() * 6) }, () =>
        Math.random() < 0.15 ? null : Math.floor((Math.random() - 0.5) * 2 ** 32),
      );
      const { rows } = await sql<{ words: string; ints: string }>`
        SELECT ${words}::text[]::text AS words, ${ints.map((n) => (n === null ? null : String(n)))}::int4[]::text AS ints
      `.execute(t.container.database.db);
      const row = rows[0] as { words: string; ints: string };
      expect(parseTextArray(row.words)).toEqual(reference.text(row.words));
      expect(parseTextArray(row.words)).toEqual(words);
      expect(parseInt4Array(row.ints)).toEqual(reference.int4(row.ints));
      expect(parseInt4Array(row.ints)).toEqual(ints);
    }
  });
});
