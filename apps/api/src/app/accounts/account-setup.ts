import { ROLES, type Role } from '@tracker/contracts';
import type { EntityManager } from 'typeorm';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password';

/**
 * Accounts outside the HTTP API: the demo accounts of development, and `npm run user:create`.
 * Plain functions on an EntityManager, so that the server's start-up and the CLI share them.
 */

export const DEMO_PASSWORD = 'demo-password';

export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  /** An organisation's seed key (e.g. "ashoka-hello-europe"), id, name or alias. */
  organisation: string;
}

/**
 * Created at start outside production (never in it). The demo Secretariat account belongs to the
 * Inclusion Partnership Secretariat (Work Plan 2.x.6); the demo coordinator is Amsterdam's.
 */
export const DEMO_ACCOUNTS: readonly NewAccount[] = [
  { email: 'secretariat@example.org', name: 'Demo Secretariat', role: 'secretariat', organisation: 'inclusion-partnership-secretariat' },
  { email: 'coordinator@example.org', name: 'Demo Coordinator', role: 'coordinator', organisation: 'amsterdam' },
  { email: 'colead.labour@example.org', name: 'Demo Co-leader (Labour)', role: 'co_leader', organisation: 'ashoka-hello-europe' },
  { email: 'member@example.org', name: 'Demo Member', role: 'member', organisation: 'mareena' },
];

/** Email addresses are compared without case or surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Raised for bad input to createAccount; the message is fit to show as is. */
export class AccountError extends Error {
  override name = 'AccountError';
}

/** The id of an organisation named by seed key, id, name or alias (case-insensitive). */
export async function findOrganisation(manager: EntityManager, reference: string): Promise<{ id: string; name: string }> {
  const ref = reference.trim();
  const [exact] = await manager.query<{ id: string; name: string }[]>(`SELECT id, name FROM organisation WHERE seed_key = $1 OR id::text = lower($1)`, [ref]);
  if (exact) {
    return exact;
  }
  const rows = await manager.query<{ id: string; name: string }[]>(
    `SELECT id, name FROM organisation
      WHERE lower(name) = lower($1) OR lower($1) = ANY(SELECT lower(a) FROM unnest(aliases) a)
      ORDER BY name`,
    [ref],
  );
  if (rows.length === 0) {
    throw new AccountError(
      `no organisation is called "${ref}": give its key (e.g. ashoka-hello-europe), id, name or alias, as GET /api/organisations lists them`,
    );
  }
  if (rows.length > 1) {
    throw new AccountError(`"${ref}" names ${rows.length} organisations (${rows.map((r) => r.name).join('; ')}): give its key or id`);
  }
  return rows[0];
}

export function checkPassword(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new AccountError(`the password must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new AccountError(`the password must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  }
}

/** Creates an account; refuses a duplicate email, an unknown role or organisation. */
export async function createAccount(manager: EntityManager, account: NewAccount, password: string): Promise<{ id: string; organisation: string }> {
  const email = normaliseEmail(account.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    throw new AccountError(`"${account.email}" is not an email address`);
  }
  const name = account.name.trim();
  if (name === '' || name.length > 200) {
    throw new AccountError('the name must be 1 to 200 characters long');
  }
  if (!ROLES.includes(account.role)) {
    throw new AccountError(`the role must be one of ${ROLES.join(', ')}, got "${account.role}"`);
  }
  const organisation = await findOrganisation(manager, account.organisation);
  const [existing] = await manager.query<{ id: string }[]>(`SELECT id FROM user_account WHERE email = $1`, [email]);
  if (existing) {
    throw new AccountError(`an account for ${email} already exists`);
  }
  const [row] = await manager.query<{ id: string }[]>(
    `INSERT INTO user_account (email, name, role, organisation_id, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [email, name, account.role, organisation.id, await hashPassword(password)],
  );
  return { id: row.id, organisation: organisation.name };
}

/**
 * Creates the demo accounts that are missing, and puts those present in their demo organisation (the
 * demo Secretariat account of older databases belonged to DG HOME); returns how many it created.
 */
export async function ensureDemoAccounts(manager: EntityManager): Promise<number> {
  const present = await demoAccountsPresent(manager);
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (present.includes(account.email)) {
      const organisation = await findOrganisation(manager, account.organisation);
      await manager.query(`UPDATE user_account SET organisation_id = $2 WHERE email = $1 AND organisation_id <> $2`, [account.email, organisation.id]);
    } else {
      await createAccount(manager, account, DEMO_PASSWORD);
      created++;
    }
  }
  return created;
}

/** Emails of the demo accounts found in the database. */
export async function demoAccountsPresent(manager: EntityManager): Promise<string[]> {
  const rows = await manager.query<{ email: string }[]>(`SELECT email FROM user_account WHERE email = ANY($1) ORDER BY email`, [
    DEMO_ACCOUNTS.map((a) => a.email),
  ]);
  return rows.map((row) => row.email);
}
