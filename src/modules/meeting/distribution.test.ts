import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { conferences, familyParticipation, invitations, meetingAttendance, meetingDistributions, outboxMessages } from '../../db/schema/index.js';
import { pdfText } from '../../documents/pdf-text.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { COMPLETE_OUTLINE, attendanceByName, contextFor, createMeetingFixture, meetingUnderWay, planDecision, type MeetingFixture } from '../../../test/support/meeting-factory.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { expectText } from '../../../test/support/page-expectations.js';
import { ConflictError } from '../shared/errors.js';
import { saveInformationSharing } from './information-sharing.js';
import { SHARING_DECIDED } from './information-sharing-fixture.test-support.js';
import { approveRecord } from './approve-record.js';
import { concludeMeeting } from './conclude-meeting.js';
import { distributeDecisions } from './distribute-decisions.js';
import { distributeRecord } from './distribute-record.js';
import { loadRecord } from './record-state.js';
import { recordDecision } from './record-decision.js';
import { recordLeaving } from './record-leaving.js';
import { saveOutlinePlan } from './save-outline-plan.js';
import { saveRecordDraft } from './save-record-draft.js';
import { saveView } from './save-view.js';

const RISK_TEXT = 'Quarrelsome argument about the lodger weighed heavily';
const CONFIDENTIAL_TEXT = 'Police intelligence names Zed Unknownson';

