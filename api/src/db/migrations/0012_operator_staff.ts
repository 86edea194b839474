import { type Kysely, sql } from 'kysely';

/** People who act for the marketplace operator on `/admin/*` with their Firebase sign-in, each with a role. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`
      CREATE TABLE operator_staff (
        id text PRIMARY KEY,
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        role text NOT NULL CHECK (role IN ('owner', 'sellers', 'finance', 'support', 'developer')),
        -- Set when the invited person first signs in with the invited email, verified.
        firebase_uid text UNIQUE CHECK (length(firebase_uid) BETWEEN 1 AND 128),
        -- Who invited: an operator staff id or an API key id (attribution).
        invited_by text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        accepted_at timestamptz(3),
        CHECK ((firebase_uid IS NULL) = (accepted_at IS NULL))
      )
    `,
    sql`CREATE UNIQUE INDEX operator_staff_email ON operator_staff (lower(email))`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE operator_staff`.execute(db);
}
