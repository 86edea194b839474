import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { OperatorRole, OperatorStaffTable } from './staff.table.js';

type Db = Kysely<Database>;
export type OperatorStaffRow = Selectable<OperatorStaffTable>;

const byEmail = (email: string) => sql<boolean>`lower(email) = lower(${email})`;

export const listOperatorStaff = (db: Db) =>
  db.selectFrom('operator_staff').selectAll().orderBy('created_at').orderBy('id').execute();

export const operatorStaffByEmail = (db: Db, email: string) =>
  db.selectFrom('operator_staff').select('id').where(byEmail(email)).executeTakeFirst();

export const insertOperatorStaff = (
  db: Db,
  row: { id: string; email: string; role: OperatorRole; invited_by: string },
) => db.insertInto('operator_staff').values(row).returningAll().executeTakeFirstOrThrow();

export const deleteOperatorStaff = (db: Db, id: string) =>
  db.deleteFrom('operator_staff').where('id', '=', id).returning('id').executeTakeFirst();

/**
 * The operator membership of a uid, accepting the open invitation of this email when it has none yet
 * (one statement, so two first requests at once cannot both accept).
 */
export async function operatorMembership(db: Db, uid: string, verifiedEmail: string | null) {
  const accepted = await db
    .selectFrom('operator_staff')
    .selectAll()
    .where('firebase_uid', '=', uid)
    .executeTakeFirst();
  if (accepted || verifiedEmail === null) return accepted;
  return db
    .updateTable('operator_staff')
    .set({ firebase_uid: uid, accepted_at: sql<Date>`now()` })
    .where('firebase_uid', 'is', null)
    .where(byEmail(verifiedEmail))
    .returningAll()
    .executeTakeFirst();
}
