import { expect, it } from 'vitest';
import { conferenceChildren, conferences } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { createFamily } from '../../../test/support/front-door-fixtures.js';
import { suiteWithOrganisation } from '../../../test/support/suite-database.js';
import { loadRequestingAgencies } from './load-agency-request-page.js';
import { loadDecisionsAwaitingAuthorisation } from './load-decisions-awaiting-authorisation.js';

describeEachEngine('FD5 and the manager’s list: the front door’s named queries', (engine) => {
  const { db, orgId } = suiteWithOrganisation(engine, { name: 'Testshire Council' });

  it('FD5: a request can come from any partner agency, never from the authority itself, listed by name', async () => {
    await createOrganisation(db(), { name: 'Testshire Police', kind: 'police' });
    await createOrganisation(db(), { name: 'Alphaville Health Trust', kind: 'health' });
    await createOrganisation(db(), { name: 'Another Council', kind: 'local-authority' });
    const agencies = await loadRequestingAgencies(db());
    expect(agencies.map((a) => a.name)).toEqual(['Alphaville Health Trust', 'Testshire Police']);
  });

  it('lists only decisions awaiting authorisation, soonest due first, with who asked and the children each names', async () => {
    const worker = await createUser(db(), { roles: ['social-worker'], organisationId: orgId(), displayName: 'Sam Worker' });
    const early = await createFamily(db(), orgId(), 'Earlyton', [{ givenNames: 'Alpha' }, { givenNames: 'Bravo' }]);
    const late = await createFamily(db(), orgId(), 'Lateton', [{ givenNames: 'Charlie' }]);
    const booked = await createFamily(db(), orgId(), 'Bookton', [{ givenNames: 'Delta' }]);
    const convene = async (family: typeof early, status: string, dueDate: string) => {
      const [row] = await db().insert(conferences).values({ householdId: family.householdId, kind: 'initial', status, pack: 'national', dueDate, requestedBy: worker.id }).returning();
      await db().insert(conferenceChildren).values(family.children.map((c) => ({ conferenceId: row!.id, caseId: c.caseId, childId: c.childId, role: 'subject' })));
      return row!.id;
    };
    const lateId = await convene(late, 'awaiting-authorisation', '2026-04-01');
    const earlyId = await convene(early, 'awaiting-authorisation', '2026-03-20');
    await convene(booked, 'requested', '2026-03-01');

    const { decisions, childIds } = await loadDecisionsAwaitingAuthorisation(db());

    expect(decisions.map((d) => d.conference.id)).toEqual([earlyId, lateId]);
    // The children of one conference come in no stated order: compared as a set.
    expect(decisions.map((d) => ({ householdName: d.householdName, requestedByName: d.requestedByName, subjectNames: d.subjectNames.split(', ').sort() }))).toEqual([
      { householdName: 'Earlyton household', requestedByName: 'Sam Worker', subjectNames: ['Alpha Earlyton', 'Bravo Earlyton'] },
      { householdName: 'Lateton household', requestedByName: 'Sam Worker', subjectNames: ['Charlie Lateton'] },
    ]);
    // The names on the list are reads of those children's records, and of no one else's.
    expect([...childIds].sort()).toEqual([...early.children, ...late.children].map((c) => c.childId).sort());
  });
});
