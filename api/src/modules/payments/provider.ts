/** The outcome of an authorization attempt. */
export type AuthorizeResult =
  | { status: 'authorized'; providerRef: string }
  | { status: 'declined' | 'insufficient_funds' | 'requires_review'; message: string };

/**
 * The port every payment provider implements. Amounts are integer minor units. `capture` and `void`
 * act on part of an authorization (one authorization per order, one capture or void per seller order).
 */
export interface PaymentProvider {
  readonly name: 'test';
  authorize(input: {
    amount: number;
    currency: string;
    paymentMethod: string;
    reference: string;
  }): Promise<AuthorizeResult>;
  capture(input: { providerRef: string; amount: number; currency: string }): Promise<void>;
  void(input: { providerRef: string; amount: number; currency: string }): Promise<void>;
}

/** How many uncaptured authorizations the test provider remembers. */
const MAX_HOLDS = 10_000;

/** Options of the test provider. */
export interface TestProviderOptions {
  /**
   * How long each call takes, as a real provider's network round trip would (0: answers at once).
   * Lets tests and the bench show what holding a connection or a lock across the call costs.
   */
  latencyMs?: number;
}

/** The test provider: the port, plus what it still holds (for tests that check nothing was left authorized). */
export interface TestPaymentProvider extends PaymentProvider {
  /** Authorizations with an amount neither captured nor voided, by provider reference (the newest 10,000). */
  held(): Map<string, number>;
}

/**
 * The built-in `test` provider. It moves no money; the payment method token decides the outcome so
 * every failure path can be exercised: `pm_card_visa` and `pm_card_mastercard` authorize,
 * `pm_card_declined`, `pm_card_insufficient_funds` and `pm_card_review` fail as named, anything else is declined.
 */
export function createTestPaymentProvider({ latencyMs = 0 }: TestProviderOptions = {}): TestPaymentProvider {
  let sequence = 0;
  const holds = new Map<string, number>();
  const roundTrip = () => (latencyMs > 0 ? new Promise((r) => setTimeout(r, latencyMs)) : Promise.resolve());
  const release = (providerRef: string, amount: number) => {
    const left = (holds.get(providerRef) ?? 0) - amount;
    if (left > 0) holds.set(providerRef, left);
    else holds.delete(providerRef);
  };
  return {
    name: 'test',
    async authorize({ amount, paymentMethod, reference }): Promise<AuthorizeResult> {
      await roundTrip();
      switch (paymentMethod) {
        case 'pm_card_declined':
          return { status: 'declined', message: 'The card was declined.' };
        case 'pm_card_insufficient_funds':
          return { status: 'insufficient_funds', message: 'The card has insufficient funds.' };
        case 'pm_card_review':
          return { status: 'requires_review', message: 'The payment was held for review.' };
        case 'pm_card_visa':
        case 'pm_card_mastercard': {
          sequence += 1;
          const providerRef = `test_auth_${reference}_${sequence}`;
          holds.set(providerRef, amount);
          // A long-running process never captures most of them: keep the newest only.
          if (holds.size > MAX_HOLDS) holds.delete(holds.keys().next().value ?? '');
          return { status: 'authorized', providerRef };
        }
        default:
          return {
            status: 'declined',
            message: `The test provider does not know the payment method '${paymentMethod}'.`,
          };
      }
    },
    async capture({ providerRef, amount }) {
      await roundTrip();
      release(providerRef, amount);
    },
    async void({ providerRef, amount }) {
      await roundTrip();
      release(providerRef, amount);
    },
    held: () => new Map(holds),
  };
}
