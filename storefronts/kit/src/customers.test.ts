import { describe, expect, it } from 'vitest';
import { customerName, signInProviderName } from './customers';

describe('customers', () => {
  it('greets by name, else by email, else by phone number', () => {
    expect(customerName({ name: 'Ines Moreau', email: 'ines@example.com' })).toBe('Ines Moreau');
    expect(customerName({ name: '', email: 'ines@example.com', phone: '+15550100' })).toBe(
      'ines@example.com',
    );
    expect(customerName({ name: null, email: null, phone: '+15550100' })).toBe('+15550100');
    expect(customerName({})).toBe('there');
  });

  it('names the way a customer signed in, and keeps a provider it does not know', () => {
    expect(signInProviderName('password')).toBe('Email and password');
    expect(signInProviderName('oidc.line')).toBe('LINE');
    expect(signInProviderName('saml.acme')).toBe('saml.acme');
  });
});
