/** Public surface of the payments module: the provider port and the built-in test provider. */

export type { PaymentsTables } from './payments.table.js';
export {
  type AuthorizeResult,
  createTestPaymentProvider,
  type PaymentProvider,
  type TestPaymentProvider,
} from './provider.js';
