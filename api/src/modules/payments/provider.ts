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

/**
 * The built-in `test` provider. It moves no money; the payment method token decides the outcome so
 * every failure path can be exercised: `pm_card_visa` and `pm_card_mastercard` authorize,
 * `pm_card_declined`, `pm_card_insufficient_funds` and `pm_card_review` fail as named, anything else is declined.
 */
export function createTestPaymentProvider(): PaymentProvider {
  let sequence = 0;
  return {
    name: 'test',
    async authorize({ paymentMethod, reference }) {
      switch (paymentMethod) {
        case 'pm_card_declined':
          return { status: 'declined', message: 'The card was declined.' };
        case 'pm_card_insufficient_funds':
          return { status: 'insufficient_funds', message: 'The card has insufficient funds.' };
        case 'pm_card_review':
          return { status: 'requires_review', message: 'The payment was held for review.' };
        case 'pm_card_visa':
        case 'pm_card_mastercard':
          sequence += 1;
          return { status: 'authorized', providerRef: `test_auth_${reference}_${sequence}` };
        default:
          return {
            status: 'declined',
            message: `The test provider does not know the payment method '${paymentMethod}'.`,
          };
      }
    },
    async capture() {},
    async void() {},
  };
}
