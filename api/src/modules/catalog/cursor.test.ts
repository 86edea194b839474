import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { decodeCursor, encodeCursor, fingerprint } from './cursor.js';

const field = { in: 'query', field: 'cursor' } as const;

describe('cursors', () => {
  const fp = fingerprint(['linen', undefined, 'newest']);

  it('round-trip the keyset for the same query', () => {
    const keyset = { sortKey: '2026-01-01T00:05:00.000Z', id: 'prod_x' };
    expect(decodeCursor(encodeCursor(keyset, fp), 'newest', fp, field)).toEqual(keyset);
    const rank = { sortKey: 0.0607927, id: 'prod_y' };
    expect(decodeCursor(encodeCursor(rank, fp), 'relevance', fp, field)).toEqual(rank);
  });

  it.each([
    [
      'another query',
      (): string => encodeCursor({ sortKey: '2026-01-01T00:05:00.000Z', id: 'p' }, fingerprint(['wool'])),
      'newest',
    ],
    [
      'a wrong key type for the sort',
      (): string => encodeCursor({ sortKey: 'cheap', id: 'p' }, fp),
      'price_asc',
    ],
    ['a negative price', (): string => encodeCursor({ sortKey: -5, id: 'p' }, fp), 'price_asc'],
    ['a fractional price', (): string => encodeCursor({ sortKey: 5.5, id: 'p' }, fp), 'price_desc'],
    [
      'a non-date',
      (): string => encodeCursor({ sortKey: '2026-13-45T99:00:00.000Z', id: 'p' }, fp),
      'newest',
    ],
    ['garbage', (): string => '%%%', 'newest'],
    ['JSON that is not an object', (): string => Buffer.from('"x"').toString('base64url'), 'newest'],
  ] as const)('refuse %s', (_label, make, sort) => {
    expect(() => decodeCursor(make(), sort, fp, field)).toThrow(AppError);
    try {
      decodeCursor(make(), sort, fp, field);
    } catch (err) {
      expect((err as AppError).code).toBe('invalid_cursor');
      expect((err as AppError).extra.errors?.[0]).toMatchObject(field);
    }
  });
});
