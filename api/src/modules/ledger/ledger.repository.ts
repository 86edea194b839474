import { type Kysely, sql } from 'kysely';
import { executePrepared } from '../../db/prepared.js';
import type { Database } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';

type Db = Kysely<Database>;

/** Postings up to this many transactions and entries (a capture, a cancellation) run named. */
const SMALL_TRANSACTIONS = 2;
const SMALL_ENTRIES = 8;

/** Ledger accounts. Seller accounts carry the seller id beside the name. */
export type Account =
  | 'payments_authorized'
  | 'payments_captured'
  | 'commission_pending'
  | 'commission_revenue'
  | 'seller_pending'
  | 'seller_available';

/** One line of a transaction: debit positive, credit negative. */
export interface Entry {
  account: Account;
  sellerId?: string | null;
  currency: string;
  amount: number;
}

/** A ledger transaction to post: what happened, to which order or payout, and its entries. */
export interface LedgerTransaction {
  kind: string;
  orderId?: string;
  sellerOrderId?: string;
  payoutId?: string;
  entries: readonly Entry[];
}

/** Refuses a transaction whose entries do not sum to zero in each currency, or any non-integer amount. */
function assertBalanced(tx: LedgerTransaction): void {
  const sums = new Map<string, number>();
  for (const e of tx.entries) {
    if (!Number.isSafeInteger(e.amount)) throw new Error(`ledger: amount ${e.amount} is not an integer`);
    sums.set(e.currency, (sums.get(e.currency) ?? 0) + e.amount);
  }
  for (const [currency, sum] of sums) {
    if (sum !== 0) throw new Error(`ledger: transaction ${tx.kind} is unbalanced by ${sum} ${currency}`);
  }
}

/** Rows of balanced transactions and their entries (zero amounts dropped), with new ids. */
function postingRows(txs: readonly LedgerTransaction[]) {
  for (const tx of txs) assertBalanced(tx);
  const ids = txs.map(() => newId('txn'));
  const transactions = txs.map((tx, i) => ({
    id: ids[i] ?? '',
    kind: tx.kind,
    order_id: tx.orderId ?? null,
    seller_order_id: tx.sellerOrderId ?? null,
    payout_id: tx.payoutId ?? null,
  }));
  const entries = txs.flatMap((tx, i) =>
    tx.entries
      .filter((e) => e.amount !== 0)
      .map((e) => ({
        transaction_id: ids[i] ?? '',
        account: e.account,
        seller_id: e.sellerId ?? null,
        currency: e.currency,
        amount: e.amount,
      })),
  );
  return { ids, transactions, entries };
}

/**
 * Posts balanced transactions, all of them in one statement (their rows and their entries), and
 * returns their ids in order. Refuses any whose entries do not sum to zero in each currency: money is
 * never created or lost by a bug in the caller. Zero amounts are dropped.
 */
export async function postTransactions(trx: Db, txs: readonly LedgerTransaction[]): Promise<string[]> {
  if (txs.length === 0) return [];
  const { ids, transactions, entries } = postingRows(txs);
  if (entries.length === 0) {
    await trx.insertInto('ledger_transactions').values(transactions).execute();
  } else {
    // The entries' foreign key is checked at the end of the statement, when the transactions exist.
    const query = trx
      .with('t', (q) => q.insertInto('ledger_transactions').values(transactions).returning('id'))
      .insertInto('ledger_entries')
      .values(entries);
    // The text varies with the number of rows; the few forms of small postings run named, so
    // PostgreSQL parses and plans each once per connection.
    if (transactions.length <= SMALL_TRANSACTIONS && entries.length <= SMALL_ENTRIES)
      await executePrepared(trx, query);
    else await query.execute();
  }
  return ids;
}

/**
 * Balanced transactions of orders (no payout) as one array per column, for a statement of another
 * module that posts them together with what they record (`postingInserts`): checkout's order statement.
 */
export interface PostingColumns {
  txId: string[];
  txKind: string[];
  txOrderId: (string | null)[];
  txSellerOrderId: (string | null)[];
  entryTxId: string[];
  entryAccount: string[];
  entrySellerId: (string | null)[];
  entryCurrency: string[];
  entryAmount: number[];
}

