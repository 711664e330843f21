import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childProtectionPlans, conferenceChildren, conferences, meetingDecisions, meetingViews, meetings, outboxMessages } from '../../src/db/schema/index.js';
import { pdfText } from '../../src/documents/pdf-text.js';
import { TEST_PASSWORD } from '../support/factories.js';
import { attendanceByName, createMeetingFixture, meetingUnderWay, type MeetingFixture } from '../support/meeting-factory.js';
import { startTestSmtp, type TestSmtp } from '../../src/modules/outbox/test-smtp.test-support.js';
import { mkdir } from 'node:fs/promises';
import { expectAccessible, signIn, startJourney, type Running } from './support.js';

/** Where the journey leaves its pictures of the meeting's table forms, to look at on a laptop-sized screen. */
const SHOTS = process.env.MEETING_SHOTS ?? '/tmp/meeting-shots';

/**
 * The conference itself, driven through the screens a chair and a minute taker use. The
 * conference is set up as booked with invitations sent (rows, as the booking and invitation
 * journeys cover those screens) and dated today, since a meeting opens only on its day.
 */

async function asUser(browser: Browser, baseUrl: string, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, username, TEST_PASSWORD);
  return page;
}

/**
 * Presses a button and fails with the page's error summary if the form was refused. The meeting's
 * forms are sent by /public/offline-forms.js, which follows the server's redirect itself, so this
 * waits for that navigation, or for a refusal's page written in place of the form.
 */
async function submit(page: Page, button: string): Promise<void> {
  const navigated = page.waitForNavigation({ waitUntil: 'domcontentloaded', timeout: 20_000 }).catch(() => undefined);
  await page.getByRole('button', { name: button, exact: true }).click();
  await Promise.race([navigated, page.locator('.govuk-error-summary').waitFor({ state: 'attached', timeout: 20_000 }).catch(() => undefined)]);
  await page.waitForLoadState('domcontentloaded');
  const summary = page.locator('.govuk-error-summary');
  if (await summary.count()) throw new Error(`"${button}" was refused on ${page.url()}: ${await summary.textContent()}`);
}

async function todaysConference(run: Running, pack: string, options: { secondSubject?: boolean } = {}): Promise<MeetingFixture> {
  const f = await createMeetingFixture(run.database.db, { pack, secondSubject: options.secondSubject ?? false });
  await run.database.db.update(conferences).set({ scheduledStart: run.clock() }).where(eq(conferences.id, f.conferenceId));
  return f;
}

