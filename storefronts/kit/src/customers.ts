const PROVIDER_NAMES: Record<string, string> = {
  password: 'Email and password',
  'google.com': 'Google',
  'apple.com': 'Apple',
  'oidc.line': 'LINE',
  phone: 'Phone',
};

/** How a customer signed in (`Customer.sign_in_provider`), in words; an unknown provider as it is. */
export function signInProviderName(provider: string): string {
  return PROVIDER_NAMES[provider] ?? provider;
}

/** What to call a customer in a greeting: their name, else their email or phone number. */
export function customerName(customer: {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}): string {
  return customer.name || customer.email || customer.phone || 'there';
}
