import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { newId } from '../../lib/ids.js';
import type { VerifiedIdentity } from '../auth/identity.js';
import { createOperatorStaffService } from './operator-staff.service.js';
import * as repo from './staff.repository.js';
import type { StaffRole } from './staff.table.js';

type StaffMember = components['schemas']['StaffMember'];

const toView = (row: repo.StaffRow): StaffMember => ({
  id: row.id,
  email: row.email,
  role: row.role,
  status: row.firebase_uid === null ? 'invited' : 'active',
  invited_by: row.invited_by,
  created_at: row.created_at.toISOString(),
  accepted_at: row.accepted_at === null ? null : row.accepted_at.toISOString(),
});

/** Sellers' staff: invitations by email, accepted by signing in with that email verified. */
export function createStaffService({ db }: { db: Kysely<Database> }) {
  return {
    list: async (sellerId: string) => (await repo.listStaff(db, sellerId)).map(toView),

    /** Invites an email to the seller's staff, in the caller's transaction. */
    async invite(
      sellerId: string,
      input: components['schemas']['StaffInvite'],
      invitedBy: string,
      trx: Kysely<Database>,
    ): Promise<StaffMember> {
      if (await repo.findByEmail(trx, sellerId, input.email)) {
        throw new AppError('conflict', `${input.email} is already invited to this seller's staff.`);
      }
      const row = await repo.insertStaff(trx, {
        id: newId('stf'),
        seller_id: sellerId,
        email: input.email,
        role: input.role,
        invited_by: invitedBy,
      });
      return toView(row);
    },

    async remove(sellerId: string, id: string): Promise<void> {
      if (!(await repo.deleteStaff(db, sellerId, id))) {
        throw new AppError('not_found', `No staff member of yours has the id '${id}'.`);
      }
    },

    /**
     * The seller membership of a signed-in person: an accepted one by uid, else the oldest open
     * invitation for their email — accepted now, but only when the identity provider verified the email.
     */
    async membershipOf(
      identity: VerifiedIdentity,
    ): Promise<{ id: string; sellerId: string; role: StaffRole } | undefined> {
      const row =
        (await repo.findByUid(db, identity.uid)) ??
        (identity.email && identity.emailVerified
          ? await repo.acceptInvitation(db, identity.email, identity.uid)
          : undefined);
      return row ? { id: row.id, sellerId: row.seller_id, role: row.role } : undefined;
    },
    /** The marketplace operator's staff (`/admin/staff`). */
    operators: createOperatorStaffService({ db }),
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
