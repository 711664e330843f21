import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresAvailable, POSTGRES_ADMIN_URL } from '../../test/support/database.js';
import { recordAudit } from '../modules/audit/record-audit.js';
import { verifyAuditChain } from '../modules/audit/verify-chain.js';
import { systemContext } from '../modules/shared/action-context.js';
import { openDatabase, type DatabaseHandle } from './client.js';
import { rolesSetupSql, runtimeGrantsSql } from './roles.js';
import { auditEvents, organisations } from './schema/index.js';

const up = await isPostgresAvailable();
const suffix = randomBytes(4).toString('hex');
const names = { database: `convene_roles_${suffix}`, owner: `convene_owner_${suffix}`, app: `convene_app_${suffix}` };

function urlFor(user: string, database: string): string {
  const url = new URL(POSTGRES_ADMIN_URL);
  url.username = user;
  url.pathname = `/${database}`;
  return url.toString();
}

async function asAdmin(database: string, statements: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(new URL(POSTGRES_ADMIN_URL).username || 'postgres', database) });
  await client.connect();
  try {
    await client.query(statements);
  } finally {
    await client.end();
  }
}

/** Drizzle wraps the database error; PostgreSQL's message is on its cause. */
async function refusal(attempt: Promise<unknown>): Promise<string> {
  const error = (await attempt.then(() => null, (e: unknown) => e)) as (Error & { cause?: Error }) | null;
  return error ? `${error.message} ${error.cause?.message ?? ''}` : 'no error: allowed';
}

describe('database roles', () => {
  it('prints the whole setup with both roles', () => {
    const text = rolesSetupSql({ database: 'convene', owner: 'convene_owner', app: 'convene_app' });
    expect(text).toContain('CREATE ROLE convene_owner');
    expect(text).toContain('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_events FROM convene_app');
    expect(() => rolesSetupSql({ database: 'x; drop table users', owner: 'a', app: 'b' })).toThrow(/not a plain/);
  });
});

(up ? describe : describe.skip)('the runtime role on PostgreSQL cannot rewrite the audit trail', () => {
  let app: DatabaseHandle;
  let owner: DatabaseHandle;

  beforeAll(async () => {
    await asAdmin('postgres', `CREATE ROLE ${names.owner} LOGIN; CREATE ROLE ${names.app} LOGIN NOINHERIT;`);
    await asAdmin('postgres', `CREATE DATABASE ${names.database} OWNER ${names.owner}`);
    owner = await openDatabase({ url: urlFor(names.owner, names.database) });
    await owner.migrate();
    await asAdmin(names.database, runtimeGrantsSql(names));
    app = await openDatabase({ url: urlFor(names.app, names.database) });
  });
  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await asAdmin('postgres', `DROP DATABASE IF EXISTS ${names.database} WITH (FORCE)`);
    await asAdmin('postgres', `DROP ROLE IF EXISTS ${names.app}; DROP ROLE IF EXISTS ${names.owner};`);
  });

  it('writes case data and audit rows, and its rows are sealed into the chain', async () => {
    await app.db.insert(organisations).values({ name: 'Demoshire County Council', kind: 'local-authority' });
    await recordAudit(app.db, systemContext(new Date('2026-03-02T10:00:00Z')), { action: 'runtime-role-event' });
    await app.db.transaction(async (tx) => recordAudit(tx, systemContext(new Date('2026-03-02T10:00:00Z')), { action: 'runtime-role-event-2' }));
    const rows = await app.db.select().from(auditEvents);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.hash !== null && r.chainSeq !== null)).toBe(true);
    expect((await verifyAuditChain(app.db)).ok).toBe(true);
  });

  it('cannot UPDATE, DELETE or TRUNCATE audit rows', async () => {
    expect(await refusal(app.db.update(auditEvents).set({ action: 'tampered' }))).toMatch(/permission denied/);
    expect(await refusal(app.db.delete(auditEvents))).toMatch(/permission denied/);
    expect(await refusal(app.db.execute(sql`truncate audit_events`))).toMatch(/permission denied/);
  });

  it('cannot drop or disable the triggers, replace their functions, or drop the table', async () => {
    expect(await refusal(app.db.execute(sql`drop trigger audit_events_no_update on audit_events`))).toMatch(/must be owner/);
    expect(await refusal(app.db.execute(sql`alter table audit_events disable trigger user`))).toMatch(/must be owner/);
    expect(await refusal(app.db.execute(sql`create or replace function audit_events_refuse_change() returns trigger as $$ begin return new; end $$ language plpgsql`))).toMatch(/must be owner|permission denied/);
    expect(await refusal(app.db.execute(sql`drop table audit_events`))).toMatch(/must be owner/);
    expect(await refusal(app.db.execute(sql`create table sneaky (id int)`))).toMatch(/permission denied/);
    expect(await app.db.$count(auditEvents)).toBe(2);
  });

  it('starts against a migrated database: migrating with nothing pending needs no DDL rights', async () => {
    await expect(app.migrate()).resolves.toBeUndefined();
  });
});
