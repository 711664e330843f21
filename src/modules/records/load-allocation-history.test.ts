import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { caseAllocations, cases } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { createFamily } from '../../../test/support/front-door-fixtures.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { loadAllocationHistory } from './load-allocation-history.js';

describeEachEngine('a case’s allocation history', (engine) => {
  const suite = suiteDatabase(engine);

  it('names who holds the case now and before, newest first, keeping a departed worker’s name and saying when no one was allocated', async () => {
    const db = suite.db();
    const org = await createOrganisation(db);
    const departed = await createUser(db, { roles: ['social-worker'], organisationId: org.id, displayName: 'Yolanda Leftington', active: false });
    const worker = await createUser(db, { roles: ['social-worker'], organisationId: org.id, displayName: 'Zeb Nowington' });
    const manager = await createUser(db, { roles: ['team-manager'], organisationId: org.id, displayName: 'Mira Managewell' });
    const family = await createFamily(db, org.id, 'Allocford', [{ givenNames: 'Echo' }]);
    const caseId = family.children[0]!.caseId;
    await db.insert(caseAllocations).values([
      { caseId, socialWorkerId: departed.id, teamManagerId: null, fromDate: '2026-02-01', reason: 'First allocation', recordedBy: manager.id, recordedAt: new Date('2026-02-01T09:00:00Z') },
      { caseId, socialWorkerId: worker.id, teamManagerId: manager.id, fromDate: '2026-02-20', reason: 'Caseload balancing', recordedBy: null, recordedAt: new Date('2026-02-20T09:00:00Z') },
    ]);
    await db.update(cases).set({ socialWorkerId: worker.id, teamManagerId: null }).where(eq(cases.id, caseId));
    const [caseRow] = await db.select().from(cases).where(eq(cases.id, caseId));

    const loaded = await loadAllocationHistory(db, caseRow!);

    expect(loaded.current).toEqual({ socialWorker: 'Zeb Nowington', teamManager: 'Not allocated' });
    expect(loaded.history.map((h) => [h.reason, h.socialWorker, h.teamManager, h.by])).toEqual([
      ['Caseload balancing', 'Zeb Nowington', 'Mira Managewell', null],
      ['First allocation', 'Yolanda Leftington', 'Not allocated', 'Mira Managewell'],
    ]);
  });
});
