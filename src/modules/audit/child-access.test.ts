import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { auditEvents } from '../../db/schema/index.js';
import { auditChildRead, auditChildReads } from './child-access.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const context = (requestId: string) => ({ actor: null, requestId, address: '127.0.0.1', now: NOW });
const child = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describeEachEngine('auditing reads of a child record by group commit', (engine) => {
  const suite = suiteDatabase(engine);

  const rowsFor = (requestId: string) => suite.db().select().from(auditEvents).where(eq(auditEvents.requestId, requestId));

  it('has every read committed by the time its promise resolves, however many pages read at once', async () => {
    await Promise.all(Array.from({ length: 25 }, (_, i) => auditChildRead(suite.db(), context('burst'), child(i), { recordType: 'case' })));
    const rows = await rowsFor('burst');
    expect(rows).toHaveLength(25);
    expect(new Set(rows.map((r) => r.childId)).size).toBe(25);
    expect(rows.every((r) => r.action === 'child-record-viewed' && r.recordType === 'case')).toBe(true);
    await auditChildReads(suite.db(), context('several'), [child(1), child(2), child(1)], { recordType: 'conference', recordId: 'c1' });
    expect((await rowsFor('several')).map((r) => r.childId).sort()).toEqual([child(1), child(2)]);
  });

  it('writes in the caller’s transaction when given one, so a rolled-back action leaves no row', async () => {
    await expect(
      suite.db().transaction(async (tx) => {
        await auditChildRead(tx, context('rolled-back'), child(99), { recordType: 'case' });
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await rowsFor('rolled-back')).toHaveLength(0);
  });
});
