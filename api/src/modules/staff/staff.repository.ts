import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { SellerStaffTable, StaffRole } from './staff.table.js';

type Db = Kysely<Database>;
export type StaffRow = Selectable<SellerStaffTable>;

export const listStaff = (db: Db, sellerId: string) =>
  db
    .selectFrom('seller_staff')
    .selectAll()
    .where('seller_id', '=', sellerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const findByEmail = (db: Db, sellerId: string, email: string) =>
  db
    .selectFrom('seller_staff')
    .select('id')
    .where('seller_id', '=', sellerId)
    .where(sql<boolean>`lower(email) = lower(${email})`)
    .executeTakeFirst();

export const insertStaff = (
  db: Db,
  row: { id: string; seller_id: string; email: string; role: StaffRole; invited_by: string },
) => db.insertInto('seller_staff').values(row).returningAll().executeTakeFirstOrThrow();

export const deleteStaff = (db: Db, sellerId: string, id: string) =>
  db
    .deleteFrom('seller_staff')
    .where('seller_id', '=', sellerId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();

export const findByUid = (db: Db, uid: string) =>
  db.selectFrom('seller_staff').selectAll().where('firebase_uid', '=', uid).executeTakeFirst();

/** Accepts the oldest open invitation for this email (any case) on behalf of the uid; undefined when none. */
export const acceptInvitation = (db: Db, email: string, uid: string) =>
  db
    .updateTable('seller_staff')
    .set({ firebase_uid: uid, accepted_at: sql<Date>`now()` })
    .where(
      'id',
      '=',
      db
        .selectFrom('seller_staff')
        .select('id')
        .where('firebase_uid', 'is', null)
        .where(sql<boolean>`lower(email) = lower(${email})`)
        .orderBy('created_at')
        .limit(1),
    )
    .returningAll()
    .executeTakeFirst();
