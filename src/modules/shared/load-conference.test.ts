import { asc, desc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/database.js';
import { childOnAPlan } from '../../../test/support/escalation-factory.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import {
  cases, conferenceChildren, conferenceStatusHistory, conferences, meetings, outOfTimescaleAuthorisations, people, rooms,
} from '../../db/schema/index.js';
import { loadConferenceDetails } from '../booking/load-conference-details.js';
import { loadConferenceWithChildren } from './load-conference.js';
import { childName } from './load-records.js';
import { NotFoundError } from './errors.js';
import { statementsOf } from '../../../test/support/statements.js';

// Issue 16: a conference with its children, and the conference page's lists, each in one statement
// and each as the queries they replace returned them.
describeEachEngine('a conference and its lists in one statement each', (engine) => {
  const suite = suiteDatabase(engine);
  let conferenceId: string;
  let bareId: string;

  beforeAll(async () => {
    const db = suite.db();
    const orgId = (await createOrganisation(db)).id;
    const user = await createUser(db, { roles: ['business-support'], organisationId: orgId });
    const other = await createUser(db, { roles: ['team-manager'], organisationId: orgId });
    const f = await childOnAPlan(db, orgId);
    const elsewhere = await childOnAPlan(db, orgId);
    await db.update(cases).set({ socialWorkerId: user.id }).where(eq(cases.id, f.case.id));
    const [room] = await db.insert(rooms).values({ name: 'Room 1', building: 'Civic Centre', capacity: 8 }).returning();
    const [conference] = await db.insert(conferences).values({ householdId: f.household.id, kind: 'review', status: 'requested', pack: 'national', roomId: room!.id, chairId: other.id }).returning();
    const [bare] = await db.insert(conferences).values({ householdId: f.household.id, kind: 'initial', status: 'requested', pack: 'national' }).returning();
    conferenceId = conference!.id;
    bareId = bare!.id;
    // A subject, an older sibling, a baby not yet born (no date of birth), each with a case.
    const [older, unborn] = await db.insert(people).values([
      { kind: 'child', givenNames: 'Beta', familyName: 'Testington', dateOfBirth: '2015-01-01' },
      { kind: 'child', givenNames: '', familyName: 'Testington', expectedDeliveryDate: '2026-06-01' },
    ]).returning();
    const [olderCase, unbornCase] = await db.insert(cases).values([
      { childId: older!.id, householdId: f.household.id, organisationId: orgId, openedOn: '2025-10-01', teamManagerId: other.id },
      { childId: unborn!.id, householdId: f.household.id, organisationId: orgId, openedOn: '2026-01-01' },
    ]).returning();
    await db.insert(conferenceChildren).values([
      { conferenceId, caseId: unbornCase!.id, childId: unborn!.id, role: 'subject', childType: 'initial' },
      { conferenceId, caseId: f.case.id, childId: f.child.id, role: 'subject', childType: 'review', likelyHarm: 'Neglect' },
      { conferenceId, caseId: olderCase!.id, childId: older!.id, role: 'household' },
      { conferenceId: elsewhere.conference.id, caseId: elsewhere.case.id, childId: elsewhere.child.id, role: 'subject', childType: 'initial' },
    ]);
    const at = (iso: string) => new Date(iso);
    await db.insert(conferenceStatusHistory).values([
      { conferenceId, fromStatus: 'awaiting-authorisation', toStatus: 'requested', event: 'authorise', at: at('2026-02-02T10:00:00.250Z'), by: other.id },
      { conferenceId, fromStatus: null, toStatus: 'awaiting-authorisation', event: 'request', at: at('2026-02-01T10:00:00Z'), by: user.id },
    ]);
    await db.insert(meetings).values({ conferenceId, status: 'adjourned', conferenceDate: '2026-02-20', openedAt: at('2026-02-20T10:00:00Z'), updatedAt: at('2026-02-20T12:00:00Z') });
    await db.insert(outOfTimescaleAuthorisations).values([
      { conferenceId, proposedDate: '2026-03-20', reasons: 'No chair free.', riskMonitoring: 'Visits weekly.', requestedBy: user.id, requestedAt: at('2026-02-03T09:00:00Z'), decision: 'declined', decidedBy: other.id },
      { conferenceId, proposedDate: '2026-03-25', reasons: 'Still no chair.', riskMonitoring: 'Visits weekly.', requestedBy: user.id, requestedAt: at('2026-02-04T09:00:00Z') },
    ]);
  });

  it('reads the conference with its children as the join did, youngest last, in one statement', async () => {
    const db = suite.db();
    const { result, count } = await statementsOf(db, () => loadConferenceWithChildren(db, conferenceId));
    expect(count).toBe(1);
    const [conference] = await db.select().from(conferences).where(eq(conferences.id, conferenceId));
    const rows = await db
      .select({ link: conferenceChildren, child: people, socialWorkerId: cases.socialWorkerId, organisationId: cases.organisationId })
      .from(conferenceChildren)
      .innerJoin(people, eq(conferenceChildren.childId, people.id))
      .leftJoin(cases, eq(cases.id, conferenceChildren.caseId))
      .where(eq(conferenceChildren.conferenceId, conferenceId))
      .orderBy(asc(people.dateOfBirth));
    const children = rows.map((r) => ({ ...r.link, name: childName(r.child), person: r.child, socialWorkerId: r.socialWorkerId ?? null, organisationId: r.organisationId ?? null }));
    expect(result.conference).toEqual(conference);
    expect(result.children).toEqual(children);
    expect(result.children.map((c) => c.person.givenNames)).toEqual(['Beta', 'Alpha', '']);
    expect(result.subjects.map((c) => c.childType)).toEqual(['review', 'initial']);
    expect(result.householdChildren.map((c) => c.person.givenNames)).toEqual(['Beta']);
    expect(result.childIds).toEqual(children.map((c) => c.childId));

    expect((await loadConferenceWithChildren(db, bareId)).children).toEqual([]);
    await expect(loadConferenceWithChildren(db, '00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads the conference page’s history, requests, room and meeting status as their own selects did, in one statement and one for the names', async () => {
    const db = suite.db();
    const [conference] = await db.select().from(conferences).where(eq(conferences.id, conferenceId));
    const { result, count } = await statementsOf(db, () => loadConferenceDetails(db, conference!));
    expect(count).toBe(2);
    expect(result.history).toEqual(await db.select().from(conferenceStatusHistory).where(eq(conferenceStatusHistory.conferenceId, conferenceId)).orderBy(asc(conferenceStatusHistory.at)));
    expect(result.history.map((h) => h.toStatus)).toEqual(['awaiting-authorisation', 'requested']);
    expect(result.requests).toEqual(await db.select().from(outOfTimescaleAuthorisations).where(eq(outOfTimescaleAuthorisations.conferenceId, conferenceId)).orderBy(desc(outOfTimescaleAuthorisations.requestedAt)));
    expect(result.requests.map((r) => r.proposedDate)).toEqual(['2026-03-25', '2026-03-20']);
    expect(result.room).toEqual((await db.select().from(rooms).where(eq(rooms.id, conference!.roomId!)))[0]);
    expect(result.names.size).toBe(2);
    expect(result.meetingStatus).toBe('adjourned');

    const [bare] = await db.select().from(conferences).where(eq(conferences.id, bareId));
    expect(await loadConferenceDetails(db, bare!)).toEqual({ history: [], requests: [], room: null, names: new Map(), meetingStatus: null });
  });
});
