import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEvents, conferences, conferenceStatusHistory, invitations, outboxMessages } from '../../db/schema/index.js';
import { pdfText } from '../../documents/pdf-text.js';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../../../test/support/database.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { addInvitee } from './add-invitee.js';
import { buildChecklist } from './build-checklist.js';
import { confirmAllSuggestions, confirmInvitation } from './confirm-invitations.js';
import { contextFor, createBookedConference, type InvitationFixture } from './invitation-fixture.test-support.js';
import { decideObserver, requestObserver } from './observers.js';
import { recordResponse } from './record-response.js';
import { removeInvitation } from './remove-invitation.js';
import { sendInvitations } from './send-invitations.js';

describeEachEngine('invitations: checklist, editing, sending and responses', (engine) => {
  let database: TestDatabase;
  const db = () => database.handle.db;
  beforeAll(async () => {
    database = await freshDatabase(engine);
  });
  afterAll(async () => database.drop());

  const listOf = (conferenceId: string) => db().select().from(invitations).where(eq(invitations.conferenceId, conferenceId));
  const byRole = async (f: InvitationFixture, role: string) => (await listOf(f.conferenceId)).find((i) => i.role === role)!;

  /** The checklist built, the GP given an email, everything confirmed. */
  async function readyToSend(f: InvitationFixture) {
    const ctx = contextFor(f.support);
    await buildChecklist(db(), ctx, f.conferenceId);
    for (const i of (await listOf(f.conferenceId)).filter((r) => r.channel === 'secure-email' && !r.email)) {
      await confirmInvitation(db(), ctx, f.conferenceId, i.id, { name: i.name, role: i.role, organisationName: i.organisationName, channel: 'secure-email', email: `inbox-${i.id.slice(0, 4)}@agency.example`, postalAddress: null }, i.version);
    }
    await confirmAllSuggestions(db(), ctx, f.conferenceId);
  }

  it('IN2: builds the checklist with a reason for each suggestion, named contacts from the directory, and is idempotent', async () => {
    const f = await createBookedConference(db());
    const ctx = contextFor(f.support);
    const first = await buildChecklist(db(), ctx, f.conferenceId);
    const rows = await listOf(f.conferenceId);
    expect(first.added).toBe(rows.length);
    const roles = rows.map((r) => r.role);
    expect(roles).toEqual(expect.arrayContaining(['Mother', 'Father', 'Child', 'Social worker', 'Team manager', 'Police', 'School nurse', 'School designated safeguarding lead', 'Housing officer', 'GP (Sampleton Surgery)', 'GP (Mockbury Practice)']));
    for (const r of rows) expect(r.suggestedBecause).toMatch(/\((IN1|IN2|UB2)\)$/);
    expect(rows.every((r) => r.state === 'suggested')).toBe(true);
    const police = rows.find((r) => r.role === 'Police')!;
    expect(police).toMatchObject({ name: 'PC Petra Placeholder', email: `petra-${f.tag}@police.example` });
    expect(police.suggestedBecause).toContain('took part in the enquiries');
    expect(rows.find((r) => r.role === 'Child')?.name).toBe('Tango Testington');
    expect(roles).not.toContain('Health visitor'); // Alpha is 6, Tango 13
    expect(rows.find((r) => r.role === 'School nurse')).toMatchObject({ name: 'School nurse (to be named)', email: `safeguarding-${f.tag}@health.example` });
    expect(rows.find((r) => r.role === 'Mother')).toMatchObject({ channel: 'post', postalAddress: '1 Example Row, Demoshire Town, ZZ1 1AA' });

    const again = await buildChecklist(db(), ctx, f.conferenceId);
    expect(again.added).toBe(0);
    expect(await listOf(f.conferenceId)).toHaveLength(rows.length);
    const withInjury = await buildChecklist(db(), ctx, f.conferenceId, { newInjury: true });
    expect(withInjury.added).toBe(1);
    expect((await byRole(f, 'Community paediatrician')).suggestedBecause).toContain('new physical injury');
    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'invitation-checklist-built'), eq(auditEvents.recordId, f.conferenceId)));
    expect(new Set(audits.map((a) => a.childId))).toEqual(new Set([f.alpha.id, f.tango.id]));
  });

  it('IN1: removing a parent needs a reason; once removed they are not suggested again', async () => {
    const f = await createBookedConference(db());
    const ctx = contextFor(f.support);
    await buildChecklist(db(), ctx, f.conferenceId);
    const father = await byRole(f, 'Father');
    await expect(removeInvitation(db(), ctx, f.conferenceId, father.id, '  ', father.version)).rejects.toBeInstanceOf(ValidationError);
    await removeInvitation(db(), ctx, f.conferenceId, father.id, 'Excluded by the chair: risk of violence at the meeting', father.version);
    expect(await byRole(f, 'Father')).toMatchObject({ state: 'removed', removalReason: 'Excluded by the chair: risk of violence at the meeting' });
    await buildChecklist(db(), ctx, f.conferenceId);
    expect((await listOf(f.conferenceId)).filter((i) => i.role === 'Father')).toHaveLength(1);
    const housing = await byRole(f, 'Housing officer');
    await removeInvitation(db(), ctx, f.conferenceId, housing.id, null, housing.version);
    await expect(removeInvitation(db(), ctx, f.conferenceId, housing.id, null, housing.version)).rejects.toBeInstanceOf(ConflictError);
    await expect(removeInvitation(db(), contextFor(f.socialWorker), f.conferenceId, housing.id, 'x', 2)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('IN3: will not send while an invitee has no address for their channel, naming them', async () => {
    const f = await createBookedConference(db());
    const ctx = contextFor(f.support);
    await buildChecklist(db(), ctx, f.conferenceId);
    await confirmAllSuggestions(db(), ctx, f.conferenceId);
    const error = await sendInvitations(db(), ctx, f.conferenceId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.message).join(' ')).toContain('Add a secure email address for GP');
    expect((await db().select().from(conferences).where(eq(conferences.id, f.conferenceId)))[0]?.status).toBe('booked');
  });

  it('IN3: sends in one go: letters naming every child and listing everyone, PDF and calendar by email, post recorded as posted, status moved, audited per child', async () => {
    const f = await createBookedConference(db());
    const ctx = contextFor(f.support);
    await readyToSend(f);
    const added = await addInvitee(db(), ctx, f.conferenceId, { inviteeKind: 'professional', name: 'Wendy Womensaid', role: 'Domestic abuse adviser', organisationName: 'Sample Refuge', channel: 'secure-email', email: 'wendy@refuge.example', postalAddress: null });
    const result = await sendInvitations(db(), ctx, f.conferenceId);
    const rows = await listOf(f.conferenceId);
    expect(result.sent).toBe(rows.length);
    expect(rows.every((r) => r.state === 'sent' && r.sentAt !== null)).toBe(true);
    expect(result.posted).toBe(1); // the mother, first class
    expect(result.byHand).toBe(2); // the father (no address known) and Tango, through the social worker

    const [conference] = await db().select().from(conferences).where(eq(conferences.id, f.conferenceId));
    expect(conference?.status).toBe('invitations-sent');
    const history = await db().select().from(conferenceStatusHistory).where(eq(conferenceStatusHistory.conferenceId, f.conferenceId));
    expect(history).toEqual([expect.objectContaining({ fromStatus: 'booked', toStatus: 'invitations-sent', event: 'send-invitations', by: f.support.id })]);

    const outbox = await db().select().from(outboxMessages).where(eq(outboxMessages.conferenceId, f.conferenceId));
    expect(outbox).toHaveLength(rows.length);
    expect(new Set(outbox.map((o) => o.relatedId))).toEqual(new Set(rows.map((r) => r.id)));
    const wendy = outbox.find((o) => o.relatedId === added)!;
    expect(wendy).toMatchObject({ channel: 'email', status: 'queued', toAddress: 'wendy@refuge.example', relatedType: 'invitation' });
    expect(wendy.attachments.map((a) => a.contentType.split(';')[0])).toEqual(['application/pdf', 'text/calendar']);
    const letter = pdfText(Buffer.from(wendy.attachments[0]!.content, 'base64'));
    expect(letter).toContain('Alpha Testington');
    expect(letter).toContain('Tango Testington');
    expect(letter).toContain('Chris Chairington');
    for (const r of rows) expect(letter).toContain(r.name);
    const ics = Buffer.from(wendy.attachments[1]!.content, 'base64').toString('utf8');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20260305T100000');
    expect(ics).not.toContain('Testington');

    const mother = outbox.find((o) => o.toName === 'Demi Testington')!;
    expect(mother).toMatchObject({ channel: 'post', status: 'posted', toAddress: '1 Example Row, Demoshire Town, ZZ1 1AA' });
    expect(pdfText(Buffer.from(mother.attachments[0]!.content, 'base64'))).toContain('guide for parents and carers');

    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'invitations-sent'), eq(auditEvents.recordId, f.conferenceId)));
    expect(audits.map((a) => a.childId).sort()).toEqual([f.alpha.id, f.tango.id].sort());

    await expect(sendInvitations(db(), ctx, f.conferenceId)).rejects.toThrow('Nobody is confirmed');
  });

  it('refuses to send for a conference that is not booked, with the transitions table’s words', async () => {
    const f = await createBookedConference(db());
    await db().update(conferences).set({ status: 'requested' }).where(eq(conferences.id, f.conferenceId));
    const error = await sendInvitations(db(), contextFor(f.support), f.conferenceId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toContain('has not been booked yet');
    await expect(buildChecklist(db(), contextFor(f.support), f.conferenceId)).rejects.toBeInstanceOf(ConflictError);
  });

  it('IN4: records responses; a colleague must be named; apologies without a report are chased', async () => {
    const f = await createBookedConference(db());
    const ctx = contextFor(f.support);
    await readyToSend(f);
    await sendInvitations(db(), ctx, f.conferenceId);
    const police = await byRole(f, 'Police');
    await expect(recordResponse(db(), ctx, f.conferenceId, police.id, { response: 'delegate', reportPromised: true }, police.version)).rejects.toBeInstanceOf(ValidationError);
    const none = await recordResponse(db(), ctx, f.conferenceId, police.id, { response: 'delegate', delegateName: 'DC Deputy', reportPromised: true }, police.version);
    expect(none).toEqual([]);
    expect(await byRole(f, 'Police')).toMatchObject({ response: 'delegate', delegateName: 'DC Deputy', reportPromised: true });
    const hv = await byRole(f, 'School nurse');
    const prompts = await recordResponse(db(), ctx, f.conferenceId, hv.id, { response: 'apologies', reportPromised: false }, hv.version);
    expect(prompts.join(' ')).toContain('written report');
    await expect(recordResponse(db(), ctx, f.conferenceId, hv.id, { response: 'attending-virtual', reportPromised: false }, hv.version)).rejects.toBeInstanceOf(ConflictError);
  });

  it('IN9/TS17: an observer asked for late is flagged; only the chair agrees, and with the family’s consent they are invited', async () => {
    const f = await createBookedConference(db()); // Hertfordshire: 3 working days before Thursday 5 March is Monday 2 March
    const ctx = contextFor(f.support);
    const late = await requestObserver(db(), contextFor(f.support, new Date('2026-03-03T09:00:00Z')), f.conferenceId, { name: 'Ola Observer', role: 'Student social worker', organisationName: null, email: 'ola@la.example', purpose: 'training', requestedOn: '2026-03-03' });
    expect(late.standing).toEqual({ status: 'awaiting-chair', late: true });
    const early = await requestObserver(db(), ctx, f.conferenceId, { name: 'Pat Placement', role: 'Student nurse', organisationName: null, email: 'pat@nhs.example', purpose: 'training', requestedOn: '2026-02-23' });
    expect(early.standing).toEqual({ status: 'awaiting-chair', late: false });
    await confirmAllSuggestions(db(), ctx, f.conferenceId);
    const row = (await listOf(f.conferenceId)).find((i) => i.id === early.id)!;
    expect(row.state).toBe('suggested'); // confirming the checklist in bulk never clears an observer
    await expect(decideObserver(db(), ctx, f.conferenceId, early.id, { chairAgrees: true, familyConsent: 'given' }, row.version)).rejects.toBeInstanceOf(ForbiddenError);
    const waiting = await decideObserver(db(), contextFor(f.chair), f.conferenceId, early.id, { chairAgrees: true, familyConsent: null }, row.version);
    expect(waiting.status).toBe('awaiting-family');
    const ok = await decideObserver(db(), contextFor(f.chair), f.conferenceId, early.id, { chairAgrees: true, familyConsent: 'given' }, row.version + 1);
    expect(ok.status).toBe('may-observe');
    expect((await listOf(f.conferenceId)).find((i) => i.id === early.id)).toMatchObject({ state: 'confirmed', chairAgreedBy: f.chair.id, familyConsent: 'given' });
    const lateRow = (await listOf(f.conferenceId)).find((i) => i.id === late.id)!;
    const refused = await decideObserver(db(), contextFor(f.chair), f.conferenceId, late.id, { chairAgrees: true, familyConsent: 'refused' }, lateRow.version);
    expect(refused.status).toBe('refused');
    expect((await listOf(f.conferenceId)).find((i) => i.id === late.id)).toMatchObject({ state: 'removed', removalReason: 'The family did not agree to an observer.' });
  });

  it('TS19: a Nottinghamshire review sent less than two weeks before is sent but marked late', async () => {
    const f = await createBookedConference(db(), { pack: 'nottinghamshire', kind: 'review' });
    await readyToSend(f);
    const result = await sendInvitations(db(), contextFor(f.support), f.conferenceId);
    expect(result.reviewDue).toMatchObject({ kind: 'date', date: '2026-02-19' });
    expect(result.late).toBe(true);
    const onTime = await createBookedConference(db(), { pack: 'nottinghamshire', kind: 'review', start: new Date('2026-03-20T10:00:00Z') });
    await readyToSend(onTime);
    expect((await sendInvitations(db(), contextFor(onTime.support), onTime.conferenceId)).late).toBe(false);
  });
});
