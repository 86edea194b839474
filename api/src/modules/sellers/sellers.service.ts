import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { newestFirstPage } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { recordEvents } from '../events/index.js';
import * as repo from './sellers.repository.js';
import type { SellerStatus } from './sellers.table.js';

type AdminSeller = components['schemas']['AdminSeller'];
type Transition = 'approve' | 'suspend' | 'reactivate';

/** Which states each operator action leaves from, and where it goes. */
const TRANSITIONS: Record<
  Transition,
  {
    from: SellerStatus[];
    to: SellerStatus;
    event: 'seller.approved' | 'seller.suspended' | 'seller.reactivated';
  }
> = {
  approve: { from: ['pending'], to: 'active', event: 'seller.approved' },
  suspend: { from: ['pending', 'active'], to: 'suspended', event: 'seller.suspended' },
  reactivate: { from: ['suspended'], to: 'active', event: 'seller.reactivated' },
};

function toAdminSeller(row: repo.SellerRow): AdminSeller {
  return {
    id: row.id,
    handle: row.handle,
    name: row.name,
    description: row.description,
    status: row.status,
    commission_bps_override: row.commission_bps,
    effective_commission_bps: row.effective_commission_bps,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** The operator's view of sellers: onboarding, lifecycle, commission, marketplace settings. */
export function createSellerAdminService({ db }: { db: Kysely<Database> }) {
  const load = async (trx: Kysely<Database>, id: string, forUpdate = false) => {
    const row = await repo.findSeller(trx, id, { forUpdate });
    if (!row) throw new AppError('not_found', `No seller has the id '${id}'.`);
    return row;
  };

  return {
    async list(input: { status?: SellerStatus; limit?: number; cursor?: string }) {
      const page = await newestFirstPage(input, ['admin-sellers', input.status], (after, limit) =>
        repo.listSellers(db, {
          ...(input.status ? { status: input.status } : {}),
          ...(after ? { after } : {}),
          limit,
        }),
      );
      return { data: page.rows.map(toAdminSeller), next_cursor: page.next_cursor };
    },

    get: async (id: string) => toAdminSeller(await load(db, id)),

    /** Onboards a seller in `pending` state (409 when the handle is taken). */
    async create(
      input: components['schemas']['SellerCreate'],
      trx: Kysely<Database> = db,
    ): Promise<AdminSeller> {
      const id = newId('sel');
      const inserted = await repo.insertSeller(trx, {
        id,
        handle: input.handle,
        name: input.name,
        description: input.description ?? null,
        commission_bps: input.commission_bps_override ?? null,
      });
      if (!inserted) {
        throw new AppError('conflict', `The handle '${input.handle}' is already taken.`, {
          errors: [{ in: 'body', field: '/handle', message: 'is already taken' }],
        });
      }
      await recordEvents(trx, [
        {
          type: 'seller.created',
          aggregateType: 'seller',
          aggregateId: id,
          sellerId: id,
          data: { seller_id: id, handle: input.handle, name: input.name },
        },
      ]);
      return toAdminSeller(await load(trx, id));
    },

    /** Moves a seller through its lifecycle; 409 `invalid_state` from a state the action does not leave. */
    async transition(id: string, action: Transition, trx: Kysely<Database>): Promise<AdminSeller> {
      const rule = TRANSITIONS[action];
      const row = await load(trx, id, true);
      if (!rule.from.includes(row.status)) {
        throw new AppError(
          'invalid_state',
          `A ${row.status} seller cannot be ${action === 'approve' ? 'approved' : `${action}ed`}.`,
        );
      }
      await repo.updateSeller(trx, id, { status: rule.to });
      await recordEvents(trx, [
        {
          type: rule.event,
          aggregateType: 'seller',
          aggregateId: id,
          sellerId: id,
          data: { seller_id: id, previous_status: row.status, status: rule.to },
        },
      ]);
      return toAdminSeller(await load(trx, id));
    },

    async setCommission(id: string, bps: number | null, trx: Kysely<Database>): Promise<AdminSeller> {
      const row = await load(trx, id, true);
      await repo.updateSeller(trx, id, { commission_bps: bps });
      await recordEvents(trx, [
        {
          type: 'seller.commission_changed',
          aggregateType: 'seller',
          aggregateId: id,
          sellerId: id,
          data: { seller_id: id, previous_commission_bps: row.commission_bps, commission_bps: bps },
        },
      ]);
      return toAdminSeller(await load(trx, id));
    },

    getSettings: () => repo.getSettings(db),
    updateSettings: (changes: { default_commission_bps: number }) => repo.updateSettings(db, changes),
  };
}

export type SellerAdminService = ReturnType<typeof createSellerAdminService>;
