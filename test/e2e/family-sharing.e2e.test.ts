import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conferenceInformationSharing, conferenceRecords, section47Enquiries, section47OutcomeShares } from '../../src/db/schema/index.js';
import { SECTION_47_OUTCOME_LABELS } from '../../src/domain/front-door/outcomes.js';
import { pdfText } from '../../src/documents/pdf-text.js';
import { heldConferenceWithPolice } from '../../src/modules/meeting/information-sharing-fixture.test-support.js';
import { recordSection47Outcome } from '../../src/modules/front-door/record-section-47-outcome.js';
import { createSharingFixture } from '../../src/modules/front-door/section-47-sharing-fixture.test-support.js';
import { createOrganisation } from '../support/factories.js';
import { asUser, errorFor, expectAccessible, expectRefused, fieldByName, JOURNEY_TIMEOUT, mainText, startJourney, submit, type Running, dateValue } from './support.js';

/**
 * Sharing with the family: the social worker sends the record of the section 47 outcome to the
 * parents and to the child (FD6), and the chair records what a conference the police attended
 * may share before approving its record (RC6).
 */
describe('sharing with the family', () => {
  let run: Running;
  beforeAll(async () => {
    run = await startJourney();
  }, JOURNEY_TIMEOUT);
  afterAll(async () => run?.close());

  it('FD6: a social worker shares the section 47 outcome with both parents and the child from My work, each in their format and language, and the item leaves the list', async () => {
    const db = run.database.db;
    const f = await createSharingFixture(db, (await createOrganisation(db)).id, run.clock());
    await recordSection47Outcome(db, f.sw(), f.enquiryId, { outcome: 'continuing-risk', reasons: 'Unexplained injuries.', icpcNotRequired: false });
    const [enquiry] = await db.select().from(section47Enquiries).where(eq(section47Enquiries.id, f.enquiryId));
    const overviewPath = `/section-47/${f.enquiryId}/sharing`;

    const sw = await asUser(run, f.worker.username);
    const item = sw.getByRole('link', { name: 'Share the section 47 outcome with the family: Alpha Testington' });
    expect(await item.count()).toBe(1);
    await item.click();
    expect(new URL(sw.url()).pathname).toBe(overviewPath);
    await expectAccessible(sw);
    let text = await mainText(sw);
    // Born 1 May 2014: twelve on the journey's day.
    expect(text).toContain('Alpha Testington is 12 years old');
    expect(text).toContain(`Outcome ${SECTION_47_OUTCOME_LABELS['continuing-risk']}`);
    expect(text).toMatch(/Visits recorded\s*1/);
    expect(text).toContain('Demi Testington (mother)');
    expect(text).toContain('Fred Testington (father)');
    expect(text).not.toContain('Ada Testington');

    // The way back leads to the enquiry, and the enquiry leads here again.
    await sw.getByRole('link', { name: 'Back to the enquiry' }).click();
    expect(new URL(sw.url()).pathname).toBe(`/section-47/${f.enquiryId}`);
    await expectAccessible(sw);
    await sw.getByRole('link', { name: 'Share the outcome with the family' }).click();
    expect(new URL(sw.url()).pathname).toBe(overviewPath);

    // The judgement about the child: refused without reasons, the answer kept, then saved.
    await fieldByName(sw, 'understands', 'yes').check();
    await expectRefused(sw, 'Save the judgement');
    expect(await errorFor(sw, 'reasons')).toContain('Give the reasons for your judgement');
    expect(await fieldByName(sw, 'understands', 'yes').isChecked()).toBe(true);
    await expectAccessible(sw);
    await sw.getByLabel('Your reasons').fill('Alpha is twelve, reads well and asked what happens next.');
    await submit(sw, 'Save the judgement');
    text = await mainText(sw);
    expect(text).toContain('Saved.');
    expect(text).toContain('Yes: Alpha is twelve, reads well and asked what happens next.');
    expect(text).toContain('Alpha Testington (the child)');
    await expectAccessible(sw);

    // The mother: the form suggests a translation into Polish with an interpreter, from her record.
    await sw.getByRole('link', { name: 'Record sharing with Demi Testington' }).click();
    expect(new URL(sw.url()).pathname).toBe(`${overviewPath}/${f.mother.id}`);
    await expectAccessible(sw);
    expect(await fieldByName(sw, 'format', 'translated').isChecked()).toBe(true);
    expect(await sw.getByLabel('In what language?').inputValue()).toBe('Polish');
    expect(await sw.getByLabel('An interpreter was used').isChecked()).toBe(true);
    expect(await dateValue(sw, 'Date shared')).toBe(run.today());
    // The family copy she is given names the child, her, and the visit recorded.
    const copy = await sw.request.get(`${run.baseUrl}${await sw.getByRole('link', { name: /Download the family copy for Demi Testington/ }).getAttribute('href')}`);
    expect(copy.status()).toBe(200);
    expect(copy.headers()['content-type']).toBe('application/pdf');
    const mothersCopy = pdfText(Buffer.from(await copy.body())).replace(/\s+/g, ' ');
    expect(mothersCopy).toContain('Dear Demi Testington');
    expect(mothersCopy).toContain('When Alpha Testington was seen');
    expect(mothersCopy).toContain('Polish');
    // "Another way" without saying how is refused with its field message; what was typed stays.
    await fieldByName(sw, 'method', 'other').check();
    await expectRefused(sw, 'Record that it was shared');
    expect(await errorFor(sw, 'methodDetail')).toContain('Say how the record was shared');
    expect(await fieldByName(sw, 'method', 'other').isChecked()).toBe(true);
    expect(await sw.getByLabel('In what language?').inputValue()).toBe('Polish');
    await expectAccessible(sw);
    await sw.getByLabel('If another way: how').fill('Read to her at home with a Polish interpreter');
    await submit(sw, 'Record that it was shared');
    expect(new URL(sw.url()).pathname).toBe(overviewPath);
    text = await mainText(sw);
    expect(text).toMatch(/Demi Testington \(mother\)\s*\d+ \w+ \d{4}: Another way \(say how\), translated into their language, in Polish with an interpreter/);

    // The father, by letter in English; his form's way back returns to the overview unchanged.
    await sw.getByRole('link', { name: 'Record sharing with Fred Testington' }).click();
    await expectAccessible(sw);
    await sw.getByRole('link', { name: 'Back', exact: true }).click();
    expect(new URL(sw.url()).pathname).toBe(overviewPath);
    await sw.getByRole('link', { name: 'Record sharing with Fred Testington' }).click();
    await fieldByName(sw, 'method', 'letter').check();
    await fieldByName(sw, 'format', 'standard').check();
    await submit(sw, 'Record that it was shared');

    // Alpha, who is old enough: in a form written for a child.
    await sw.getByRole('link', { name: 'Record sharing with Alpha Testington' }).click();
    await expectAccessible(sw);
    const childsCopy = pdfText(Buffer.from(await (await sw.request.get(`${run.baseUrl}${overviewPath}/${f.child.childId}/family-copy.pdf`)).body())).replace(/\s+/g, ' ');
    expect(childsCopy).toContain('When we saw you');
    await fieldByName(sw, 'method', 'in-person').check();
    await submit(sw, 'Record that it was shared');
    text = await mainText(sw);
    expect(text).not.toContain('Not yet shared');
    await expectAccessible(sw);

    const shares = await db.select().from(section47OutcomeShares).where(eq(section47OutcomeShares.enquiryId, f.enquiryId));
    expect(shares.map((s) => [s.personId, s.method, s.language, s.interpreter]).sort()).toEqual([
      [f.mother.id, 'other', 'Polish', true], [f.father.id, 'letter', 'English', false], [f.child.childId, 'in-person', expect.any(String), false],
    ].sort());
    expect(enquiry?.outcome).toBe('continuing-risk');

    // Everyone has it: the item has left My work.
    await sw.getByRole('link', { name: 'My work' }).click();
    await expectAccessible(sw);
    expect(await sw.locator(`a[href="${overviewPath}"]`).count()).toBe(0);
    expect(await mainText(sw)).toContain('Every section 47 outcome on your cases has reached the parents');
  }, JOURNEY_TIMEOUT);

  it('RC6: the chair cannot approve the record of a conference the police attended until the information-sharing decision is recorded; a refusal of consent needs reasons', async () => {
    const db = run.database.db;
    const f = await heldConferenceWithPolice(db);
    const recordPath = `/conferences/${f.conferenceId}/record`;
    const chair = await asUser(run, f.chair.username);
    // The chair's list: the record waits for approval.
    await chair.locator(`a[href="${recordPath}"]`).click();
    expect(new URL(chair.url()).pathname).toBe(recordPath);
    await expectAccessible(chair);
    expect(await chair.getByTestId('information-sharing').textContent()).toContain('Needed before approval');
    await expectRefused(chair, /^Approve version/);
    expect(await chair.locator('.govuk-error-summary').textContent()).toContain('The police took part: record what information will be shared');
    await expectAccessible(chair);

    await chair.getByRole('link', { name: 'Record the information-sharing decision' }).click();
    expect(new URL(chair.url()).pathname).toBe(`/conferences/${f.conferenceId}/information-sharing`);
    await expectAccessible(chair);
    expect(await mainText(chair)).toContain('the record cannot be approved until this decision is recorded');
    // The way back returns to the record, and nothing was saved on the way.
    await chair.getByRole('link', { name: 'Back to the record' }).click();
    expect(new URL(chair.url()).pathname).toBe(recordPath);
    await chair.getByRole('link', { name: 'Record the information-sharing decision' }).click();

    await chair.getByLabel('What will be shared with the police').fill('The decision and the outline plan.');
    await chair.getByLabel('What will be shared with the child and family').fill('That the police are investigating an allegation against a visitor.');
    await chair.getByLabel('What will not be shared, and why (optional)').fill('Who made the allegation: it could harm the investigation.');
    await fieldByName(chair, 'consent', 'refused').check();
    await chair.getByLabel('Whose consent was sought').fill('Demi Testington');
    await expectRefused(chair, 'Save the decision');
    expect(await errorFor(chair, 'shareAnyway')).toContain('Consent was refused: decide whether the information must be shared anyway to protect the child');
    expect(await errorFor(chair, 'shareAnywayReasons')).toContain('Give the reasons for sharing, or not sharing, without consent');
    expect(await chair.getByLabel('What will be shared with the child and family').inputValue()).toBe('That the police are investigating an allegation against a visitor.');
    expect(await chair.getByLabel('Whose consent was sought').inputValue()).toBe('Demi Testington');
    await expectAccessible(chair);
    await fieldByName(chair, 'shareAnyway', 'no').check();
    await chair.getByLabel('If consent was refused: reasons for sharing, or not sharing, without consent').fill('The plan keeps Alpha safe without it; sharing would alert the suspect.');
    await submit(chair, 'Save the decision');
    expect(new URL(chair.url()).pathname).toBe(recordPath);
    const text = await mainText(chair);
    expect(text).toContain('The information-sharing decision is saved.');
    expect(text).toContain('The decision on what is shared with the police and the family is recorded.');
    await expectAccessible(chair);
    const [decision] = await db.select().from(conferenceInformationSharing).where(eq(conferenceInformationSharing.conferenceId, f.conferenceId));
    expect(decision).toMatchObject({ consent: 'refused', consentFrom: 'Demi Testington', shareAnyway: false });

    // The decision can be read again and changed from the record.
    await chair.getByRole('link', { name: 'Change the decision' }).click();
    expect(await chair.getByLabel('What will be shared with the police').inputValue()).toBe('The decision and the outline plan.');
    expect(await fieldByName(chair, 'shareAnyway', 'no').isChecked()).toBe(true);
    await chair.getByRole('link', { name: 'Back to the record' }).click();

    await submit(chair, /^Approve version/);
    expect(await mainText(chair)).toContain('The record is approved and can be sent.');
    await expectAccessible(chair);
    const [record] = await db.select().from(conferenceRecords).where(eq(conferenceRecords.conferenceId, f.conferenceId));
    expect(record?.approvedVersion).toBe(record?.currentVersion);
  }, JOURNEY_TIMEOUT);
});
