import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { newId } from '../../lib/ids.js';
import type { VerifiedIdentity } from '../auth/identity.js';
import * as repo from './operator-staff.repository.js';
import type { OperatorRole } from './staff.table.js';

type OperatorStaffMember = components['schemas']['OperatorStaffMember'];

const toView = (row: repo.OperatorStaffRow): OperatorStaffMember => ({
  id: row.id,
  email: row.email,
  role: row.role,
  status: row.accepted_at === null ? 'invited' : 'active',
  invited_by: row.invited_by,
  created_at: row.created_at.toISOString(),
  accepted_at: row.accepted_at?.toISOString() ?? null,
});

/**
 * The marketplace operator's staff on `/admin/*`: invitations by email (the operator key invites the first
 * owner), accepted by signing in with that email verified.
 */
export function createOperatorStaffService({ db }: { db: Kysely<Database> }) {
  return {
    list: async () => (await repo.listOperatorStaff(db)).map(toView),
    /** Invites an email to the operator's staff, in the caller's transaction. */
    async invite(
      input: components['schemas']['OperatorStaffInvite'],
      invitedBy: string,
      trx: Kysely<Database>,
    ): Promise<OperatorStaffMember> {
      if (await repo.operatorStaffByEmail(trx, input.email)) {
        throw new AppError('conflict', `${input.email} is already invited to the operator's staff.`);
      }
      const row = await repo.insertOperatorStaff(trx, {
        id: newId('stf'),
        email: input.email,
        role: input.role,
        invited_by: invitedBy,
      });
      return toView(row);
    },
    async remove(id: string): Promise<void> {
      if (!(await repo.deleteOperatorStaff(db, id))) {
        throw new AppError('not_found', `No operator staff member has the id '${id}'.`);
      }
    },
    /** The operator role of a signed-in person, if they are (or, with this verified email, just became) staff. */
    async membershipOf(identity: VerifiedIdentity): Promise<{ id: string; role: OperatorRole } | undefined> {
      const email = identity.email && identity.emailVerified ? identity.email : null;
      const row = await repo.operatorMembership(db, identity.uid, email);
      return row ? { id: row.id, role: row.role } : undefined;
    },
  };
}

export type OperatorStaffService = ReturnType<typeof createOperatorStaffService>;
