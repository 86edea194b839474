import { type Kysely, sql } from 'kysely';

/** People who act for a seller with their Firebase sign-in, each with a role. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`
      CREATE TABLE seller_staff (
        id text PRIMARY KEY,
        seller_id text NOT NULL REFERENCES sellers (id) ON DELETE CASCADE,
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        role text NOT NULL CHECK (role IN ('owner', 'catalog', 'orders')),
        -- Set when the invited person first signs in with the invited email, verified.
        firebase_uid text CHECK (length(firebase_uid) BETWEEN 1 AND 128),
        -- Who invited: a staff id or an API key id (attribution).
        invited_by text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        accepted_at timestamptz(3),
        CHECK ((firebase_uid IS NULL) = (accepted_at IS NULL))
      )
    `,
    sql`CREATE UNIQUE INDEX seller_staff_email ON seller_staff (seller_id, lower(email))`,
    // A person acts for one seller at most: the token alone then says for whom.
    sql`CREATE UNIQUE INDEX seller_staff_uid ON seller_staff (firebase_uid) WHERE firebase_uid IS NOT NULL`,
    sql`CREATE INDEX seller_staff_pending_email ON seller_staff (lower(email)) WHERE firebase_uid IS NULL`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE seller_staff`.execute(db);
}
