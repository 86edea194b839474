import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { components } from '../../generated/openapi.js';
import { newId } from '../../lib/ids.js';
import { recordEvents } from '../events/index.js';
import type { Entry, PostingColumns } from './ledger.repository.js';
import * as repo from './ledger.repository.js';

type Payout = components['schemas']['Payout'];

/** What a seller order is worth to whom, in minor units of `currency`. */
export interface SellerOrderMoney {
  orderId: string;
  sellerOrderId: string;
  sellerId: string;
  currency: string;
  total: number;
  commission: number;
}

/** Checkout's entries: the authorized amount is owed to the seller (net of commission) and the marketplace. */
function placedEntries(m: SellerOrderMoney): Entry[] {
  return [
    { account: 'payments_authorized', currency: m.currency, amount: m.total },
    {
      account: 'seller_pending',
      sellerId: m.sellerId,
      currency: m.currency,
      amount: -(m.total - m.commission),
    },
    { account: 'commission_pending', currency: m.currency, amount: -m.commission },
  ];
}

/**
 * The double-entry bookkeeping of the marketplace. Buyers' money is held as `payments_authorized`
 * until capture, then `payments_captured`; sellers are owed `seller_pending` until capture, then
 * `seller_available` until paid out; the marketplace's commission is `commission_pending` until capture,
 * then `commission_revenue`. Shipping and tax belong to the seller, who ships and remits them.
 */
export const ledgerBook = {
  /**
   * Checkout: each seller order's authorized amount is owed to its seller (net of commission) and the
   * marketplace; one transaction per seller order. As columns, for checkout's order statement, which
   * posts them with the order (`postingInserts`).
   */
  ordersPlaced: (placed: readonly SellerOrderMoney[]): PostingColumns =>
    repo.postingColumns(
      placed.map((m) => ({
        kind: 'order_placed',
        orderId: m.orderId,
        sellerOrderId: m.sellerOrderId,
        entries: placedEntries(m),
      })),
    ),

  /** Fulfilment captured the payment: money is in, the seller's share is available, commission is earned. */
  captured: (trx: Kysely<Database>, m: SellerOrderMoney) =>
    repo.postTransaction(trx, {
      kind: 'payment_captured',
      orderId: m.orderId,
      sellerOrderId: m.sellerOrderId,
      entries: [
        { account: 'payments_captured', currency: m.currency, amount: m.total },
        { account: 'payments_authorized', currency: m.currency, amount: -m.total },
        {
          account: 'seller_pending',
          sellerId: m.sellerId,
          currency: m.currency,
          amount: m.total - m.commission,
        },
        {
          account: 'seller_available',
          sellerId: m.sellerId,
          currency: m.currency,
          amount: -(m.total - m.commission),
        },
        { account: 'commission_pending', currency: m.currency, amount: m.commission },
        { account: 'commission_revenue', currency: m.currency, amount: -m.commission },
      ],
    }),

  /** Cancellation before capture: the authorization is voided and the commission clawed back. */
  cancelled: (trx: Kysely<Database>, m: SellerOrderMoney) =>
    repo.postTransaction(trx, {
      kind: 'seller_order_cancelled',
      orderId: m.orderId,
      sellerOrderId: m.sellerOrderId,
      // Exactly the placement, reversed.
      entries: placedEntries(m).map((e) => ({ ...e, amount: -e.amount })),
    }),
};

const toPayout = (row: Awaited<ReturnType<typeof repo.listPayouts>>[number]): Payout => ({
  id: row.id,
  seller_id: row.seller_id,
  amount: { amount: row.amount, currency: row.currency },
  status: row.status,
  created_at: row.created_at.toISOString(),
});

/** Balances and payouts. */
export function createLedgerService({ db }: { db: Kysely<Database> }) {
  return {
    async balance(sellerId: string): Promise<components['schemas']['Balance']> {
      const rows = await repo.sellerBalances(db, sellerId);
      const pick = (account: string) =>
        rows
          .filter((r) => r.account === account && r.owed !== 0)
          .map((r) => ({ amount: r.owed, currency: r.currency }));
      return { seller_id: sellerId, available: pick('seller_available'), pending: pick('seller_pending') };
    },

    payouts: async (sellerId: string) => (await repo.listPayouts(db, sellerId)).map(toPayout),

    /** Pays every positive available balance; one run at a time (a concurrent run waits, then finds nothing to pay twice). */
    async runPayouts(trx: Kysely<Database>): Promise<Payout[]> {
      await repo.lockPayoutRun(trx);
      const owed = await repo.positiveAvailableBalances(trx);
      const paid: Payout[] = [];
      for (const { seller_id, currency, owed: amount } of owed) {
        if (!seller_id) continue;
        const payout = await repo.insertPayout(trx, { id: newId('po'), seller_id, currency, amount });
        await repo.postTransaction(trx, {
          kind: 'payout',
          payoutId: payout.id,
          entries: [
            { account: 'seller_available', sellerId: seller_id, currency, amount },
            { account: 'payments_captured', currency, amount: -amount },
          ],
        });
        await recordEvents(trx, [
          {
            type: 'payout.paid',
            aggregateType: 'payout',
            aggregateId: payout.id,
            sellerId: seller_id,
            data: { payout_id: payout.id, seller_id, amount, currency },
          },
        ]);
        paid.push(toPayout(payout));
      }
      return paid;
    },

    unbalanced: () => repo.unbalancedTransactions(db),
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
