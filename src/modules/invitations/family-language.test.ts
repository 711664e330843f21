import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { conferences, familyParticipation, invitations, outboxMessages, people } from '../../db/schema/index.js';
import { tellInvitees } from '../booking/tell-invitees.js';
import { pdfText } from '../../documents/pdf-text.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { familyLanguageNotices } from './family-languages.js';
import { CONFERENCE_START, conferenceWithInvitationsSent, contextFor, createBookedConference, readyToSend } from './invitation-fixture.test-support.js';
import { invitationEmailBody } from './letters.js';
import { sendInvitations } from './send-invitations.js';

/**
 * Issue 14, through the real action: a mother recorded as Polish-speaking with an interpreter gets
 * her invitation (the posted letter and its covering note) in Polish and then in English; a father
 * whose language has no translation file gets English with a line that an interpreter will go
 * through it, and the organiser is told on the invitation pages.
 */
describeEachEngine('invitations in the family’s language (issue 14)', (engine) => {
  const { db } = suiteDatabase(engine);
  const listOf = (conferenceId: string) => db().select().from(invitations).where(eq(invitations.conferenceId, conferenceId));

  it('sends the Polish-speaking mother her letter in Polish then English, and the father English with the interpreter line', async () => {
    const f = await createBookedConference(db());
    await db().update(people).set({ firstLanguage: 'Polish', interpreterNeeded: true }).where(eq(people.id, f.demi.id));
    await readyToSend(db(), f);
    const father = (await listOf(f.conferenceId)).find((i) => i.role === 'Father')!;
    // Recorded for this conference (IN7): the father's first language, with an interpreter.
    await db().insert(familyParticipation).values({ conferenceId: f.conferenceId, invitationId: father.id, firstLanguage: 'Tigrinya', interpreterNeeded: true, updatedBy: f.support.id, updatedAt: new Date('2026-02-20T09:00:00Z') });

    const notices = await familyLanguageNotices(db(), f.conferenceId, await listOf(f.conferenceId));
    expect(notices.map((n) => [n.name, n.translated])).toEqual(expect.arrayContaining([['Demi Testington', true], ['Fred Testington', false]]));
    expect(notices.find((n) => !n.translated)?.text).toContain('no translation of the family letters into Tigrinya');

    await sendInvitations(db(), contextFor(f.support), f.conferenceId);
    const outbox = await db().select().from(outboxMessages).where(eq(outboxMessages.conferenceId, f.conferenceId));

    const mother = outbox.find((o) => o.toName === 'Demi Testington')!;
    const pdf = Buffer.from(mother.attachments[0]!.content, 'base64');
    const letter = pdfText(pdf).replace(/\s+/g, ' ');
    // Polish first: the facts from the record, dates as Polish writes them, the interpreter offer in Polish.
    const polish = letter.slice(0, letter.indexOf('Dear Demi Testington,'));
    expect(polish).toContain('Zaproszenie na wstępną konferencję w sprawie ochrony dziecka');
    expect(polish).toContain('Szanowna Pani / Szanowny Panie (Demi Testington),');
    expect(polish).toContain('czwartek, 5 marca 2026, godz. 10:00'); // the conference, London time
    expect(polish).toContain('Termin odpowiedzi: poniedziałek, 2 marca 2026'); // TS17, as in the English
    expect(polish).toContain('Pana/Pani pracownikiem socjalnym jest Sam Sampleford');
    expect(polish).toContain('Tłumacz ustny');
    expect(polish).toContain(`CP-${f.conferenceId.slice(0, 8).toUpperCase()}`);
    expect(polish).not.toMatch(/Please tell us|Your social worker|Yours sincerely/);
    // Then the same letter in English.
    expect(letter.indexOf('Dear Demi Testington,')).toBeGreaterThan(0);
    expect(letter).toContain('Please tell us by Monday 2 March 2026');
    // Each part marked with its language (PDF/UA: the Polish section read in Polish).
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (pl-PL)');
    expect(raw).toContain('/Lang (en-GB)');
    // The covering note: Polish, then English.
    expect(mother.bodyText.indexOf('Zapraszamy na konferencję')).toBeGreaterThanOrEqual(0);
    expect(mother.bodyText.indexOf('Zapraszamy na konferencję')).toBeLessThan(mother.bodyText.indexOf('You are invited to a child protection conference'));
    expect(mother.bodyText).toContain('„Konferencje w sprawie ochrony dziecka: poradnik dla rodziców i opiekunów”');
    // The subject too: Polish first, then English, the date in words in each (issue 14).
    const ref = `CP-${f.conferenceId.slice(0, 8).toUpperCase()}`;
    expect(mother.subject).toBe(`Zaproszenie na konferencję w sprawie ochrony dziecka: czwartek, 5 marca 2026, godz. 10:00 (znak: ${ref}) / Invitation: child protection conference on Thursday 5 March 2026 at 10:00 (ref ${ref})`);

    const fred = outbox.find((o) => o.toName === 'Fred Testington')!;
    const fredLetter = pdfText(Buffer.from(fred.attachments[0]!.content, 'base64')).replace(/\s+/g, ' ');
    expect(fredLetter).toContain('we do not yet write our letters in Tigrinya. An interpreter will go through it with you in Tigrinya.');
    expect(fredLetter).not.toContain('Zaproszenie');
    expect(fred.bodyText).toContain('An interpreter will go through it with you in Tigrinya.');
    expect(fred.subject).toBe(`Invitation: child protection conference on Thursday 5 March 2026 at 10:00 (ref ${ref})`);

    // Professionals' letters stay in English.
    const police = outbox.find((o) => o.toName === 'PC Petra Placeholder')!;
    expect(pdfText(Buffer.from(police.attachments[0]!.content, 'base64'))).not.toContain('Zaproszenie');
    expect(police.bodyText).not.toContain('Zapraszamy');
    expect(police.subject).toBe(`Invitation: child protection conference on Thursday 5 March 2026 at 10:00 (ref ${ref})`);
  }, 120_000);

  it('gives the Polish-speaking mother her calendar entries in Polish then English, for the invitation and the cancellation', async () => {
    const f = await createBookedConference(db());
    await db().update(people).set({ firstLanguage: 'Polish', interpreterNeeded: true }).where(eq(people.id, f.demi.id));
    await db().update(conferences).set({ format: 'virtual', venue: null }).where(eq(conferences.id, f.conferenceId));
    await readyToSend(db(), f);
    // She asked for her letters by email (the fixture posts them), so her calendar file goes with it.
    await db().update(invitations).set({ channel: 'secure-email', email: 'demi.testington@example.org' }).where(and(eq(invitations.conferenceId, f.conferenceId), eq(invitations.name, 'Demi Testington')));
    await sendInvitations(db(), contextFor(f.support), f.conferenceId);
    const ref = `CP-${f.conferenceId.slice(0, 8).toUpperCase()}`;
    const calendarOf = async (name: string, type: string) => {
      const message = (await db().select().from(outboxMessages).where(eq(outboxMessages.conferenceId, f.conferenceId))).find((o) => o.toName === name && o.relatedType === type)!;
      const file = message.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
      return Buffer.from(file.content, 'base64').toString('utf8').replace(/\r\n /g, '').split('\r\n');
    };
    const mother = await calendarOf('Demi Testington', 'invitation');
    expect(mother).toContain(`SUMMARY:Konferencja w sprawie ochrony dziecka (znak: ${ref}) / Child protection conference (ref ${ref})`);
    expect(mother).toContain('LOCATION:Spotkanie online / Online');
    expect(mother).toContain('DESCRIPTION:Zaproszenie na konferencję w sprawie ochrony dziecka: czwartek\\, 5 marca 2026\\, godz. 10:00. List z zaproszeniem jest załączony do wiadomości e-mail. List jest poufny.\\n\\n'
      + 'Invitation to a child protection conference on Thursday 5 March 2026 at 10:00. The letter is attached to the email\\; it is confidential.');
    // A professional's entry stays in English.
    const police = await calendarOf('PC Petra Placeholder', 'invitation');
    expect(police).toContain(`SUMMARY:Child protection conference (ref ${ref})`);
    expect(police).toContain('LOCATION:Online');

    // The cancellation that takes it out of her calendar is in Polish first too.
    await tellInvitees(db(), f.conferenceId, { kind: 'cancelled', was: CONFERENCE_START, reason: 'The family moved away.' }, new Date('2026-02-27T09:00:00Z'), f.support.id);
    const cancelled = await calendarOf('Demi Testington', 'conference-cancelled');
    expect(cancelled).toContain('METHOD:CANCEL');
    expect(cancelled).toContain(`SUMMARY:Odwołana: konferencja w sprawie ochrony dziecka (znak: ${ref}) / Cancelled: child protection conference (ref ${ref})`);
    expect(cancelled).toContain('DESCRIPTION:Konferencja w sprawie ochrony dziecka (termin: czwartek\\, 5 marca 2026\\, godz. 10:00) została odwołana.\\n\\nThe child protection conference on Thursday 5 March 2026 at 10:00 is cancelled.');
    expect((await calendarOf('PC Petra Placeholder', 'conference-cancelled'))).toContain(`SUMMARY:Cancelled: child protection conference (ref ${ref})`);
    // And the email that carries it: subject and words in Polish, then the English; the reason as the organiser typed it.
    const notice = async (name: string) => (await db().select().from(outboxMessages).where(eq(outboxMessages.conferenceId, f.conferenceId))).find((o) => o.toName === name && o.relatedType === 'conference-cancelled')!;
    const hers = await notice('Demi Testington');
    expect(hers.subject).toBe('Odwołana konferencja w sprawie ochrony dziecka: czwartek, 5 marca 2026, godz. 10:00 / Child protection conference cancelled on Thursday 5 March 2026 at 10:00');
    expect(hers.bodyText).toBe('Szanowna Pani / Szanowny Panie (Demi Testington),\n\nKonferencja w sprawie ochrony dziecka (termin: czwartek, 5 marca 2026, godz. 10:00) została odwołana.\n'
      + 'Powód (zapisany po angielsku): The family moved away.\n\nNapiszemy ponownie, jeśli zostanie zorganizowana nowa konferencja.\n\nPoniżej ta sama wiadomość w języku angielskim.\n\n---\n\n'
      + 'Dear Demi Testington,\n\nThe child protection conference you were invited to on Thursday 5 March 2026 at 10:00 is cancelled.\nWhy: The family moved away.\n\nWe will write again if a new conference is arranged.');
    const theirs = await notice('PC Petra Placeholder');
    expect(theirs.subject).toBe('Child protection conference cancelled on Thursday 5 March 2026 at 10:00');
    expect(theirs.bodyText).not.toContain('Szanown');
  }, 120_000);

  it('tells the Polish-speaking mother of a new date in Polish, then English', async () => {
    const f = await conferenceWithInvitationsSent(db(), { mother: { firstLanguage: 'Polish', interpreterNeeded: true } });
    const moved = new Date(CONFERENCE_START.getTime() + 7 * 24 * 3600_000);
    await tellInvitees(db(), f.conferenceId, { kind: 'rearranged', was: CONFERENCE_START, now: moved, reason: 'The chair is ill.' }, new Date('2026-02-27T09:00:00Z'), f.support.id);
    const notices = (await db().select().from(outboxMessages).where(eq(outboxMessages.conferenceId, f.conferenceId))).filter((o) => o.relatedType === 'conference-rearranged');
    const hers = notices.find((o) => o.toName === 'Demi Testington')!;
    expect(hers.subject).toBe('Nowy termin konferencji w sprawie ochrony dziecka: czwartek, 12 marca 2026, godz. 10:00 / Child protection conference: new date, Thursday 12 March 2026 at 10:00');
    expect(hers.bodyText).toContain('Zmienił się termin konferencji w sprawie ochrony dziecka. Poprzedni termin: czwartek, 5 marca 2026, godz. 10:00. Nowy termin: czwartek, 12 marca 2026, godz. 10:00.\nPowód (zapisany po angielsku): The chair is ill.');
    expect(hers.bodyText).toContain('---\n\nDear Demi Testington,\n\nThe child protection conference you were invited to on Thursday 5 March 2026 at 10:00 has moved to Thursday 12 March 2026 at 10:00.');
    expect(notices.find((o) => o.toName === 'PC Petra Placeholder')!.subject).toBe('Child protection conference: new date, Thursday 12 March 2026 at 10:00');
  }, 120_000);

  it('writes in English to a family member whose first language is Polish but who needs no interpreter', async () => {
    const f = await conferenceWithInvitationsSent(db(), { mother: { firstLanguage: 'Polish', interpreterNeeded: false } });
    const mother = (await db().select().from(outboxMessages).where(eq(outboxMessages.conferenceId, f.conferenceId))).find((o) => o.toName === 'Demi Testington')!;
    const letter = pdfText(Buffer.from(mother.attachments[0]!.content, 'base64'));
    expect(letter).toContain('Dear Demi Testington,');
    expect(letter).not.toContain('Zaproszenie');
  });
});

