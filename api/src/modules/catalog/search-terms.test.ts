import { describe, expect, it } from 'vitest';
import { searchTerms } from './search-terms.js';

describe('searchTerms', () => {
  it('matches the last word as a prefix, the rest as websearch text', () => {
    expect(searchTerms('chel')).toEqual({ prefix: 'chel' });
    expect(searchTerms('leather chel')).toEqual({ text: 'leather ', prefix: 'chel' });
    expect(searchTerms('"wool socks" hik')).toEqual({ text: '"wool socks" ', prefix: 'hik' });
    expect(searchTerms('Crème brûl')).toEqual({ text: 'Crème ', prefix: 'brûl' });
    expect(searchTerms('size 42')).toEqual({ text: 'size ', prefix: '42' });
  });

  it('leaves a finished, quoted, negated, hyphenated, one-letter or or-ed last word to websearch', () => {
    for (const q of [
      'chel ',
      'boots "chel',
      '"chel"',
      'boots -chel',
      't-shirt',
      'boots b',
      'boots or chel',
      'boots OR chel',
      'chel!',
    ]) {
      expect(searchTerms(q), q).toEqual({ text: q });
    }
  });

  it('never hands to_tsquery an operator', () => {
    for (const q of ['a & b', 'x|y', 'foo:*', "o'brien", 'a <-> b', '!!', '((', 'boots (chel']) {
      const { prefix } = searchTerms(q);
      if (prefix !== undefined) expect(prefix).toMatch(/^[\p{L}\p{M}\p{N}]+$/u);
    }
  });
});
