import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { unconfiguredIdentity } from './identity.firebase.js';

describe('identity without a configured provider', () => {
  it('refuses every ID token with 401 unauthorized, a status every token-taking operation documents', async () => {
    const err = await unconfiguredIdentity()
      .verify('any.token.here')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'unauthorized' });
    expect((err as AppError).message).toMatch(/not enabled on this server/);
  });
});