/** The register (issue 14): everyone named is marked present for every part on the one table, with one save. */
async function takeRegister(page: Page, conferenceId: string, present: { name: string; contactWith: string[] }[]): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/conferences/${conferenceId}/meeting/attendance`);
  for (const { name, contactWith } of present) {
    await page.getByLabel(`Attendance of ${name}`, { exact: true }).selectOption('present');
    const parts = page.getByRole('group', { name: `Parts ${name} attended` });
    for (const box of await parts.getByRole('checkbox').all()) await box.check();
    const contact = page.getByRole('group', { name: `Children ${name}’s agency has direct contact with` });
    for (const child of contactWith) await contact.getByLabel(child, { exact: true }).check();
  }
  await submit(page, 'Save attendance');
  expect(page.url()).toContain(`/conferences/${conferenceId}/meeting`);
}

/** A child's views grid (issue 14): each contributor's row filled in, one save. */
async function giveViews(page: Page, base: string, childId: string, views: { who: string; plan: boolean; category: string | null }[]): Promise<void> {
  await page.goto(`${base}/children/${childId}/views`);
  for (const { who, plan, category } of views) {
    await page.getByRole('group', { name: `Does ${who} think a plan is needed?` }).getByLabel(plan ? 'Plan' : 'No plan', { exact: true }).check();
    if (category) await page.getByRole('group', { name: `Category ${who} thinks applies, if a plan` }).getByLabel(category).check();
    await page.getByLabel(`${who}’s view and reasons`).fill(plan ? `${who} sees ongoing neglect` : `${who} sees no continuing risk`);
  }
  await submit(page, 'Save the views');
}

describe('the conference meeting', () => {
  let run: Running;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    run = await startJourney({ env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await run.close();
    await smtp.close();
  });

  it('a hertfordshire ICPC for two siblings: quorum, views, a plan for one and child in need for the other, decisions sheet, record and the father’s partial copy', async () => {
    const f = await todaysConference(run, 'hertfordshire', { secondSubject: true });
    const base = `/conferences/${f.conferenceId}/meeting`;
    const minuteTaker = await asUser(run.browser, run.baseUrl, f.minuteTaker.username);
    await minuteTaker.goto(`${run.baseUrl}${base}`);
    await expectAccessible(minuteTaker);
    await submit(minuteTaker, 'Open the meeting');
    await expectAccessible(minuteTaker);

    // Everyone but the police arrives: the screen warns that neither child's decision is quorate yet.
    await minuteTaker.goto(`${run.baseUrl}${base}/attendance`);
    await expectAccessible(minuteTaker);
    await takeRegister(minuteTaker, f.conferenceId, [
      ...['Sam Sampleford', 'Hana Exampleton', 'Pat Placeholder'].map((name) => ({ name, contactWith: ['Alpha Testington', 'Beta Testington'] })),
      ...['Demi Testington', 'Fred Testington'].map((name) => ({ name, contactWith: [] })),
    ]);
    const screen = await minuteTaker.locator('main').textContent();
    expect(screen).toContain('Not quorate');
    expect(screen).toMatch(/police/i);
    await expectAccessible(minuteTaker);

    // The police officer arrives late; the father is asked to leave while information is shared.
    await takeRegister(minuteTaker, f.conferenceId, [{ name: 'PC Petra Placeholder', contactWith: ['Alpha Testington', 'Beta Testington'] }]);
    expect(await minuteTaker.locator('main').textContent()).not.toContain('Not quorate');
    await minuteTaker.getByRole('link', { name: /Leaves.*Fred Testington/ }).click();
    await expectAccessible(minuteTaker);
    await minuteTaker.getByLabel('During which part').selectOption('information');
    await minuteTaker.getByLabel('Time').fill('10:15');
    await minuteTaker.getByLabel('This part only: they came back').check();
    await minuteTaker.locator('input[name="askedToLeave"][value="yes"]').check();
    await minuteTaker.getByLabel('Reason').fill('Sensitive health information about the mother');
    // EX3: the chair decides his record at once: only what he attended, on a recorded ground.
    await minuteTaker.locator('input[name="recordScope"][value="attended-part"]').check();
    await minuteTaker.locator('input[name="recordWithheldGround"][value="third-party"]').check();
    await submit(minuteTaker, 'Record leaving');

    // The chair sets out the opening checklist, hears the views and decides for each child.
    const chair = await asUser(run.browser, run.baseUrl, f.chair.username);
    await chair.goto(`${run.baseUrl}${base}`);
    for (const box of await chair.locator('input[name="ticked"]').all()) await box.check();
    await submit(chair, 'Save the checklist');
    await giveViews(minuteTaker, `${run.baseUrl}${base}`, f.alphaId, ['Sam Sampleford', 'Hana Exampleton'].map((who) => ({ who, plan: true, category: 'Neglect' })));
    await expectAccessible(minuteTaker);
    await giveViews(minuteTaker, `${run.baseUrl}${base}`, f.betaId, ['Sam Sampleford', 'Hana Exampleton'].map((who) => ({ who, plan: false, category: null })));
    expect(await run.database.db.select().from(meetingViews).where(eq(meetingViews.conferenceId, f.conferenceId))).toHaveLength(4);

    await chair.goto(`${run.baseUrl}${base}/children/${f.alphaId}/decision`);
    await expectAccessible(chair);
    await chair.getByLabel('Child protection plan', { exact: true }).check();
    await chair.locator('input[name="sufferedHarm"][value="yes"]').check();
    await chair.locator('textarea[name="sufferedHarmReasons"]').fill('Alpha has been left without food and supervision');
    await chair.locator('input[name="likelyHarm"][value="yes"]').check();
    await chair.locator('textarea[name="likelyHarmReasons"]').fill('Nothing has changed at home');
    await chair.getByLabel('Neglect').check();
    // Defaults come from the case (issue 14): the allocated social worker leads, not "Not yet allocated".
    expect(await chair.getByLabel('Lead social worker', { exact: true }).locator('option:checked').textContent()).toBe('Sam Sampleford');
    await expectAccessible(chair);
    const todayPlus = (days: number) => Temporal.PlainDate.from(run.today()).add({ days }).toString();
    await chair.getByLabel('First core group').fill(todayPlus(7));
    await chair.getByLabel('Review conference').fill(todayPlus(70));
    await chair.locator('textarea[name="coreGroup"]').fill('Demi Testington, mother\nHana Exampleton, health visitor\nPat Placeholder, class teacher');
    await chair.locator('textarea[name="reviewTriggers"]').fill('Any missed school day without explanation');
    await chair.locator('input[name="parentsView"][value="agree"]').check();
    await submit(chair, 'Record the decision');

    await chair.goto(`${run.baseUrl}${base}/children/${f.betaId}/decision`);
    await chair.getByLabel('No plan: a child in need plan is recommended').check();
    await chair.locator('input[name="sufferedHarm"][value="no"]').check();
    await chair.locator('textarea[name="sufferedHarmReasons"]').fill('Beta is older and is fed at school');
    await chair.locator('input[name="likelyHarm"][value="no"]').check();
    await chair.locator('textarea[name="likelyHarmReasons"]').fill('Beta can seek help and does');
    await chair.locator('textarea[name="childInNeedRecommendation"]').fill('Child in need plan with the school nurse');
    await chair.locator('input[name="parentsView"][value="agree"]').check();
    await submit(chair, 'Record the decision');

    await chair.goto(`${run.baseUrl}${base}/children/${f.alphaId}/plan`);
    await expectAccessible(chair);
    for (const field of ['riskStatement', 'aim', 'outcomes', 'shortTermObjectives', 'longTermObjectives', 'nonNegotiables', 'immediateActions', 'contingency', 'endConditions', 'explainedToChild', 'familyCopyArrangements']) {
      await chair.locator(`textarea[name="${field}"]`).fill(`Outline ${field} for Alpha`);
    }
    await chair.getByLabel('The social worker visits the child at least every (weeks)').fill('2');
    await chair.getByLabel('Language of the family’s written copy').fill('English');
    await chair.getByLabel('What').first().fill('Daily school attendance checked');
    await chair.getByLabel('Who').first().fill('Pat Placeholder');
    await chair.getByLabel('Job title (professionals)').first().fill('Class teacher');
    await chair.getByLabel('By when').first().fill('Weekly');
    await chair.getByLabel('Checked by').first().fill('Core group');
    await submit(chair, 'Save the outline plan');

    await chair.goto(`${run.baseUrl}${base}`);
    await submit(chair, 'End the meeting');
    await expectAccessible(chair);

    // The decisions sheet goes to everyone invited, through the outbox.
    await minuteTaker.goto(`${run.baseUrl}/conferences/${f.conferenceId}/decisions`);
    await expectAccessible(minuteTaker);
    const sheet = await minuteTaker.locator('main').textContent();
    expect(sheet).toContain('Child protection plan');
    expect(sheet).toContain('Neglect');
    expect(sheet).toContain('child in need');

    await submit(minuteTaker, 'Send to everyone invited');
    const sent = await run.database.db.select().from(outboxMessages).where(eq(outboxMessages.conferenceId, f.conferenceId));
    expect(sent.map((m) => m.toName)).toEqual(expect.arrayContaining(['Demi Testington', 'Fred Testington', 'PC Petra Placeholder']));
    // The sender delivers the emailed ones through SMTP; the father's goes by post.
    const emailed = sent.filter((m) => m.channel === 'email');
    const arrived = await smtp.waitFor(emailed.length, 30_000);
    const toMother = arrived.find((m) => m.to.some((to) => to.startsWith('demi-')));
    expect(toMother?.attachments.some((a) => a.contentType.includes('pdf'))).toBe(true);
    expect(sent.find((m) => m.toName === 'Fred Testington')?.channel).toBe('post');

    // The minute taker drafts the record; the chair approves it.
    await minuteTaker.goto(`${run.baseUrl}/conferences/${f.conferenceId}/record`);
    await expectAccessible(minuteTaker);
    await minuteTaker.locator('textarea[name="section_essential-facts"]').fill('Concerns of neglect raised by the school.');
    await minuteTaker.locator('textarea[name="section_information-discussion"]').fill('HEALTH-DETAIL-MARKER shared while the father was out.');
    await minuteTaker.locator('textarea[name="section_confidential-information"]').fill('CONFIDENTIAL-POLICE-MARKER');
    await submit(minuteTaker, 'Save as a new version');
    // RC6: the police attended, so the chair records what may be shared before approving.
    await chair.goto(`${run.baseUrl}/conferences/${f.conferenceId}/information-sharing`);
    await expectAccessible(chair);
    await chair.locator('textarea[name="withPolice"]').fill('The decision and the outline plan.');
    await chair.locator('textarea[name="withFamily"]').fill('Nothing beyond the record.');
    await chair.locator('input[name="consent"][value="not-needed"]').check();
    await submit(chair, 'Save the decision');
    await chair.goto(`${run.baseUrl}/conferences/${f.conferenceId}/record`);
    await chair.getByRole('button', { name: /^Approve version/ }).click();
    expect(await chair.locator('.govuk-error-summary').count()).toBe(0);
    await expectAccessible(chair);

    const copy = await minuteTaker.request.get(`${run.baseUrl}/conferences/${f.conferenceId}/record/copies/${f.invitationIds.father}.pdf`);
    expect(copy.status()).toBe(200);
    const fathersCopy = pdfText(Buffer.from(await copy.body())).replace(/\s+/g, ' ');
    // He missed the information sharing, so his copy leaves out what was said then (EX3, RC3).
    expect(fathersCopy).toContain('Views and decision for Alpha Testington');
    expect(fathersCopy).not.toContain('HEALTH-DETAIL-MARKER');
    expect(fathersCopy).not.toContain('CONFIDENTIAL-POLICE-MARKER');
    const mothers = pdfText(Buffer.from(await (await minuteTaker.request.get(`${run.baseUrl}/conferences/${f.conferenceId}/record/copies/${f.invitationIds.mother}.pdf`)).body())).replace(/\s+/g, ' ');
    expect(mothers).toContain('Concerns of neglect raised by the school.');
    expect(mothers).toContain('HEALTH-DETAIL-MARKER');
    expect(mothers).not.toContain('CONFIDENTIAL-POLICE-MARKER');
    expect((await attendanceByName(run.database.db, f.conferenceId)).get('Fred Testington')?.status).toBe('present');
  });

  it('pan-dorset: agency views tie 2–2 and the chair’s view decides; for the other child the chair overrules the majority to make a plan', async () => {
    const f = await todaysConference(run, 'pan-dorset', { secondSubject: true });
    await meetingUnderWay(run.database.db, f, { subjects: [f.alphaId, f.betaId], now: run.clock() });
    const base = `${run.baseUrl}/conferences/${f.conferenceId}/meeting`;
    const minuteTaker = await asUser(run.browser, run.baseUrl, f.minuteTaker.username);
    const views = (plans: boolean[]) => ['Sam Sampleford', 'Hana Exampleton', 'Pat Placeholder', 'PC Petra Placeholder'].map((who, i) => ({ who, plan: plans[i]!, category: plans[i] ? 'Physical abuse' : null }));
    await giveViews(minuteTaker, base, f.alphaId, views([true, true, false, false]));
    await giveViews(minuteTaker, base, f.betaId, views([true, false, false, false]));

    const chair = await asUser(run.browser, run.baseUrl, f.chair.username);
    const todayPlus = (days: number) => Temporal.PlainDate.from(run.today()).add({ days }).toString();
    async function planDecision(childId: string) {
      await chair.goto(`${base}/children/${childId}/decision`);
      await chair.getByLabel('Child protection plan', { exact: true }).check();
      await chair.locator('input[name="sufferedHarm"][value="yes"]').check();
      await chair.locator('textarea[name="sufferedHarmReasons"]').fill('Bruising consistent with being hit');
      await chair.locator('input[name="likelyHarm"][value="yes"]').check();
      await chair.locator('textarea[name="likelyHarmReasons"]').fill('The adult responsible remains in the home');
      await chair.getByLabel('Physical abuse').check();
      await chair.getByLabel('Lead social worker', { exact: true }).selectOption({ label: 'Sam Sampleford' });
      await chair.getByLabel('First core group').fill(todayPlus(7));
      await chair.getByLabel('Review conference').fill(todayPlus(70));
      await chair.locator('textarea[name="coreGroup"]').fill('Demi Testington, mother\nHana Exampleton, health visitor');
      await chair.locator('textarea[name="reviewTriggers"]').fill('A new injury');
      await chair.locator('input[name="parentsView"][value="disagree"]').check();
      await chair.getByLabel('The chair has explained the complaints route to the parents').check();
    }

    // A tie: the decision is refused until the chair gives the view that decides it.
    await planDecision(f.alphaId);
    await chair.getByRole('button', { name: 'Record the decision' }).click();
    expect(await chair.locator('.govuk-error-summary').textContent()).toContain('tied');
    await expectAccessible(chair);
    await chair.locator('input[name="chairView"][value="plan"]').check();
    await submit(chair, 'Record the decision');

    // A majority against a plan: the chair may make one only by overruling, with reasons.
    await planDecision(f.betaId);
    await chair.getByRole('button', { name: 'Record the decision' }).click();
    expect(await chair.locator('.govuk-error-summary').textContent()).toContain('overrule');
    await chair.getByLabel('The chair overrules the conference to make or keep a plan').check();
    await chair.locator('textarea[name="overruleReasons"]').fill('The school nurse’s report of injuries outweighs the views given');
    await submit(chair, 'Record the decision');
    await expectAccessible(chair);

    await chair.goto(base);
    const screen = await chair.locator('main').textContent();
    expect(screen).toContain('Child protection plan');
    const decisions = await run.database.db.select().from(meetingDecisions).where(eq(meetingDecisions.conferenceId, f.conferenceId));
    expect(new Map(decisions.map((d) => [d.childId, d.basis]))).toEqual(new Map([[f.alphaId, 'casting-vote'], [f.betaId, 'overrule']]));
  });

  it('a hertfordshire review ends a plan: everyone invited to the initial conference is told, by email through SMTP or by post (EN4, EN5)', async () => {
    const initial = await createMeetingFixture(run.database.db);
    const f = await todaysConference(run, 'hertfordshire');
    await run.database.db.update(conferences).set({ kind: 'review' }).where(eq(conferences.id, f.conferenceId));
    await run.database.db.update(conferenceChildren).set({ childType: 'review' }).where(eq(conferenceChildren.conferenceId, f.conferenceId));
    const [cc] = await run.database.db.select().from(conferenceChildren).where(eq(conferenceChildren.conferenceId, f.conferenceId));
    await run.database.db.insert(childProtectionPlans).values({ caseId: cc!.caseId, childId: f.alphaId, startDate: '2026-06-01', startConferenceId: initial.conferenceId, initialCategories: ['NEG'], latestCategories: ['NEG'] });
    await meetingUnderWay(run.database.db, f, { now: run.clock() });
    const base = `${run.baseUrl}/conferences/${f.conferenceId}/meeting`;
    const minuteTaker = await asUser(run.browser, run.baseUrl, f.minuteTaker.username);
    await giveViews(minuteTaker, base, f.alphaId, ['Sam Sampleford', 'Hana Exampleton', 'Pat Placeholder'].map((who) => ({ who, plan: false, category: null })));

    const chair = await asUser(run.browser, run.baseUrl, f.chair.username);
    await chair.goto(`${base}/children/${f.alphaId}/decision`);
    await chair.getByLabel('No plan: a child in need plan is recommended').check();
    await chair.locator('input[name="sufferedHarm"][value="yes"]').check();
    await chair.locator('textarea[name="sufferedHarmReasons"]').fill('Neglect before the plan');
    await chair.locator('input[name="likelyHarm"][value="no"]').check();
    await chair.locator('textarea[name="likelyHarmReasons"]').fill('Home conditions sustained for six months');
    await chair.locator('textarea[name="childInNeedRecommendation"]').fill('Child in need plan with family support');
    await chair.locator('input[name="parentsView"][value="agree"]').check();
    await submit(chair, 'Record the decision');
    await chair.goto(base);
    const before = smtp.received.length;
    await submit(chair, 'End the meeting');
    await expectAccessible(chair);

    const notices = await run.database.db.select().from(outboxMessages).where(eq(outboxMessages.relatedType, 'plan-ending'));
    const mine = notices.filter((n) => n.subject.includes('Alpha Testington') && n.createdAt.getTime() > run.clock().getTime() - 120_000);
    expect(mine.map((n) => n.toName)).toEqual(expect.arrayContaining(['Demi Testington', 'Fred Testington', 'PC Petra Placeholder', 'Hana Exampleton']));
    const emailed = mine.filter((n) => n.channel === 'email').length;
    const arrived = (await smtp.waitFor(before + emailed, 30_000)).slice(before);
    expect(arrived.some((m) => m.subject.startsWith('Child protection plan ended'))).toBe(true);
    const [plan] = await run.database.db.select().from(childProtectionPlans).where(eq(childProtectionPlans.childId, f.alphaId));
    expect(plan?.endReason).toBe('review-conference-decision');
  });
  it('the chair’s laptop loses its connection: the register is kept, said to be unsaved, and saved when it is back (issue 14)', async () => {
    const f = await todaysConference(run, 'hertfordshire', { secondSubject: true });
    await meetingUnderWay(run.database.db, f, { subjects: [f.alphaId, f.betaId], now: run.clock() });
    const context = await run.browser.newContext({ viewport: { width: 1366, height: 768 } });
    const chair = await context.newPage();
    await signIn(chair, run.baseUrl, f.chair.username, TEST_PASSWORD);
    const table = `${run.baseUrl}/conferences/${f.conferenceId}/meeting/attendance`;
    await chair.goto(table);
    await expectAccessible(chair);
    await mkdir(SHOTS, { recursive: true });
    await chair.screenshot({ path: `${SHOTS}/attendance-table.png`, fullPage: true });
    // The register fits a 1366-pixel laptop screen across: no sideways scrolling.
    expect(await chair.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1366);

    // The connection drops as the chair saves: nothing reaches the server, and the page says so.
    await context.setOffline(true);
    await chair.getByLabel('Attendance of Hal Housington', { exact: true }).selectOption('absent');
    await chair.getByLabel('Hal Housington attends on behalf of').fill('Typed while offline');
    await chair.getByRole('button', { name: 'Save attendance', exact: true }).click();
    await expect.poll(() => chair.locator('[data-offline-notice]').isVisible()).toBe(true);
    expect(await chair.locator('[data-offline-notice]').textContent()).toContain('Not saved yet — will retry when you are back online');
    await expectAccessible(chair);
    expect((await attendanceByName(run.database.db, f.conferenceId)).get('Hal Housington')?.status).toBe('apologies');

    // Back online: the kept form is sent again by itself, and the server's page follows.
    const navigated = chair.waitForURL(/\/meeting\?done=attendance/, { timeout: 20_000 });
    await context.setOffline(false);
    await navigated;
    expect((await attendanceByName(run.database.db, f.conferenceId)).get('Hal Housington')).toMatchObject({ status: 'absent', onBehalfOf: 'Typed while offline' });
    expect(await chair.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('convene-offline:'))")).toEqual([]);

    // Offline again, and the page closed before the connection came back: the next visit puts the
    // typing back, says so, and it saves.
    await chair.goto(`${run.baseUrl}/conferences/${f.conferenceId}/meeting/children/${f.alphaId}/views`);
    await expectAccessible(chair);
    await chair.screenshot({ path: `${SHOTS}/views-grid.png`, fullPage: true });
    await context.setOffline(true);
    await chair.getByRole('group', { name: 'Does Sam Sampleford think a plan is needed?' }).getByLabel('No plan', { exact: true }).check();
    await chair.getByLabel('Sam Sampleford’s view and reasons').fill('Kept through the outage');
    await chair.getByRole('button', { name: 'Save the views', exact: true }).click();
    await expect.poll(() => chair.locator('[data-offline-notice]').isVisible()).toBe(true);
    await chair.close();
    await context.setOffline(false);
    const again = await context.newPage();
    await again.goto(`${run.baseUrl}/conferences/${f.conferenceId}/meeting/children/${f.alphaId}/views`);
    await expect.poll(() => again.locator('[data-offline-notice]').isVisible()).toBe(true);
    expect(await again.locator('[data-offline-notice]').textContent()).toContain('put back below');
    expect(await again.getByLabel('Sam Sampleford’s view and reasons').inputValue()).toBe('Kept through the outage');
    await submit(again, 'Save the views');
    const [view] = await run.database.db.select().from(meetingViews).where(eq(meetingViews.conferenceId, f.conferenceId));
    expect(view).toMatchObject({ name: 'Sam Sampleford', planNeeded: false, reasons: 'Kept through the outage' });

    // The opening checklist on the screen itself is kept and resent the same way.
    await again.goto(`${run.baseUrl}/conferences/${f.conferenceId}/meeting`);
    // Every item is ticked by now: the chair takes one tick back while offline.
    const box = again.locator('input[name="ticked"]').first();
    const item = await box.getAttribute('value');
    await context.setOffline(true);
    await box.uncheck();
    await again.getByRole('button', { name: 'Save the checklist', exact: true }).click();
    await expect.poll(() => again.locator('[data-offline-notice]').isVisible()).toBe(true);
    await expectAccessible(again);
    const ticked = again.waitForURL(/\/meeting\?done=checklist/, { timeout: 20_000 });
    await context.setOffline(false);
    await ticked;
    const [kept] = await run.database.db.select({ checklist: meetings.checklist }).from(meetings).where(eq(meetings.conferenceId, f.conferenceId));
    expect(Object.keys(kept!.checklist)).not.toContain(item);
    await context.close();
  });
});