/** The columns of these transactions (refused when unbalanced, as by `postTransactions`). */
export function postingColumns(txs: readonly LedgerTransaction[]): PostingColumns {
  const { transactions: t, entries: e } = postingRows(txs);
  return {
    txId: t.map((r) => r.id),
    txKind: t.map((r) => r.kind),
    txOrderId: t.map((r) => r.order_id),
    txSellerOrderId: t.map((r) => r.seller_order_id),
    entryTxId: e.map((r) => r.transaction_id),
    entryAccount: e.map((r) => r.account),
    entrySellerId: e.map((r) => r.seller_id),
    entryCurrency: e.map((r) => r.currency),
    entryAmount: e.map((r) => r.amount),
  };
}

/**
 * The two inserts of a posting, for data-modifying CTEs of one statement (transactions first; the
 * entries' foreign key is checked at the end of the statement). Arrays, so the text never varies.
 */
export function postingInserts(p: PostingColumns) {
  return {
    transactions: sql`INSERT INTO ledger_transactions (id, kind, order_id, seller_order_id)
      SELECT * FROM unnest(${p.txId}::text[], ${p.txKind}::text[], ${p.txOrderId}::text[],
                           ${p.txSellerOrderId}::text[])`,
    entries: sql`INSERT INTO ledger_entries (transaction_id, account, seller_id, currency, amount)
      SELECT * FROM unnest(${p.entryTxId}::text[], ${p.entryAccount}::text[], ${p.entrySellerId}::text[],
                           ${p.entryCurrency}::text[], ${p.entryAmount}::bigint[])`,
  };
}

/** Posts one balanced transaction (see `postTransactions`) and returns its id. */
export async function postTransaction(trx: Db, tx: LedgerTransaction): Promise<string> {
  const [id] = await postTransactions(trx, [tx]);
  return id ?? '';
}

/** Balances of a seller's accounts per currency, as credit balances (what the marketplace owes). */
export async function sellerBalances(db: Db, sellerId: string) {
  return db
    .selectFrom('ledger_entries')
    .select(['account', 'currency', sql<number>`(-sum(amount))::bigint`.as('owed')])
    .where('seller_id', '=', sellerId)
    .where('account', 'in', ['seller_pending', 'seller_available'])
    .groupBy(['account', 'currency'])
    .orderBy('currency')
    .execute();
}

/** Every seller and currency with a positive available balance (payouts pay these). */
export async function positiveAvailableBalances(db: Db) {
  return db
    .selectFrom('ledger_entries')
    .select(['seller_id', 'currency', sql<number>`(-sum(amount))::bigint`.as('owed')])
    .where('account', '=', 'seller_available')
    .groupBy(['seller_id', 'currency'])
    .having(sql<number>`(-sum(amount))::bigint`, '>', 0)
    .orderBy('seller_id')
    .orderBy('currency')
    .execute();
}

/** Per-currency sums of every transaction that does not balance (always empty unless something is broken). */
export async function unbalancedTransactions(db: Db) {
  return db
    .selectFrom('ledger_entries')
    .select(['transaction_id', 'currency', sql<number>`sum(amount)::bigint`.as('sum')])
    .groupBy(['transaction_id', 'currency'])
    .having(sql<number>`sum(amount)`, '<>', 0)
    .execute();
}

/** Serialises payout runs for the rest of the transaction. */
export async function lockPayoutRun(trx: Db) {
  await sql`SELECT pg_advisory_xact_lock(4242002)`.execute(trx);
}

export async function insertPayout(
  trx: Db,
  row: { id: string; seller_id: string; currency: string; amount: number },
) {
  return trx
    .insertInto('payouts')
    .values({ ...row, status: 'paid' })
    .returning(['id', 'seller_id', 'currency', 'amount', 'status', 'created_at'])
    .executeTakeFirstOrThrow();
}

export async function listPayouts(db: Db, sellerId: string) {
  return db
    .selectFrom('payouts')
    .select(['id', 'seller_id', 'currency', 'amount', 'status', 'created_at'])
    .where('seller_id', '=', sellerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
