import { describe, expect, it } from 'vitest';
import {
  addressComplete,
  cartTax,
  checkoutTotalRows,
  countries,
  countryName,
  sellerAmountRows,
  sellerGroups,
} from './checkout-form';

/** A German shipping address, as the API's carts hold it. */
const address = {
  name: 'Erika Mustermann',
  line1: 'Heidestraße 17',
  line2: null,
  city: 'Köln',
  postal_code: '51147',
  region: null,
  country: 'DE',
  phone: null,
};

describe('countryName', () => {
  it('names every country of the checkout list as the list does', () => {
    for (const [code, name] of countries) expect(countryName(code)).toBe(name);
  });

  it('names other countries, in another locale too, and leaves what is not a region code as it is', () => {
    expect(countryName('BR')).toBe('Brazil');
    expect(countryName('DE', 'de-DE')).toBe('Deutschland');
    expect(countryName('D')).toBe('D');
    expect(countryName('')).toBe('');
  });
});

describe('cartTax', () => {
  it("is pending without an address: the API's tax of 0 is not the tax", () => {
    expect(cartTax({ shipping_address: null, tax_rate_bps: null })).toEqual({
      known: false,
      label: 'Tax',
      note: 'Tax is added once your address is complete.',
    });
  });

  it('names the rate and the country once the cart has an address', () => {
    expect(cartTax({ shipping_address: address, tax_rate_bps: 1900 })).toEqual({
      known: true,
      label: 'Tax (19%)',
      note: 'Shipping and tax to Germany.',
    });
    expect(cartTax({ shipping_address: { ...address, country: 'US' }, tax_rate_bps: 725 }).label).toBe(
      'Tax (7.25%)',
    );
    expect(cartTax({ shipping_address: address, tax_rate_bps: 1900 }, 'de-DE').label).toBe('Tax (19\u00a0%)');
  });

  it('names no rate for a country without one (the summary shows the tax as unavailable)', () => {
    expect(cartTax({ shipping_address: { ...address, country: 'BR' }, tax_rate_bps: null })).toEqual({
      known: true,
      label: 'Tax',
      note: 'Shipping and tax to Brazil.',
    });
  });
});

describe('checkoutTotalRows', () => {
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  const totals = { subtotal: usd(31099), shipping: usd(499), tax: usd(0), total: usd(31598) };

  it('shows the tax as pending and the total as before tax while the cart has no address', () => {
    const rows = checkoutTotalRows({ totals, shipping_address: null, tax_rate_bps: null });
    expect(rows.map((r) => [r.label, r.value?.amount ?? r.pending])).toEqual([
      ['Subtotal', 31099],
      ['Shipping', 499],
      ['Tax', 'With your address'],
      ['Total before tax', 31598],
    ]);
  });

  it("shows the address's tax, named by its rate, and the total with it", () => {
    const priced = { ...totals, tax: usd(6004), total: usd(37602) };
    const rows = checkoutTotalRows({ totals: priced, shipping_address: address, tax_rate_bps: 1900 });
    expect(rows.map((r) => [r.label, r.value?.amount ?? r.pending])).toEqual([
      ['Subtotal', 31099],
      ['Shipping', 499],
      ['Tax (19%)', 6004],
      ['Total', 37602],
    ]);
  });

  it('says when the tax comes where the caller says so (a cart page: at checkout)', () => {
    const rows = checkoutTotalRows(
      { totals, shipping_address: null, tax_rate_bps: null },
      undefined,
      'At checkout',
    );
    expect(rows[2]).toEqual({ label: 'Tax', value: null, pending: 'At checkout' });
  });
});

describe('sellerAmountRows', () => {
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  const group = { subtotal: usd(31099), shipping: usd(499), tax: usd(0) };

  it("adds the seller's tax once the cart has an address", () => {
    const rows = sellerAmountRows({ ...group, tax: usd(6004) }, { known: true });
    expect(rows.map((r) => [r.label, r.value?.amount ?? r.pending])).toEqual([
      ['Items', 31099],
      ['Shipping', 499],
      ['Tax', 6004],
    ]);
  });

  it('leaves the tax out before, or says when it comes', () => {
    expect(sellerAmountRows(group, { known: false }).map((r) => r.label)).toEqual(['Items', 'Shipping']);
    expect(sellerAmountRows(group, { known: false }, 'At checkout')[2]).toEqual({
      label: 'Tax',
      value: null,
      pending: 'At checkout',
    });
  });

  it('says a tax that cannot be computed is not available', () => {
    expect(sellerAmountRows({ ...group, tax: null }, { known: true })[2]).toEqual({
      label: 'Tax',
      value: null,
      pending: 'Not available',
    });
  });
});

describe('addressComplete', () => {
  const filled = {
    name: 'Erika',
    line1: 'Heidestraße 17',
    city: 'Köln',
    postal_code: '51147',
    country: 'DE',
  };
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    return data;
  };

  it('needs every field the API requires of an address, and nothing optional', () => {
    expect(addressComplete(form(filled))).toBe(true);
    for (const field of Object.keys(filled)) {
      expect(addressComplete(form({ ...filled, [field]: '  ' })), field).toBe(false);
    }
    expect(addressComplete(form({ ...filled, line2: '', region: '', phone: '' }))).toBe(true);
  });
});

describe('sellerGroups', () => {
  it("gives each seller group its items in the group's order, leaving out an id the cart does not hold", () => {
    const cart = {
      items: [{ id: 'item_a' }, { id: 'item_b' }, { id: 'item_c' }],
      sellers: [
        { seller_id: 's1', item_ids: ['item_c', 'item_a'] },
        { seller_id: 's2', item_ids: ['item_gone', 'item_b'] },
      ],
    };
    expect(sellerGroups(cart).map(({ group, items }) => [group.seller_id, items.map((i) => i.id)])).toEqual([
      ['s1', ['item_c', 'item_a']],
      ['s2', ['item_b']],
    ]);
  });
});
