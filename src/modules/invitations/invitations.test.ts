import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents, conferences, conferenceStatusHistory, familyParticipation, invitations, letterBatches, outboxMessages, rooms } from '../../db/schema/index.js';
import { documentText } from '../../documents/document-model.js';
import { pdfText } from '../../documents/pdf-text.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { addInvitee } from './add-invitee.js';
import { buildChecklist } from './build-checklist.js';
import { confirmAllSuggestions, confirmInvitation } from './confirm-invitations.js';
import { conferenceWithInvitationsSent, contextFor, createBookedConference, NOW, readyToSend, type InvitationFixture } from './invitation-fixture.test-support.js';
import { loadInvitationState } from './invitation-state.js';
import { coordinatorOf, letterDocument, letterFacts } from './letters.js';
import { decideObserver, requestObserver } from './observers.js';
import { recordResponse } from './record-response.js';
import { removeInvitation } from './remove-invitation.js';
import { heldInvitations, lettersToPrint, printLetterBatch, recentBatches, reprintBatch } from './print-letters.js';
import { sendInvitations } from './send-invitations.js';

describeEachEngine('invitations: checklist, editing, sending and responses', (engine) => {
  const { db } = suiteDatabase(engine);

  const listOf = (conferenceId: string) => db().select().from(invitations).where(eq(invitations.conferenceId, conferenceId));
  const byRole = async (f: InvitationFixture, role: string) => (await listOf(f.conferenceId)).find((i) => i.role === role)!;

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

  it('IN3: one invitee without an address does not block the others: the rest go, the held one is listed with the fix and goes once fixed', async () => {
    const f = await createBookedConference(db());
    const ctx = contextFor(f.support);
    await buildChecklist(db(), ctx, f.conferenceId);
    await confirmAllSuggestions(db(), ctx, f.conferenceId);
    const before = await listOf(f.conferenceId);
    const noAddress = before.filter((i) => i.state === 'confirmed' && i.channel === 'secure-email' && !i.email);
    expect(noAddress.map((i) => i.role)).toEqual(expect.arrayContaining(['GP (Sampleton Surgery)']));
    const result = await sendInvitations(db(), ctx, f.conferenceId);
    expect(result.sent).toBe(before.filter((i) => i.state === 'confirmed').length - noAddress.length);
    expect(result.sent).toBeGreaterThan(0);
    expect(result.held.map((h) => h.invitationId).sort()).toEqual(noAddress.map((i) => i.id).sort());
    expect(result.held.find((h) => h.name.startsWith('GP'))?.message).toContain('Add a secure email address for GP');
    expect((await db().select().from(conferences).where(eq(conferences.id, f.conferenceId)))[0]?.status).toBe('invitations-sent');
    const after = await listOf(f.conferenceId);
    for (const i of noAddress) expect(after.find((r) => r.id === i.id)?.state).toBe('confirmed');

    // Business support sees what is waiting, with the link to fix it.
    const held = await heldInvitations(db(), ctx);
    const gp = held.find((h) => h.invitationId === noAddress[0]!.id)!;
    expect(gp.href).toBe(`/conferences/${f.conferenceId}/invitations/${gp.invitationId}`);
    await expect(heldInvitations(db(), contextFor(f.socialWorker))).rejects.toBeInstanceOf(ForbiddenError);
    // Another authority's business support sees none of it: the letters are as private as the children's records.
    const elsewhere = await createBookedConference(db());
    expect((await heldInvitations(db(), contextFor(elsewhere.support))).some((h) => h.conferenceId === f.conferenceId)).toBe(false);
    expect((await lettersToPrint(db(), contextFor(elsewhere.support))).some((l) => l.conferenceId === f.conferenceId)).toBe(false);

    // Fixed, the held invitations go on their own, and nobody is sent a second invitation.
    for (const i of noAddress) {
      const row = after.find((r) => r.id === i.id)!;
      await confirmInvitation(db(), ctx, f.conferenceId, i.id, { name: row.name, role: row.role, organisationName: row.organisationName, channel: 'secure-email', email: `gp-${i.id.slice(0, 4)}@nhs.example`, postalAddress: null }, row.version);
    }
    const second = await sendInvitations(db(), ctx, f.conferenceId);
    expect(second).toMatchObject({ sent: noAddress.length, held: [] });
    const outbox = await db().select().from(outboxMessages).where(and(eq(outboxMessages.conferenceId, f.conferenceId), eq(outboxMessages.relatedType, 'invitation')));
    expect(outbox).toHaveLength(result.sent + noAddress.length);
    expect(new Set(outbox.map((o) => o.relatedId)).size).toBe(outbox.length);
    expect((await heldInvitations(db(), ctx)).filter((h) => h.conferenceId === f.conferenceId)).toEqual([]);
  });

  it('IN3: nothing to send at all is refused, naming who lacks an address', async () => {
    const f = await createBookedConference(db());
    const ctx = contextFor(f.support);
    await buildChecklist(db(), ctx, f.conferenceId);
    const gp = await byRole(f, 'GP (Sampleton Surgery)');
    await confirmInvitation(db(), ctx, f.conferenceId, gp.id, { name: gp.name, role: gp.role, organisationName: gp.organisationName, channel: 'secure-email', email: null, postalAddress: null }, gp.version);
    const error = await sendInvitations(db(), ctx, f.conferenceId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.message).join(' ')).toContain('Add a secure email address for GP');
    expect((await db().select().from(conferences).where(eq(conferences.id, f.conferenceId)))[0]?.status).toBe('booked');
  });

  it('IN3: sends in one go: letters naming every child and listing everyone, PDF and calendar by email, posted letters printed as one batch, status moved, audited per child', async () => {
    const f = await createBookedConference(db());
    const ctx = contextFor(f.support);
    await readyToSend(db(), f);
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
    for (const r of rows) expect(letter).toContain(r.name.endsWith('(to be named)') ? `Not yet named\n${r.role}` : r.name);
    const ics = Buffer.from(wendy.attachments[1]!.content, 'base64').toString('utf8');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20260305T100000');
    expect(ics).not.toContain('Testington');

    const mother = outbox.find((o) => o.toName === 'Demi Testington')!;
    expect(mother).toMatchObject({ channel: 'post', status: 'to-print', toAddress: '1 Example Row, Demoshire Town, ZZ1 1AA' });
    const motherLetter = pdfText(Buffer.from(mother.attachments[0]!.content, 'base64')).replace(/\s+/g, ' ');
    expect(motherLetter).toContain('guide for parents and carers');
    expect(motherLetter).toContain('complaints, a guide for parents and carers');
    // Dated (the day it was sent), addressed, our reference, the social worker, the day to reply by
    // (Hertfordshire TS17: 3 working days before Thursday 5 March) and the day the report reaches them.
    expect(motherLetter).toMatch(/Date:? 23 February 2026/);
    expect(motherLetter).toContain(`CP-${f.conferenceId.slice(0, 8).toUpperCase()}`);
    expect(motherLetter).toContain('ZZ1 1AA');
    expect(motherLetter).toContain('Your social worker is Sam Sampleford');
    expect(motherLetter).toContain('Please tell us by Monday 2 March 2026');
    expect(motherLetter).toMatch(/show it to you by (\d\d:\d\d on )?\w+day \d+ (February|March) 2026/);
    expect(`${wendy.subject}\n${wendy.bodyText}`).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(wendy.subject).toContain('Thursday 5 March 2026 at 10:00');

    // Business support prints the posted letters as one batch: one PDF, the batch recorded, each letter posted in it.
    const waiting = await lettersToPrint(db(), ctx);
    expect(waiting.map((w) => w.messageId)).toContain(mother.id);
    const printed = await printLetterBatch(db(), ctx);
    expect(printed.count).toBe(waiting.length);
    expect(printed.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(printed.pdf)).toContain('Dear Demi Testington,');
    const [batch] = await db().select().from(letterBatches).where(eq(letterBatches.id, printed.batchId));
    expect(batch).toMatchObject({ printedBy: f.support.id, letterCount: waiting.length });
    expect(batch!.messageIds).toContain(mother.id);
    const [posted] = await db().select().from(outboxMessages).where(eq(outboxMessages.id, mother.id));
    expect(posted).toMatchObject({ status: 'posted', batchId: printed.batchId });
    expect(await lettersToPrint(db(), ctx)).toEqual([]);
    await expect(printLetterBatch(db(), ctx)).rejects.toBeInstanceOf(ConflictError);
    expect(pdfText(await reprintBatch(db(), ctx, printed.batchId))).toContain('Dear Demi Testington,');
    const elsewhere = await createBookedConference(db());
    await expect(reprintBatch(db(), contextFor(elsewhere.support), printed.batchId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await recentBatches(db(), contextFor(elsewhere.support))).toEqual([]);
    const printAudits = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'letters-printed'), eq(auditEvents.recordId, printed.batchId)));
    expect(printAudits.map((a) => a.childId)).toEqual(expect.arrayContaining([f.alpha.id, f.tango.id]));
    expect(printAudits.filter((a) => a.childId === f.alpha.id)).toHaveLength(1);
    await expect(printLetterBatch(db(), contextFor(f.chair))).rejects.toBeInstanceOf(ForbiddenError);

    const audits = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'invitations-sent'), eq(auditEvents.recordId, f.conferenceId)));
    expect(audits.map((a) => a.childId).sort()).toEqual([f.alpha.id, f.tango.id].sort());

    await expect(sendInvitations(db(), ctx, f.conferenceId)).rejects.toThrow('Nobody is confirmed');
  });

  it('IN3: a booked room brings its building’s address to the letter and the calendar entry; a family member’s calendar file is PUBLISH', async () => {
    const f = await createBookedConference(db());
    const ctx = contextFor(f.support);
    const [room] = await db().insert(rooms).values({ name: `Room ${f.tag}`, building: 'Sampleshire County Hall', street: '10 Example Street', town: 'Sampleton', postcode: 'ZZ9 9ZZ', capacity: 12 }).returning();
    await db().update(conferences).set({ venue: null, roomId: room!.id }).where(eq(conferences.id, f.conferenceId));
    await readyToSend(db(), f);
    const demi = await byRole(f, 'Mother');
    await confirmInvitation(db(), ctx, f.conferenceId, demi.id, { name: demi.name, role: demi.role, organisationName: null, channel: 'secure-email', email: 'demi@family.example', postalAddress: demi.postalAddress }, demi.version);
    await sendInvitations(db(), ctx, f.conferenceId);
    const [message] = await db().select().from(outboxMessages).where(and(eq(outboxMessages.conferenceId, f.conferenceId), eq(outboxMessages.relatedId, demi.id)));
    const letter = pdfText(Buffer.from(message!.attachments[0]!.content, 'base64')).replace(/\s+/g, ' ');
    expect(letter).toContain(`Room ${f.tag}, Sampleshire County Hall, 10 Example Street, Sampleton, ZZ9 9ZZ`);
    expect(letter).not.toMatch(/online/i);
    expect(letter).toContain('1 Example Row'); // her recorded address heads the letter though it went by email
    const ics = Buffer.from(message!.attachments[1]!.content, 'base64').toString('utf8').replace(/\r\n /g, '');
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).not.toContain('ATTENDEE');
    expect(ics).toContain('ZZ9 9ZZ');
    expect(message!.attachments[1]!.contentType).toContain('method=PUBLISH');
  });

  it('TS13/TS16 on the letter: the family sees the report 48 hours before (Newcastle), or 7 days before where a parent needs translation; no reply-by day where the pack gives none', async () => {
    const f = await createBookedConference(db(), { pack: 'newcastle' });
    const ctx = contextFor(f.support);
    await buildChecklist(db(), ctx, f.conferenceId);
    const usual = await letterFacts(db(), await loadInvitationState(db(), f.conferenceId), NOW);
    expect(usual).toMatchObject({ letterDate: '2026-02-23', familyReportBy: '2026-03-03T10:00', replyBy: null, socialWorker: { name: 'Sam Sampleford' } });
    const mother = await byRole(f, 'Mother');
    await db().insert(familyParticipation).values({ conferenceId: f.conferenceId, invitationId: mother.id, needsTranslation: true, firstLanguage: 'Polish', updatedAt: NOW });
    const state = await loadInvitationState(db(), f.conferenceId);
    const translated = await letterFacts(db(), state, NOW);
    expect(translated.familyReportBy).toBe('2026-02-26');
    const text = documentText(letterDocument(state, mother, await coordinatorOf(db(), f.support.id), translated));
    expect(text).toContain('show it to you by Thursday 26 February 2026');
    expect(text).toContain('Please tell us as soon as you can if you can come');
  });

  it('a new date re-sends the calendar entry with the same UID and a higher SEQUENCE, so it replaces the old one', async () => {
    const f = await conferenceWithInvitationsSent(db());
    const ctx = contextFor(f.support);
    const police = await byRole(f, 'Police');
    // What a rearrangement leaves (tell-invitees.ts): a new start, and the invitations confirmed again.
    await db().update(conferences).set({ scheduledStart: new Date('2026-03-06T14:00:00Z') }).where(eq(conferences.id, f.conferenceId));
    await db().update(invitations).set({ state: 'confirmed' }).where(eq(invitations.conferenceId, f.conferenceId));
    await sendInvitations(db(), ctx, f.conferenceId);
    const sent = await db().select().from(outboxMessages).where(and(eq(outboxMessages.relatedId, police.id), eq(outboxMessages.relatedType, 'invitation')));
    const files = sent.map((m) => Buffer.from(m.attachments.find((a) => a.contentType.startsWith('text/calendar'))!.content, 'base64').toString('utf8').replace(/\r\n /g, ''));
    expect(files).toHaveLength(2);
    const uid = (ics: string) => /UID:(.*)\r/.exec(ics)?.[1];
    expect(uid(files[0]!)).toBe(`${police.id}@convene`);
    expect(uid(files[1]!)).toBe(uid(files[0]!));
    expect(files.map((f) => /SEQUENCE:(\d+)/.exec(f)?.[1]).sort()).toEqual(['0', '1']);
    expect(files.find((f) => f.includes('SEQUENCE:1'))).toContain('DTSTART;TZID=Europe/London:20260306T140000');
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
    const f = await conferenceWithInvitationsSent(db());
    const ctx = contextFor(f.support);
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
    await readyToSend(db(), f);
    const result = await sendInvitations(db(), contextFor(f.support), f.conferenceId);
    expect(result.reviewDue).toMatchObject({ kind: 'date', date: '2026-02-19' });
    expect(result.late).toBe(true);
    const onTime = await createBookedConference(db(), { pack: 'nottinghamshire', kind: 'review', start: new Date('2026-03-20T10:00:00Z') });
    await readyToSend(db(), onTime);
    expect((await sendInvitations(db(), contextFor(onTime.support), onTime.conferenceId)).late).toBe(false);
  });
});
