import { describe, expect, it } from 'vitest';
import { addressComplete } from './use-address-preview';

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe('addressComplete', () => {
  const address = {
    name: 'Erika',
    line1: 'Heidestraße 17',
    city: 'Köln',
    postal_code: '51147',
    country: 'DE',
  };

  it('needs every field the API requires of an address, and nothing optional', () => {
    expect(addressComplete(form(address))).toBe(true);
    for (const field of Object.keys(address)) {
      expect(addressComplete(form({ ...address, [field]: '  ' })), field).toBe(false);
    }
    expect(addressComplete(form({ ...address, line2: '', region: '', phone: '' }))).toBe(true);
  });
});
