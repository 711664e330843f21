import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents } from './schema/index.js';
import { recordAudit } from '../modules/audit/record-audit.js';
import { systemContext } from '../modules/shared/action-context.js';
import { describeEachEngine } from '../../test/support/database.js';
import { suiteDatabase } from '../../test/support/suite-database.js';

/** Drizzle wraps the database error; the trigger's message is on its cause. */
async function refusal(attempt: Promise<unknown>): Promise<string> {
  const error = (await attempt.then(() => null, (e: unknown) => e)) as (Error & { cause?: Error }) | null;
  if (!error) return 'no error: the change was allowed';
  return `${error.message} ${error.cause?.message ?? ''}`;
}

describeEachEngine('the audit trail is append-only in the database itself', (engine) => {
  const suite = suiteDatabase(engine);
  beforeAll(async () => {
    await recordAudit(suite.db(), systemContext(new Date('2026-03-02T10:00:00Z')), { action: 'test-event', details: { n: 1 } });
  });

  it('accepts inserts', async () => {
    expect(await suite.db().$count(auditEvents)).toBe(1);
  });
  it('refuses UPDATE', async () => {
    expect(await refusal(suite.db().update(auditEvents).set({ action: 'tampered' }))).toMatch(/audit_events is append-only: UPDATE/);
    const [row] = await suite.db().select().from(auditEvents);
    expect(row?.action).toBe('test-event');
  });
  it('refuses DELETE', async () => {
    expect(await refusal(suite.db().delete(auditEvents))).toMatch(/audit_events is append-only: DELETE/);
    expect(await suite.db().$count(auditEvents)).toBe(1);
  });
  it('refuses TRUNCATE', async () => {
    expect(await refusal(suite.db().execute(sql`truncate audit_events`))).toMatch(/audit_events is append-only: TRUNCATE/);
    expect(await suite.db().$count(auditEvents)).toBe(1);
  });
  it('rolls the audit event back with the action when the transaction fails', async () => {
    await expect(
      suite.db().transaction(async (tx) => {
        await recordAudit(tx, systemContext(new Date('2026-03-02T10:00:00Z')), { action: 'doomed' });
        throw new Error('the action failed after writing');
      }),
    ).rejects.toThrow('the action failed');
    expect(await suite.db().$count(auditEvents)).toBe(1);
  });
});
