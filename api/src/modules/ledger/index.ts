/** Public surface of the ledger module: double-entry bookkeeping, balances, payouts. */

export { type PostingColumns, postingInserts } from './ledger.repository.js';
export {
  createLedgerService,
  type LedgerService,
  ledgerBook,
  type SellerOrderMoney,
} from './ledger.service.js';
export type { LedgerTables } from './ledger.table.js';
