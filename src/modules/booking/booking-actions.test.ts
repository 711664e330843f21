import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { createUser } from '../../../test/support/factories.js';
import type { Database } from '../../db/client.js';
import {
  auditEvents, cases, childProtectionPlans, conferenceChildren, conferences, conferenceStatusHistory, invitations, outboxMessages, outOfTimescaleAuthorisations, users,
} from '../../db/schema/index.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { bookConference } from './book-conference.js';
import { createBookingFixture, contextOf, type BookingFixture } from './booking-fixture.test-support.js';
import { cancelConference } from './cancel-conference.js';
import { decideOutOfTimescale } from './decide-out-of-timescale.js';
import { rearrangeConference } from './rearrange-conference.js';
import { requestOutOfTimescale } from './request-out-of-timescale.js';

async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ValidationError) return Object.fromEntries(error.errors.map((e) => [e.field, e.message]));
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describeEachEngine('booking a conference', (engine) => {
  const suite = suiteDatabase(engine);
  let db: Database;
  let f: BookingFixture;
  beforeAll(async () => {
    db = suite.db();
    f = await createBookingFixture(db);
  });

  const base = () => ({ date: '2026-03-03', time: '10:00', chairId: f.chair.id, roomId: f.roomId, format: 'face-to-face' as const });

  it('books a requested conference in one transaction: booking, history and an audit event per subject child', async () => {
    const id = await f.conference({}, { harmFrom: 'Father' });
    const result = await bookConference(db, contextOf(f.businessSupport), id, { ...base(), version: 1 });
    expect(result.status).toBe('booked');
    expect(result.scheduledStart.toISOString()).toBe('2026-03-03T10:00:00.000Z');
    expect(result.findings.map((x) => `${x.ruleId}/${x.severity}`)).toEqual(['CV6/prompt']);
    const [row] = await db.select().from(conferences).where(eq(conferences.id, id));
    expect(row).toMatchObject({ status: 'booked', chairId: f.chair.id, roomId: f.roomId, format: 'face-to-face', version: 2 });
    const history = await db.select().from(conferenceStatusHistory).where(eq(conferenceStatusHistory.conferenceId, id)).orderBy(asc(conferenceStatusHistory.at));
    expect(history.map((h) => h.event)).toEqual(['authorise', 'book']);
    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'conference-booked'), eq(auditEvents.recordId, id)));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.childId).not.toBeNull();
  });

  it('census checks at data entry: an initial conference on a Saturday (C04), a review on its plan’s first day (C09) and a conference after the case closed (C12) are refused on the date, naming the check', async () => {
    const initial = await f.conference();
    expect((await fieldErrors(bookConference(db, contextOf(f.businessSupport), initial, { ...base(), date: '2026-03-07' }))).date).toContain('Census check C04');

    const review = await f.conference({ kind: 'review', dueDate: null, dueRuleId: null });
    const [subject] = await db.select().from(conferenceChildren).where(eq(conferenceChildren.conferenceId, review));
    await db.insert(childProtectionPlans).values({ caseId: subject!.caseId, childId: subject!.childId, startDate: '2026-03-02', initialCategories: ['NEG'], latestCategories: ['NEG'] });
    const virtual = { ...base(), format: 'virtual' as const, roomId: null };
    const sameDay = await fieldErrors(bookConference(db, contextOf(f.businessSupport), review, { ...virtual, date: '2026-03-02', time: '14:00' }));
    expect(sameDay.date).toContain('on or before the start of the plan on 2 March 2026');
    expect(sameDay.date).toContain('Census check C09');
    expect((await bookConference(db, contextOf(f.businessSupport), review, { ...virtual, date: '2026-03-11', time: '11:00', version: 1 })).status).toBe('booked');

    const afterClosure = await f.conference();
    const [closing] = await db.select().from(conferenceChildren).where(eq(conferenceChildren.conferenceId, afterClosure));
    await db.update(cases).set({ closedOn: '2026-03-02', closureReason: 'RC7' }).where(eq(cases.id, closing!.caseId));
    const closed = await fieldErrors(bookConference(db, contextOf(f.businessSupport), afterClosure, { ...virtual, date: '2026-03-04' }));
    expect(closed.date).toContain('after the case closed on 2 March 2026');
    expect(closed.date).toContain('Census check C12');
  });

  it('a double submit does not book twice: the second is refused as a conflict', async () => {
    const id = await f.conference();
    await bookConference(db, contextOf(f.businessSupport), id, { ...base(), time: '13:00', version: 1 });
    await expect(bookConference(db, contextOf(f.businessSupport), id, { ...base(), time: '13:00', version: 1 })).rejects.toBeInstanceOf(ConflictError);
    const stale = await f.conference();
    await expect(bookConference(db, contextOf(f.businessSupport), stale, { ...base(), date: '2026-03-05', version: 7 })).rejects.toThrow(/changed while you were working/);
    const history = await db.select().from(conferenceStatusHistory).where(and(eq(conferenceStatusHistory.conferenceId, id), eq(conferenceStatusHistory.event, 'book')));
    expect(history).toHaveLength(1);
  });

  it('two bookings of the same room and time with different chairs, sent together: only one is kept', async () => {
    const [a, b] = [await f.conference(), await f.conference()];
    const slot = { ...base(), date: '2026-03-05', time: '15:00' };
    const results = await Promise.allSettled([
      bookConference(db, contextOf(f.businessSupport), a, { ...slot, version: 1 }),
      bookConference(db, contextOf(f.businessSupport), b, { ...slot, chairId: f.otherChair.id, version: 1 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ValidationError);
    const booked = await db.select().from(conferences).where(and(eq(conferences.roomId, f.roomId), eq(conferences.status, 'booked')));
    expect(booked.filter((c) => c.scheduledStart?.toISOString() === '2026-03-05T15:00:00.000Z')).toHaveLength(1);
  });

  it('refuses a double-booked chair or room, the case’s own manager as chair (CV4), and anyone but business support', async () => {
    const first = await f.conference();
    await bookConference(db, contextOf(f.businessSupport), first, { ...base(), date: '2026-03-09', time: '09:00' });
    const second = await f.conference();
    const clash = await fieldErrors(bookConference(db, contextOf(f.businessSupport), second, { ...base(), date: '2026-03-09', time: '10:00' }));
    expect(clash.time).toContain('already chairing');
    expect(clash.roomId).toContain('already booked');
    const manager = await fieldErrors(bookConference(db, contextOf(f.businessSupport), second, { ...base(), date: '2026-03-09', chairId: f.teamManager.id, roomId: f.familyRoomId, time: '13:00' }));
    expect(manager.chairId).toContain('independent');
    await expect(bookConference(db, contextOf(f.socialWorker), second, base())).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('TS30: where the pack names two signatories, a late date waits for a second, different service manager; a refusal ends it; two first signatures at once cannot both count', async () => {
    const id = await f.conference();
    await db.update(conferences).set({ pack: 'hertfordshire' }).where(eq(conferences.id, id));
    const late = { ...base(), date: '2026-03-12', time: '14:00' };
    const requestId = await requestOutOfTimescale(db, contextOf(f.businessSupport), id, {
      proposedDate: '2026-03-12', reasons: 'The police officer in the case is unavailable until then.', riskMonitoring: 'Daily visits by the social worker.',
    });
    const [org] = await db.select({ organisationId: users.organisationId }).from(users).where(eq(users.id, f.serviceManager.id));
    const second = await createUser(db, { roles: ['service-manager'], displayName: 'Sol Secondsign', organisationId: org!.organisationId });
    const third = await createUser(db, { roles: ['service-manager'], displayName: 'Tess Thirdsign', organisationId: org!.organisationId });

    // Two service managers signing first at the same moment: one signature counts, the other is told to look again.
    // Both saw no signature on the page: whichever commits second is told to look again, however the two interleave.
    const race = await Promise.allSettled([second, third].map((u) => decideOutOfTimescale(db, contextOf(u), requestId, { decision: 'approved', note: 'First signature.', signaturesSeen: 0 })));
    expect(race.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ awaitingSecond: boolean }>).value.awaitingSecond)).toEqual([true]);
    expect(race.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toEqual([expect.any(ConflictError)]);
    const firstSigner = race[0]!.status === 'fulfilled' ? second : third;
    let [row] = await db.select().from(outOfTimescaleAuthorisations).where(eq(outOfTimescaleAuthorisations.id, requestId));
    expect(row).toMatchObject({ decision: null });
    expect(row!.signatures.map((s) => s.userId)).toEqual([firstSigner.id]);
    // Deciding from a page that showed no signature, after the first has signed: told to look again, never counted as the second.
    const loser = firstSigner === second ? third : second;
    await expect(decideOutOfTimescale(db, contextOf(loser), requestId, { decision: 'approved', note: 'Saw none.', signaturesSeen: 0 })).rejects.toThrow('Someone signed this request while you were reading it');
    expect(await fieldErrors(bookConference(db, contextOf(f.businessSupport), id, late))).toHaveProperty('date');

    await expect(decideOutOfTimescale(db, contextOf(firstSigner), requestId, { decision: 'approved', note: 'Again.' })).rejects.toBeInstanceOf(ConflictError);
    const done = await decideOutOfTimescale(db, contextOf(f.serviceManager), requestId, { decision: 'approved', note: 'Second signature: visits continue daily.' });
    expect(done.awaitingSecond).toBe(false);
    [row] = await db.select().from(outOfTimescaleAuthorisations).where(eq(outOfTimescaleAuthorisations.id, requestId));
    expect(row).toMatchObject({ decision: 'approved', decidedBy: f.serviceManager.id });
    expect(row!.decisionNote).toContain('Sid Servicewell: Second signature');
    expect((await bookConference(db, contextOf(f.businessSupport), id, late)).findings.map((x) => x.ruleId)).toContain('TS30');

    // A refusal needs no second signature.
    const other = await f.conference();
    await db.update(conferences).set({ pack: 'hertfordshire' }).where(eq(conferences.id, other));
    const refuseId = await requestOutOfTimescale(db, contextOf(f.businessSupport), other, { proposedDate: '2026-03-12', reasons: 'x', riskMonitoring: 'y' });
    expect((await decideOutOfTimescale(db, contextOf(f.serviceManager), refuseId, { decision: 'refused', note: 'Book within timescale.' })).awaitingSecond).toBe(false);
    const [refused] = await db.select().from(outOfTimescaleAuthorisations).where(eq(outOfTimescaleAuthorisations.id, refuseId));
    expect(refused?.decision).toBe('refused');
  });

  it('TS30: a late date is refused until a service manager approves an out-of-timescale request for it', async () => {
    const id = await f.conference();
    const late = { ...base(), date: '2026-03-12' };
    const refused = await fieldErrors(bookConference(db, contextOf(f.businessSupport), id, late));
    expect(refused.date).toContain('request out-of-timescale authorisation');

    const missing = await fieldErrors(requestOutOfTimescale(db, contextOf(f.socialWorker), id, { proposedDate: '2026-03-09', reasons: '', riskMonitoring: '' }));
    expect(Object.keys(missing).sort()).toEqual(['proposedDate', 'reasons', 'riskMonitoring']);
    const requestId = await requestOutOfTimescale(db, contextOf(f.businessSupport), id, {
      proposedDate: '2026-03-12', reasons: 'The police officer in the case is unavailable until then.', riskMonitoring: 'Daily visits by the social worker.',
    });
    await expect(requestOutOfTimescale(db, contextOf(f.teamManager), id, { proposedDate: '2026-03-13', reasons: 'x', riskMonitoring: 'y' })).rejects.toBeInstanceOf(ConflictError);
    await expect(decideOutOfTimescale(db, contextOf(f.businessSupport), requestId, { decision: 'approved', note: 'ok' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await fieldErrors(bookConference(db, contextOf(f.businessSupport), id, late))).toHaveProperty('date');

    await decideOutOfTimescale(db, contextOf(f.serviceManager), requestId, { decision: 'approved', note: 'Authorised: visits continue daily.' });
    await expect(decideOutOfTimescale(db, contextOf(f.serviceManager), requestId, { decision: 'refused', note: 'no' })).rejects.toBeInstanceOf(ConflictError);
    const [decided] = await db.select().from(outOfTimescaleAuthorisations).where(eq(outOfTimescaleAuthorisations.id, requestId));
    expect(decided).toMatchObject({ decision: 'approved', decidedBy: f.serviceManager.id });

    const booked = await bookConference(db, contextOf(f.businessSupport), id, late);
    expect(booked.findings.map((x) => `${x.ruleId}/${x.severity}`)).toEqual(['TS30/warn']);
  });

  it('CV7: rearranging and cancelling need a reason and who was consulted, and keep every change in the history', async () => {
    const id = await f.conference();
    await bookConference(db, contextOf(f.businessSupport), id, { ...base(), date: '2026-03-05', time: '09:00' });
    const bare = await fieldErrors(rearrangeConference(db, contextOf(f.businessSupport), id, { ...base(), date: '2026-03-06', reason: ' ', consulted: '' }));
    expect(Object.keys(bare).sort()).toEqual(['consulted', 'reason']);
    await rearrangeConference(db, contextOf(f.businessSupport), id, {
      ...base(), date: '2026-03-06', time: '14:00', format: 'virtual', roomId: null, reason: 'The chair is ill.', consulted: 'Social worker and mother',
    });
    const [moved] = await db.select().from(conferences).where(eq(conferences.id, id));
    expect(moved).toMatchObject({ status: 'booked', format: 'virtual', roomId: null });
    expect(moved?.scheduledStart?.toISOString()).toBe('2026-03-06T14:00:00.000Z');

    expect(Object.keys(await fieldErrors(cancelConference(db, contextOf(f.businessSupport), id, { reason: '', consulted: '' }))).sort()).toEqual(['consulted', 'reason']);
    await db.update(users).set({ email: 'conferences@la.example' }).where(eq(users.id, f.businessSupport.id));
    await cancelConference(db, contextOf(f.businessSupport), id, { reason: 'The family moved away.', consulted: 'Team manager' });
    await expect(cancelConference(db, contextOf(f.businessSupport), id, { reason: 'again', consulted: 'x' })).rejects.toBeInstanceOf(ConflictError);
    const history = await db.select().from(conferenceStatusHistory).where(eq(conferenceStatusHistory.conferenceId, id)).orderBy(asc(conferenceStatusHistory.at), asc(conferenceStatusHistory.event));
    expect(history.map((h) => h.event).sort()).toEqual(['authorise', 'book', 'cancel', 'rearrange']);
    const rearranged = history.find((h) => h.event === 'rearrange');
    expect(rearranged).toMatchObject({ reason: 'The chair is ill.', consulted: 'Social worker and mother' });
    expect((rearranged?.details as { before: { start: string } }).before.start).toBe('2026-03-05T09:00:00.000Z');
  });

  it('CV7: after invitations went, a new date tells everyone invited and readies new invitations; a cancellation tells them too', async () => {
    const id = await f.conference();
    await bookConference(db, contextOf(f.businessSupport), id, { ...base(), date: '2026-03-05', time: '09:00' });
    await db.update(conferences).set({ status: 'invitations-sent' }).where(eq(conferences.id, id));
    await db.insert(invitations).values([
      { conferenceId: id, inviteeKind: 'parent', name: 'Demi Testington', role: 'Mother', channel: 'post', postalAddress: '1 Example Road, ZZ1 1AA', state: 'sent', response: 'attending-in-person' },
      { conferenceId: id, inviteeKind: 'professional', name: 'Hana Exampleton', role: 'Health visitor', channel: 'secure-email', email: 'hana@health.example', state: 'sent' },
      { conferenceId: id, inviteeKind: 'professional', name: 'Removed Person', role: 'Other', channel: 'secure-email', email: 'x@example.org', state: 'removed' },
    ]);
    await rearrangeConference(db, contextOf(f.businessSupport), id, { ...base(), date: '2026-03-06', time: '14:00', reason: 'The chair is ill.', consulted: 'Social worker' });
    const moved = await db.select().from(outboxMessages).where(and(eq(outboxMessages.conferenceId, id), eq(outboxMessages.relatedType, 'conference-rearranged')));
    expect(moved.map((m) => [m.toName, m.channel]).sort()).toEqual([['Demi Testington', 'post'], ['Hana Exampleton', 'email']]);
    expect(moved[0]!.bodyText).toContain('The chair is ill.');
    const again = await db.select().from(invitations).where(eq(invitations.conferenceId, id));
    expect(again.filter((i) => i.state === 'confirmed').map((i) => i.name).sort()).toEqual(['Demi Testington', 'Hana Exampleton']);
    expect(again.find((i) => i.name === 'Demi Testington')?.response).toBeNull();

    await db.update(conferences).set({ status: 'invitations-sent' }).where(eq(conferences.id, id));
    await db.update(invitations).set({ state: 'sent' }).where(and(eq(invitations.conferenceId, id), eq(invitations.state, 'confirmed')));
    await db.update(users).set({ email: 'conferences@la.example' }).where(eq(users.id, f.businessSupport.id));
    await cancelConference(db, contextOf(f.businessSupport), id, { reason: 'The family moved away.', consulted: 'Team manager' });
    const cancelled = await db.select().from(outboxMessages).where(and(eq(outboxMessages.conferenceId, id), eq(outboxMessages.relatedType, 'conference-cancelled')));
    expect(cancelled).toHaveLength(2);
    expect(cancelled.every((m) => m.subject === 'Child protection conference cancelled on Friday 6 March 2026 at 14:00')).toBe(true);
    expect(moved[0]!.subject).toBe('Child protection conference: new date, Friday 6 March 2026 at 14:00');
    for (const m of [...moved, ...cancelled]) expect(`${m.subject}\n${m.bodyText}`).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // The email cancellation takes the entry out of Hana's calendar: METHOD:CANCEL, her invitation's UID.
    const hana = again.find((i) => i.name === 'Hana Exampleton')!;
    const ics = Buffer.from(cancelled.find((m) => m.channel === 'email')!.attachments[0]!.content, 'base64').toString('utf8');
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain(`UID:${hana.id}@convene`);
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics.replace(/\r\n /g, '')).toContain('ORGANIZER;CN="');
    expect(cancelled.find((m) => m.channel === 'post')!.attachments).toEqual([]);
  });

  it('CV5: a looked-after child’s conference records the IRO and the agreed chairing arrangement', async () => {
    const id = await f.conference({}, { lookedAfter: true });
    const missing = await fieldErrors(bookConference(db, contextOf(f.businessSupport), id, { ...base(), date: '2026-03-10' }));
    expect(Object.keys(missing).sort()).toEqual(['iroId', 'lacChairArrangement']);
    await bookConference(db, contextOf(f.businessSupport), id, {
      ...base(), date: '2026-03-10', iroId: f.otherChair.id, lacChairArrangement: 'The CP chair chairs; the IRO attends.',
    });
    const [row] = await db.select().from(conferences).where(eq(conferences.id, id));
    expect(row).toMatchObject({ iroId: f.otherChair.id, lacChairArrangement: 'The CP chair chairs; the IRO attends.' });
  });
});

