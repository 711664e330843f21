import { and, eq, inArray } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, conferenceChildren, conferences, households, referrals, section47Enquiries } from '../../src/db/schema/index.js';
import { expectAccessible, JOURNEY_NOW, signIn, startJourney, type Running } from './support.js';

/** Fills a form by field name: radios and checkboxes by value, selects by value, the rest typed. */
async function fill(page: Page, fields: Record<string, string | string[]>): Promise<void> {
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      const byValue = page.locator(`input[type="radio"][name="${name}"][value="${v}"], input[type="checkbox"][name="${name}"][value="${v}"]`);
      if (await byValue.count()) {
        await byValue.check();
        continue;
      }
      // A date in GOV.UK's three boxes (day, month, year) is typed box by box.
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (iso && (await page.locator(`[name="${name}-day"]`).count())) {
        await page.locator(`[name="${name}-day"]`).fill(String(Number(iso[3])));
        await page.locator(`[name="${name}-month"]`).fill(String(Number(iso[2])));
        await page.locator(`[name="${name}-year"]`).fill(iso[1]!);
        continue;
      }
      const field = page.locator(`[name="${name}"]`).first();
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(v);
      else await field.fill(v);
    }
  }
}

async function press(page: Page, button: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForLoadState('domcontentloaded');
  const summary = page.locator('.govuk-error-summary');
  if (await summary.count()) throw new Error(`"${button}" was refused on ${page.url()}: ${await summary.textContent()}`);
}

// The journey runs on a weekday morning and at both ends of the eve of a bank holiday (Christmas
// Eve 2026: 25 and 28 December are bank holidays), so nothing in it leans on the hour it runs at.
describe.each([
  { when: 'on a weekday morning', now: JOURNEY_NOW },
  { when: 'at 00:30 London time on the eve of a bank holiday', now: '2026-12-24T00:30:00Z' },
  { when: 'at 23:30 London time on the eve of a bank holiday', now: '2026-12-24T23:30:00Z' },
])('the front door, in Chromium, $when', ({ now }) => {
  let run: Running;
  beforeAll(async () => {
    run = await startJourney({ now });
  });
  afterAll(async () => run?.close());

  it('a social worker takes a family of two from referral to a requested ICPC; a team manager authorises it and business support sees it to book', async () => {
    const db = run.database.db;
    const [household] = await db.select().from(households).where(eq(households.name, 'Testington household'));
    const childCases = await db.select().from(cases).where(eq(cases.householdId, household!.id));
    expect(childCases).toHaveLength(2);
    const today = run.today();

    const sw = await (await run.browser.newContext()).newPage();
    await signIn(sw, run.baseUrl, 'social-worker');
    await sw.goto(`${run.baseUrl}/households/${household!.id}/front-door`);
    await expectAccessible(sw);

    for (const c of childCases) {
      const [referral] = await db.select().from(referrals).where(eq(referrals.caseId, c.id));
      await sw.goto(`${run.baseUrl}/referrals/${referral!.id}/decision`);
      await expectAccessible(sw);
      await fill(sw, { decision: 'strategy-discussion', reasons: 'Bruising explained inconsistently', decidedDate: today, decidedTime: run.timeAgo(20) });
      await press(sw, 'Record the decision');
    }

    await sw.goto(`${run.baseUrl}/households/${household!.id}/strategy-discussions/new`);
    await expectAccessible(sw);
    await fill(sw, {
      heldDate: today, heldTime: run.timeAgo(10), caseIds: childCases.map((c) => c.id),
      participantAgency0: 'childrens-social-care', participantName0: 'Sam Worker', participantRole0: 'Social worker',
      participantAgency1: 'police', participantName1: 'DC Demo', participantRole1: 'Detective constable',
      participantAgency2: 'health', participantName2: 'Hana Health', participantRole2: 'Health visitor',
      informationShared: 'School and health records shared (synthetic).', decisions: 'Joint visit today.', basisForDecisions: 'Reasonable cause to suspect significant harm.',
      initiateSection47: 'yes', immediateSafetyActions: 'Safety plan with the mother.', sharedWithFamily: 'The purpose of the enquiry.', legalAction: 'None',
      physicalAbuseOrSeriousNeglect: 'no',
    });
    await press(sw, 'Record the strategy discussion');
    await expectAccessible(sw);
    await press(sw, 'Start section 47 enquiries');

    const enquiries = await db.select().from(section47Enquiries).where(inArray(section47Enquiries.caseId, childCases.map((c) => c.id)));
    expect(enquiries).toHaveLength(2);
    for (const enquiry of enquiries) {
      await sw.goto(`${run.baseUrl}/section-47/${enquiry.id}/outcome`);
      await expectAccessible(sw);
      await fill(sw, { outcome: 'continuing-risk', reasons: 'Injuries remain unexplained', icpcNotRequired: 'no' });
      await press(sw, 'Record the outcome');
    }

    await sw.goto(`${run.baseUrl}/households/${household!.id}/convene`);
    await expectAccessible(sw);
    const convene: Record<string, string> = { kind: 'initial', decisionDate: today };
    for (const c of childCases) Object.assign(convene, { [`role-${c.id}`]: 'subject', [`harm-${c.id}`]: 'Physical injury', [`harmFrom-${c.id}`]: 'The mother’s partner' });
    await fill(sw, convene);
    await press(sw, 'Record the decision to convene');
    expect(await sw.locator('main').textContent()).toContain('Waiting for a team manager to authorise');
    await expectAccessible(sw);

    const tm = await (await run.browser.newContext()).newPage();
    await signIn(tm, run.baseUrl, 'team-manager');
    await tm.getByRole('link', { name: 'To authorise' }).first().click();
    await expectAccessible(tm);
    expect(await tm.locator('main').textContent()).toContain('Testington');
    const [conference] = await db.select().from(conferences).where(and(eq(conferences.householdId, household!.id), eq(conferences.status, 'awaiting-authorisation')));
    await tm.goto(`${run.baseUrl}/conferences/${conference!.id}/authorise`);
    await press(tm, 'Authorise: send to business support to book');
    const [requested] = await db.select().from(conferences).where(eq(conferences.id, conference!.id));
    expect(requested).toMatchObject({ status: 'requested', kind: 'initial', dueRuleId: 'TS1', dueFromDate: today });
    const subjects = await db.select().from(conferenceChildren).where(eq(conferenceChildren.conferenceId, conference!.id));
    expect(subjects.filter((s) => s.role === 'subject')).toHaveLength(2);

    const bs = await (await run.browser.newContext()).newPage();
    await signIn(bs, run.baseUrl, 'business-support');
    expect(await bs.locator('main').textContent()).toContain('Alpha Testington');
    await expectAccessible(bs);
  });
});