describe('the covering note to a young person in Polish (issue 14)', () => {
  it('greets them as "ty" and a parent formally, with the English after', () => {
    const note = { name: 'Tango Testington', when: new Date('2026-03-05T10:00:00Z'), email: true, leaflets: [], replyBy: '2026-03-02', reference: 'CP-1A2B3C4D', reportLink: '', coordinator: { name: 'Mo Minuteman', email: 'mo@la.example', phone: null } };
    const polish = { kind: 'translated', code: 'pl', name: 'Polish' } as const;
    const young = invitationEmailBody({ ...note, young: true }, polish);
    expect(young.startsWith('Cześć, Tango Testington!')).toBe(true);
    expect(young).not.toContain('Szanowna');
    expect(young).toContain('Hello Tango Testington,');
    expect(invitationEmailBody(note, polish).startsWith('Szanowna Pani / Szanowny Panie (Tango Testington),')).toBe(true);
  });

  it('writes to a young person in their own plain words in English too, naming the leaflets and the day to reply by', () => {
    const note = { name: 'Tango Testington', when: new Date('2026-03-05T10:00:00Z'), email: true, leaflets: ['What is a conference? Young people and child protection conferences'], replyBy: '2026-03-02', reference: 'CP-1A2B3C4D', reportLink: '', coordinator: { name: 'Mo Minuteman', email: 'mo@la.example', phone: null } };
    expect(invitationEmailBody({ ...note, young: true })).toBe(
      'Hello Tango Testington,\n\nWe are having a meeting on Thursday 5 March 2026 at 10:00, and we would like you to come. '
      + 'Your letter is attached, with a calendar entry. It tells you about the meeting and how to have your say. It is private, so please keep it safe. '
      + 'We have also sent you a leaflet: “What is a conference? Young people and child protection conferences”.'
      + '\n\nPlease tell us by 2 March 2026 if you will come. Give us this number so we know it is you: CP-1A2B3C4D.\n\nMo Minuteman\nmo@la.example',
    );
    const polish = invitationEmailBody({ ...note, young: true }, { kind: 'translated', code: 'pl', name: 'Polish' });
    expect(polish).toContain('Zapraszamy Cię na spotkanie. Termin: czwartek, 5 marca 2026, godz. 10:00.');
    expect(polish).toContain('Daj nam znać do 2 marca 2026, czy możesz przyjść.');
    // A parent's note keeps the invitation's own words.
    expect(invitationEmailBody(note)).toContain('You are invited to a child protection conference on Thursday 5 March 2026 at 10:00.');
  });
});
