import { expect, it } from 'vitest';
import { childProtectionPlans, conferenceRecords, conferences, familyParticipation, invitations, meetingDistributions, meetings, reports, reportShares } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { childOnAPlan } from '../../../test/support/escalation-factory.js';
import { createMeetingFixture } from '../../../test/support/meeting-factory.js';
import { createUser } from '../../../test/support/factories.js';
import { suiteWithOrganisation } from '../../../test/support/suite-database.js';
import { toActor } from '../accounts/load-actor.js';
import { queueForRole } from './queue-for-role.js';
import { eq, inArray } from 'drizzle-orm';
import { statementsOf } from '../../../test/support/statements.js';

const NOW = new Date('2026-03-02T10:00:00Z');

describeEachEngine('work queues computed on read', (engine) => {
  const suite = suiteWithOrganisation(engine);

  it('business support sees conferences to book, most urgent first, with the deadline explained', async () => {
    const db = suite.db();
    await db.insert(conferences).values([
      { kind: 'initial', status: 'requested', pack: 'national', dueRuleId: 'TS1', dueFromDate: '2026-02-20', dueDate: '2026-03-13' },
      { kind: 'initial', status: 'requested', pack: 'national', dueRuleId: 'TS1', dueFromDate: '2026-02-02', dueDate: '2026-02-23' },
      { kind: 'initial', status: 'booked', pack: 'national', dueRuleId: 'TS1', dueFromDate: '2026-02-02', dueDate: '2026-02-23' },
    ]);
    const actor = toActor(await createUser(db, { roles: ['business-support'], organisationId: suite.orgId() }));
    const queue = await queueForRole(db, actor, 'business-support', NOW, 'national');
    const toBook = queue['to-book']!;
    expect(toBook.map((i) => i.dueDate)).toEqual(['2026-02-23', '2026-03-13']);
    expect(toBook[0]!.state).toBe('overdue by 5 working days');
    expect(toBook[1]!.explanation).toMatch(/^Due 13 March 2026: 15 working days after the strategy discussion on 20 February 2026/);
  });

  it('a hertfordshire pre-birth conference counted from the decision to convene says so on the list to book (TS3)', async () => {
    const db = suite.db();
    const [c] = await db.insert(conferences).values({ kind: 'pre-birth', status: 'requested', pack: 'hertfordshire', dueRuleId: 'TS1', dueFromFact: 'decision to convene', dueFromDate: '2026-02-16', dueDate: '2026-03-09' }).returning();
    const actor = toActor(await createUser(db, { roles: ['business-support'], organisationId: suite.orgId() }));
    const item = (await queueForRole(db, actor, 'business-support', NOW, 'hertfordshire'))['to-book']!.find((i) => i.href === `/conferences/${c!.id}`);
    expect(item).toMatchObject({ dueDate: '2026-03-09', explanation: 'Due 9 March 2026: counted from the decision to convene on 16 February 2026 (TS1).' });
  });

  it('a social worker sees the next review of each plan they lead (TS5 after the initial conference)', async () => {
    const db = suite.db();
    const worker = await createUser(db, { roles: ['social-worker'], organisationId: suite.orgId() });
    const fixture = await childOnAPlan(db, suite.orgId());
    await db.update(childProtectionPlans).set({ leadSocialWorkerId: worker.id }).where(eq(childProtectionPlans.id, fixture.plan.id));
    const queue = await queueForRole(db, toActor(worker), 'social-worker', NOW, 'national');
    const reviews = queue['core-groups']!;
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ dueDate: '2026-02-03', href: `/plans/${fixture.plan.id}` });
    expect(reviews[0]!.state).toMatch(/^overdue/);
  });

  it('a social worker’s queue reads each thing once: the sections share the worker’s plans and the reviews held since, and an unborn child’s plan comes from the same read', async () => {
    const db = suite.db();
    const worker = await createUser(db, { roles: ['social-worker'], organisationId: suite.orgId() });
    const born = await childOnAPlan(db, suite.orgId());
    const unborn = await childOnAPlan(db, suite.orgId());
    const { people } = await import('../../db/schema/index.js');
    await db.update(people).set({ dateOfBirth: null, expectedDeliveryDate: '2026-05-01' }).where(eq(people.id, unborn.child.id));
    await db.update(childProtectionPlans).set({ leadSocialWorkerId: worker.id }).where(inArray(childProtectionPlans.id, [born.plan.id, unborn.plan.id]));
    // Every statement the driver is sent while the queue is built.
    const { result: queue, statements: sent } = await statementsOf(db, () => queueForRole(db, toActor(worker), 'social-worker', NOW, 'national'));
    expect(sent.filter((text, i) => sent.indexOf(text) !== i)).toEqual([]);
    // The unborn child's plan still asks for its discharge-home plan before the due date (UB2), read through the shared plans.
    expect(queue.unborn!.map((i) => i.href)).toContain(`/plans/${unborn.plan.id}/discharge-home`);
    expect(queue['core-groups']!.map((i) => i.href)).toEqual(expect.arrayContaining([`/plans/${born.plan.id}`, `/plans/${unborn.plan.id}`]));
  });

  it('a service manager sees plans of children turning 18 soon (TS25)', async () => {
    const db = suite.db();
    const fixture = await childOnAPlan(db, suite.orgId());
    const { people } = await import('../../db/schema/index.js');
    await db.update(people).set({ dateOfBirth: '2008-04-10' }).where(eq(people.id, fixture.child.id));
    const manager = toActor(await createUser(db, { roles: ['service-manager'], organisationId: suite.orgId() }));
    const queue = await queueForRole(db, manager, 'service-manager', NOW, 'national');
    expect(queue['plans-to-end']!.map((i) => i.dueDate)).toContain('2026-04-10');
  });

  it('business support sees booked conferences to invite (soonest first) and held ones whose decisions or approved record have not gone; the chair sees drafts to approve', async () => {
    const db = suite.db();
    const chair = await createUser(db, { roles: ['chair'], organisationId: suite.orgId() });
    const [later, sooner, held, approved, noMeeting, stillSitting] = await db.insert(conferences).values([
      { kind: 'initial', status: 'booked', pack: 'national', scheduledStart: new Date('2026-03-20T10:00:00Z') },
      { kind: 'review', status: 'booked', pack: 'national', scheduledStart: new Date('2026-03-10T14:30:00Z') },
      { kind: 'initial', status: 'held', pack: 'national', heldOn: '2026-02-26', chairId: chair.id },
      { kind: 'review', status: 'held', pack: 'national', heldOn: '2026-02-20', chairId: chair.id },
      { kind: 'initial', status: 'held', pack: 'national', heldOn: '2026-02-25', chairId: chair.id },
      { kind: 'initial', status: 'held', pack: 'national', heldOn: '2026-02-24', chairId: chair.id },
    ]).returning();
    const meeting = (conferenceId: string, status: string) => ({ conferenceId, status, conferenceDate: '2026-02-20', openedAt: NOW, updatedAt: NOW });
    await db.insert(meetings).values([meeting(held!.id, 'held'), meeting(approved!.id, 'held'), meeting(stillSitting!.id, 'in-progress')]);
    await db.insert(invitations).values([held, approved, noMeeting, stillSitting].map((c) => ({ conferenceId: c!.id, inviteeKind: 'family', name: 'Demi Testington', role: 'Mother', state: 'sent' })));
    await db.insert(conferenceRecords).values([
      { conferenceId: held!.id, form: 'full-minutes', currentVersion: 1, updatedAt: NOW },
      { conferenceId: approved!.id, form: 'full-minutes', currentVersion: 2, approvedVersion: 2, updatedAt: NOW },
    ]);
    await db.insert(meetingDistributions).values({ conferenceId: approved!.id, document: 'decisions', documentVersion: 1, recipientName: 'Demi Testington', recipientRole: 'Mother', method: 'post', distributedAt: NOW });

    const support = toActor(await createUser(db, { roles: ['business-support'], organisationId: suite.orgId() }));
    const queue = await queueForRole(db, support, 'business-support', NOW, 'national');
    // An undated booked conference from an earlier test sorts last.
    expect(queue.invitations!.map((i) => i.href).slice(0, 2)).toEqual([`/conferences/${sooner!.id}/invitations`, `/conferences/${later!.id}/invitations`]);
    expect(queue.invitations![0]!.detail).toBe('Starts 14:30 on 10 March 2026');
    const toSend = queue['records-to-distribute']!.map((i) => i.href);
    expect(toSend).toContain(`/conferences/${held!.id}/decisions`);
    expect(toSend).toContain(`/conferences/${approved!.id}/record`);
    // The record carries its TS11 date (national: 10 working days after the conference on 20 February).
    const record = queue['records-to-distribute']!.find((i) => i.href === `/conferences/${approved!.id}/record`);
    expect(record).toMatchObject({ dueDate: '2026-03-06' });
    expect(record!.explanation).toMatch(/^Due 6 March 2026/);
    // Held, but no meeting recorded, or the chair has not ended it: nothing business support can send yet.
    expect(toSend.filter((href) => href.includes(noMeeting!.id) || href.includes(stillSitting!.id))).toEqual([]);

    const chairQueue = await queueForRole(db, toActor(chair), 'chair', NOW, 'national');
    expect(chairQueue['records-to-approve']!.map((i) => i.href)).toEqual([`/conferences/${held!.id}/record`]);
  });

  it('a social worker sees their report to share with the family before a booked conference, due by TS13 (TS16 where a parent needs more time), until it is shared', async () => {
    const db = suite.db();
    const f = await createMeetingFixture(db, { pack: 'newcastle' });
    const worker = toActor(f.socialWorker);
    const before = new Date('2026-02-20T10:00:00Z');
    const toShare = async () => (await queueForRole(db, worker, 'social-worker', before, 'newcastle'))['reports-to-share']!.filter((i) => i.href === `/conferences/${f.conferenceId}/reports`);
    let items = await toShare();
    expect(items).toHaveLength(1);
    expect(items[0]!.title).toBe('Share your report with the family: Alpha Testington');
    expect(items[0]!.detail).toContain('Your report is not written yet.');
    const usual = items[0]!.dueDate!;
    expect(items[0]!.explanation).toMatch(/initial conference/);

    // TS16 (newcastle): a parent needing the report translated brings the family date earlier.
    await db.insert(familyParticipation).values({ conferenceId: f.conferenceId, invitationId: f.invitationIds.mother, needsTranslation: true, updatedAt: before });
    items = await toShare();
    expect(items[0]!.dueDate! < usual).toBe(true);

    const [report] = await db.insert(reports).values({ conferenceId: f.conferenceId, childId: f.alphaId, kind: 'social-work', authorId: f.socialWorker.id, status: 'submitted', sections: [], submittedAt: before, createdAt: before, updatedAt: before }).returning();
    expect((await toShare())[0]!.detail).toContain('submitted but not yet shared');
    await db.insert(reportShares).values({ reportId: report!.id, recipientName: 'Demi Testington', method: 'visit', language: 'Polish', translated: true, reportVersion: 1, sharedAt: before, sharedBy: f.socialWorker.id });
    expect(await toShare()).toEqual([]);
  });

  it('business support is asked to arrange an interpreter for a family member whose language has no letters, until one is recorded (issue 14)', async () => {
    const db = suite.db();
    const f = await createMeetingFixture(db);
    const at = new Date('2026-02-20T09:00:00Z');
    // The father needs Tigrinya (no translation file); the mother Polish (her letters are in Polish).
    const [father] = await db.insert(familyParticipation).values({ conferenceId: f.conferenceId, invitationId: f.invitationIds.father, firstLanguage: 'Tigrinya', interpreterNeeded: true, updatedAt: at }).returning();
    await db.insert(familyParticipation).values({ conferenceId: f.conferenceId, invitationId: f.invitationIds.mother, firstLanguage: 'Polish', interpreterNeeded: true, updatedAt: at });
    const actor = toActor(await createUser(db, { roles: ['business-support'], organisationId: suite.orgId() }));
    const mine = async () => (await queueForRole(db, actor, 'business-support', NOW, 'hertfordshire')).interpreters!.filter((i) => i.href === `/conferences/${f.conferenceId}/participation`);
    const items = await mine();
    expect(items.map((i) => i.title)).toEqual(['Interpreter to arrange: Fred Testington (Tigrinya)']);
    expect(items[0]!.detail).toContain('We have no family letters in Tigrinya, so Fred Testington gets them in English. Book an interpreter');
    expect(items[0]!.detail).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // Dated, so it sorts among dated work and shows its deadline: the day the letters ask everyone to
    // reply by (TS17, 3 working days before Monday 2 March in hertfordshire), passed at NOW.
    expect(items[0]).toMatchObject({ dueDate: '2026-02-25', state: 'overdue by 3 working days' });
    expect(items[0]!.explanation).toBe('Arrange by 25 February 2026, the day the invitation letters ask everyone to reply by, so the chair knows who is coming and with whom.');
    // Where the pack gives no reply-by day (newcastle: "well in advance"), the working day before the conference.
    await db.update(conferences).set({ pack: 'newcastle' }).where(eq(conferences.id, f.conferenceId));
    const [newcastle] = await mine();
    expect(newcastle).toMatchObject({ dueDate: '2026-02-27', explanation: 'Arrange by 27 February 2026, the working day before the conference.' });
    await db.update(conferences).set({ pack: 'hertfordshire' }).where(eq(conferences.id, f.conferenceId));
    // Recording the interpreter's name clears it.
    await db.update(familyParticipation).set({ interpreterName: 'Ina Interpreterson' }).where(eq(familyParticipation.id, father!.id));
    expect(await mine()).toEqual([]);
    // A conference no longer ahead asks nothing.
    await db.update(familyParticipation).set({ interpreterName: null }).where(eq(familyParticipation.id, father!.id));
    await db.update(conferences).set({ status: 'held' }).where(eq(conferences.id, f.conferenceId));
    expect(await mine()).toEqual([]);
  });

  it('an agency practitioner sees each conference they are invited to and the report due to the chair (TS14) until they submit it', async () => {
    const db = suite.db();
    const practitioner = await createUser(db, { roles: ['agency-practitioner'], organisationId: suite.orgId() });
    const [conference] = await db.insert(conferences).values({ kind: 'initial', status: 'invitations-sent', pack: 'national', scheduledStart: new Date('2026-03-12T10:00:00Z') }).returning();
    const [invitation] = await db.insert(invitations).values({ conferenceId: conference!.id, inviteeKind: 'professional', userId: practitioner.id, name: 'Hana Exampleton', role: 'Health visitor', state: 'sent' }).returning();
    const queue = await queueForRole(db, toActor(practitioner), 'agency-practitioner', NOW, 'national');
    expect(queue.invitations!.map((i) => i.href)).toEqual([`/conferences/${conference!.id}/reports`]);
    const due = queue['reports-due']!;
    expect(due).toHaveLength(1);
    // National TS14: 1 working day before the conference.
    expect(due[0]).toMatchObject({ dueDate: '2026-03-11', state: 'due later' });
    expect(due[0]!.explanation).toMatch(/^Due 11 March 2026: 1 working day before the initial conference/);

    await db.insert(reports).values({ conferenceId: conference!.id, kind: 'agency', authorId: practitioner.id, invitationId: invitation!.id, status: 'submitted', sections: [], submittedAt: NOW, createdAt: NOW, updatedAt: NOW });
    expect((await queueForRole(db, toActor(practitioner), 'agency-practitioner', NOW, 'national'))['reports-due']).toEqual([]);
  });
});
