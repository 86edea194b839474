import { describe, expect, it } from 'vitest';
import { sameAddress } from './address-form';

const lyon = {
  name: 'Ines Moreau',
  line1: '12 rue des Tanneurs',
  line2: null,
  city: 'Lyon',
  postal_code: '69001',
  region: null,
  country: 'FR',
  phone: null,
};

describe('sameAddress', () => {
  it('ignores case, spaces around and runs of spaces, and null against empty', () => {
    expect(sameAddress(lyon, { ...lyon, line1: ' 12  Rue des Tanneurs ', line2: '', city: 'LYON' })).toBe(
      true,
    );
  });

  it('tells apart another person, another line, another country', () => {
    expect(sameAddress(lyon, { ...lyon, name: 'Paul Moreau' })).toBe(false);
    expect(sameAddress(lyon, { ...lyon, line2: 'Bâtiment B' })).toBe(false);
    expect(sameAddress(lyon, { ...lyon, country: 'BE' })).toBe(false);
    expect(sameAddress(lyon, { ...lyon, phone: '+33 4 00 00 00 00' })).toBe(false);
  });
});