describeEachEngine('decisions and the record reach everyone invited', (engine) => {
  const { db } = suiteDatabase(engine);

  /** A held Hertfordshire initial where the father was asked to leave for the analysis of risk. */
  async function heldConference(): Promise<MeetingFixture> {
    const f = await createMeetingFixture(db(), { pack: 'hertfordshire' });
    const { chair, minuteTaker } = await meetingUnderWay(db(), f);
    const people = await attendanceByName(db(), f.conferenceId);
    for (const name of ['Sam Sampleford', 'Hana Exampleton', 'PC Petra Placeholder']) {
      await saveView(db(), minuteTaker, f.conferenceId, f.alphaId, null, { attendanceId: people.get(name)!.id, planNeeded: true, categories: ['PHY'], reasons: 'Risk remains' }, null);
    }
    const father = people.get('Fred Testington')!;
    await recordLeaving(db(), chair, f.conferenceId, father.id, {
      part: 'analysis', at: new Date('2026-03-02T10:40:00Z'), forRest: false, askedToLeave: true, reason: 'Threatening behaviour towards the mother', recordScope: 'attended-part', recordWithheldGround: 'safety', version: father.version,
    });
    await recordDecision(db(), chair, f.conferenceId, f.alphaId, planDecision(f), null);
    await saveOutlinePlan(db(), minuteTaker, f.conferenceId, f.alphaId, COMPLETE_OUTLINE, null);
    await concludeMeeting(db(), chair, f.conferenceId, { version: 2 });
    return f;
  }

  it('sends the decisions sheet through the outbox to every invitee, the family included, and logs each copy (TS10)', async () => {
    const f = await heldConference();
    const summary = await distributeDecisions(db(), contextFor(f.minuteTaker), f.conferenceId);
    const invited = await db().select().from(invitations).where(eq(invitations.conferenceId, f.conferenceId));
    expect(summary).toEqual({ version: 1, queued: invited.length, notSent: [] });
    const messages = (await db().select().from(outboxMessages).where(eq(outboxMessages.conferenceId, f.conferenceId))).filter((m) => m.relatedType === 'decisions');
    expect(messages.map((m) => m.toName).sort()).toEqual(invited.map((i) => i.name).sort());
    expect(messages.find((m) => m.toName === 'Fred Testington')?.channel).toBe('post');
    const motherPdf = Buffer.from(messages.find((m) => m.toName === 'Demi Testington')!.attachments[0]!.content, 'base64');
    const text = pdfText(motherPdf);
    expectText(text, {
      // Issue 14: the authority's name heads it, never the procedures' internal name; subjects carry readable dates.
      shows: ['Child protection plan', 'Physical abuse', 'FAMILY COPY', 'Sampleshire Council', 'What happens next'],
    });
    expect(text).not.toMatch(/(National|Hertfordshire|Nottinghamshire|Newcastle|Pan-Dorset)[^\n]*: \d/);
    for (const m of messages) {
      expect(m.subject).toMatch(/^Decisions of the child protection conference held on \w+day \d{1,2} \w+ \d{4}$/);
      expect(`${m.subject}\n${m.bodyText}`).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
    const log = await db().select().from(meetingDistributions).where(eq(meetingDistributions.conferenceId, f.conferenceId));
    expect(log.filter((l) => l.document === 'decisions')).toHaveLength(invited.length);
    expect(log.every((l) => l.documentVersion === 1 && l.outboxMessageId !== null)).toBe(true);
    expect((await distributeDecisions(db(), contextFor(f.chair), f.conferenceId)).version).toBe(2);
  });

  it('refuses to distribute the record before the chair approves it (RC1, RC3)', async () => {
    const f = await heldConference();
    const minuteTaker = contextFor(f.minuteTaker);
    const record = await loadRecord(db(), f.conferenceId);
    await saveRecordDraft(db(), minuteTaker, f.conferenceId, { sections: { 'essential-facts': 'Facts', 'information-discussion': 'Discussion' }, version: record.version });
    await expect(distributeRecord(db(), minuteTaker, f.conferenceId, { version: record.version + 1 })).rejects.toThrow(ConflictError);
    await expect(distributeRecord(db(), minuteTaker, f.conferenceId, { version: record.version + 1 })).rejects.toThrow('The chair must approve the record before it can be distributed.');
    await expect(approveRecord(db(), minuteTaker, f.conferenceId, { version: record.version + 1 })).rejects.toThrow('Only the chair');
    expect(await db().select().from(outboxMessages).where(eq(outboxMessages.relatedType, 'record'))).toEqual([]);
  });

  it('EX3: refuses to send the record while an excluded parent would get only the attended part with no recorded ground', async () => {
    const f = await heldConference();
    const minuteTaker = contextFor(f.minuteTaker);
    const chair = contextFor(f.chair);
    let record = await loadRecord(db(), f.conferenceId);
    await saveRecordDraft(db(), minuteTaker, f.conferenceId, { sections: { 'essential-facts': 'Facts', 'information-discussion': 'Discussion', 'risk-analysis': RISK_TEXT }, version: record.version });
    record = await loadRecord(db(), f.conferenceId);
    await saveInformationSharing(db(), chair, f.conferenceId, { ...SHARING_DECIDED, version: 0 });
    await approveRecord(db(), chair, f.conferenceId, { version: record.version });
    const father = (await attendanceByName(db(), f.conferenceId)).get('Fred Testington')!;
    await db().update(meetingAttendance).set({ recordWithheldGround: null }).where(eq(meetingAttendance.id, father.id));
    record = await loadRecord(db(), f.conferenceId);
    await expect(distributeRecord(db(), minuteTaker, f.conferenceId, { version: record.version })).rejects.toThrow('The chair must decide what record Fred Testington gets');
    expect(await db().select().from(outboxMessages).where(eq(outboxMessages.relatedType, 'record'))).toEqual([]);
    await db().update(meetingAttendance).set({ recordScope: 'whole' }).where(eq(meetingAttendance.id, father.id));
    expect((await distributeRecord(db(), minuteTaker, f.conferenceId, { version: record.version })).queued).toBe(7);
  });

  it("the excluded father's copy lacks the part he missed; family copies lack the confidential section (EX3, RC3, RP4)", async () => {
    const f = await heldConference();
    const minuteTaker = contextFor(f.minuteTaker);
    const chair = contextFor(f.chair);
    let record = await loadRecord(db(), f.conferenceId);
    await expect(approveRecord(db(), chair, f.conferenceId, { version: record.version })).rejects.toThrow('Write the');
    await saveRecordDraft(db(), minuteTaker, f.conferenceId, {
      sections: { 'essential-facts': 'Alpha was seen with bruising', 'information-discussion': 'Everyone contributed', 'confidential-information': CONFIDENTIAL_TEXT, 'risk-analysis': RISK_TEXT },
      version: record.version,
    });
    record = await loadRecord(db(), f.conferenceId);
    // RC6: the police attended, so what may reach the family is decided before the record is final.
    await expect(approveRecord(db(), chair, f.conferenceId, { version: record.version })).rejects.toMatchObject({ errors: [{ field: 'informationSharing' }] });
    await saveInformationSharing(db(), chair, f.conferenceId, { ...SHARING_DECIDED, version: 0 });
    expect(await approveRecord(db(), chair, f.conferenceId, { version: record.version })).toBe(1);
    record = await loadRecord(db(), f.conferenceId);
    const summary = await distributeRecord(db(), minuteTaker, f.conferenceId, { version: record.version });
    expect(summary.queued).toBe(7);

    const messages = (await db().select().from(outboxMessages).where(eq(outboxMessages.conferenceId, f.conferenceId))).filter((m) => m.relatedType === 'record');
    for (const m of messages) expect(m.subject).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const copyOf = (name: string) => pdfText(Buffer.from(messages.find((m) => m.toName === name)!.attachments[0]!.content, 'base64'));
    const father = copyOf('Fred Testington');
    const mother = copyOf('Demi Testington');
    const police = copyOf('PC Petra Placeholder');
    expect(father).toContain('Alpha was seen with bruising');
    expect(father).not.toContain('Quarrelsome argument');
    expect(father).not.toContain('Zed Unknownson');
    expect(mother).toContain('Quarrelsome argument');
    expect(mother).not.toContain('Zed Unknownson');
    expect(police).toContain('Zed Unknownson');
    expect(police).toContain('This record is confidential');
    // The chair recorded that the parents agree: the family copy says so, and nothing contrary (DC7).
    expect(mother.replace(/\s+/g, ' ')).toContain('The parents agreed with the decision.');
    expect(mother).not.toContain('disagreed');

    const log = (await db().select().from(meetingDistributions).where(eq(meetingDistributions.conferenceId, f.conferenceId))).filter((l) => l.document === 'record');
    expect(log).toHaveLength(7);
    expect(log.find((l) => l.recipientName === 'Fred Testington')?.redactedParts.sort()).toEqual(['analysis', 'confidential-information']);
    expect(log.find((l) => l.recipientName === 'PC Petra Placeholder')?.redactedParts).toEqual([]);
    expect(log.every((l) => l.documentVersion === 1)).toBe(true);
    expect((await loadRecord(db(), f.conferenceId)).status).toBe('distributed');
  });

  // Last: the tests above look for any record copy in the outbox.
  it('gives a Polish-speaking mother with an interpreter the decisions and record subjects in Polish, then English (issue 14)', async () => {
    const f = await heldConference();
    await db().insert(familyParticipation).values({ conferenceId: f.conferenceId, invitationId: f.invitationIds.mother, firstLanguage: 'Polish', interpreterNeeded: true, updatedBy: f.chair.id, updatedAt: new Date('2026-03-02T09:00:00Z') });
    await distributeDecisions(db(), contextFor(f.minuteTaker), f.conferenceId);
    const chair = contextFor(f.chair);
    await saveRecordDraft(db(), contextFor(f.minuteTaker), f.conferenceId, {
      sections: { 'essential-facts': 'Alpha was seen with bruising', 'information-discussion': 'Everyone contributed', 'confidential-information': CONFIDENTIAL_TEXT, 'risk-analysis': RISK_TEXT },
      version: (await loadRecord(db(), f.conferenceId)).version,
    });
    await saveInformationSharing(db(), chair, f.conferenceId, { ...SHARING_DECIDED, version: 0 });
    await approveRecord(db(), chair, f.conferenceId, { version: (await loadRecord(db(), f.conferenceId)).version });
    await distributeRecord(db(), contextFor(f.minuteTaker), f.conferenceId, { version: (await loadRecord(db(), f.conferenceId)).version });

    const messages = await db().select().from(outboxMessages).where(eq(outboxMessages.conferenceId, f.conferenceId));
    const subject = (type: string, name: string) => messages.find((m) => m.relatedType === type && m.toName === name)!.subject;
    const [held] = await db().select({ start: conferences.scheduledStart }).from(conferences).where(eq(conferences.id, f.conferenceId));
    const day = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(held!.start!).replace(',', '');
    const dzien = new Intl.DateTimeFormat('pl-PL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(held!.start!);
    expect(subject('decisions', 'Demi Testington')).toBe(`Decyzje konferencji w sprawie ochrony dziecka (${dzien}) / Decisions of the child protection conference held on ${day}`);
    expect(subject('record', 'Demi Testington')).toBe(`Protokół konferencji w sprawie ochrony dziecka (${dzien}) / Record of the child protection conference held on ${day}`);
    // Her record's covering note is in Polish first, then the English below it; the record itself stays the professionals' English.
    const body = (type: string, name: string) => messages.find((m) => m.relatedType === type && m.toName === name)!.bodyText;
    expect(body('record', 'Demi Testington')).toMatch(/^Szanowna Pani \/ Szanowny Panie \(Demi Testington\),\n\nW załączniku przesyłamy protokół konferencji \(wersja \d+\)\.\n\nTen dokument jest poufny\./);
    expect(body('record', 'Demi Testington')).toContain('Poniżej ta sama wiadomość w języku angielskim.\n\n---\n\nDear Demi Testington,\n\nThe record of the conference is attached');
    // Everyone else reads English only: the father has no language recorded, the police are professionals.
    for (const name of ['Fred Testington', 'PC Petra Placeholder']) {
      expect(subject('decisions', name)).toBe(`Decisions of the child protection conference held on ${day}`);
      expect(subject('record', name)).toBe(`Record of the child protection conference held on ${day}`);
      expect(body('record', name)).toMatch(new RegExp(`^Dear ${name},\n\nThe record of the conference is attached`));
      expect(body('record', name)).not.toContain('Szanown');
    }
    // Her copy of the record opens with the decisions in Polish, then her English copy, whole (issue 14).
    const copy = (name: string) => pdfText(Buffer.from(messages.find((m) => m.relatedType === 'record' && m.toName === name)!.attachments[0]!.content, 'base64')).replace(/\s+/g, ' ');
    const hers = copy('Demi Testington');
    expect(hers.startsWith('Protokół konferencji w sprawie ochrony dziecka')).toBe(true);
    expect(hers).toContain('Tłumacz może omówić z Panem/Panią cały protokół.');
    expect(hers.indexOf('Decyzja')).toBeLessThan(hers.indexOf('Minutes of the child protection conference'));
    expect(hers).toContain('Alpha was seen with bruising');
    expect(hers).not.toContain('Zed Unknownson');
    expect(copy('Fred Testington')).not.toContain('Protokół');
  }, 120_000);
});
