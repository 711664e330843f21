import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { referrals } from '../../../db/schema/index.js';
import { contextFor, createFamily, referralInput } from '../../../../test/support/front-door-fixtures.js';
import { recordReferral } from '../../../modules/front-door/record-referral.js';
import { TestClock } from '../../../../test/support/app.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { describeEachEngine, type TestDatabase } from '../../../../test/support/database.js';
import { createOrganisation, createUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { WebClient } from '../../../../test/support/web-client.js';

const NOW = new Date('2026-03-09T12:00:00Z');

/** The three boxes of a date input as rendered: each box's value and whether it is marked in error. */
function boxes(html: string, name: string) {
  return Object.fromEntries((['day', 'month', 'year'] as const).map((part) => {
    const input = new RegExp(`<input[^>]*id="${name}-${part}"[^>]*>`).exec(html)?.[0] ?? '';
    return [part, { value: /value="([^"]*)"/.exec(input)?.[1] ?? '', error: input.includes('govuk-input--error') }];
  }));
}

// Issue 14: dates as GOV.UK date inputs, refused in the pattern's words, with every box kept.
describeEachEngine('GOV.UK date inputs on a page: the referral decision', (engine) => {
  const suite = signedInApp(engine, { clock: new TestClock(NOW) });
  const { app } = suite;
  let db: TestDatabase['handle']['db'];
  let worker: Awaited<ReturnType<typeof createUser>>;
  let referralId: string;
  let client: WebClient;

  beforeAll(async () => {
    db = suite.db();
    const orgId = (await createOrganisation(db)).id;
    worker = await createUser(db, { roles: ['social-worker'], organisationId: orgId, username: `sw-dates-${engine}` });
    const family = await createFamily(db, orgId, 'Mockworth', [{ givenNames: 'Golf' }]);
    referralId = await recordReferral(db, contextFor(worker, NOW), family.children[0]!.caseId, referralInput());
    client = new WebClient(app());
    await client.signIn(worker.username, TEST_PASSWORD);
  });

  it('the form shows today in three boxes, day, month and year, in a fieldset', async () => {
    const page = await client.get(`/referrals/${referralId}/decision`);
    expect(page.statusCode).toBe(200);
    expect(boxes(page.body, 'decidedDate')).toEqual({ day: { value: '9', error: false }, month: { value: '3', error: false }, year: { value: '2026', error: false } });
    expect(page.body).toMatch(/<legend[^>]*>\s*Decided: date\s*<\/legend>/);
    expect(page.body).toContain('name="decidedDate-day"');
  });

  it('a missing month is refused in the pattern’s words, marking only the month, linking to it, and keeping every box and field', async () => {
    const res = await client.post(`/referrals/${referralId}/decision`, {
      decision: 'strategy-discussion', reasons: 'Reasons typed before the date', 'decidedDate-day': '7', 'decidedDate-month': '', 'decidedDate-year': '2026', decidedTime: '15:00',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The date of the decision must include a month');
    expect(res.body).toContain('href="#decidedDate-month"');
    expect(boxes(res.body, 'decidedDate')).toEqual({ day: { value: '7', error: false }, month: { value: '', error: true }, year: { value: '2026', error: false } });
    expect(res.body).toContain('Reasons typed before the date');
    const [row] = await db.select().from(referrals).where(eq(referrals.id, referralId));
    expect(row!.decision).toBeNull();
  });

  it('an impossible date and a short year get their own messages', async () => {
    const bad = await client.post(`/referrals/${referralId}/decision`, {
      decision: 'strategy-discussion', reasons: 'x', 'decidedDate-day': '31', 'decidedDate-month': '2', 'decidedDate-year': '2026', decidedTime: '15:00',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The date of the decision must be a real date');
    const short = await client.post(`/referrals/${referralId}/decision`, {
      decision: 'strategy-discussion', reasons: 'x', 'decidedDate-day': '3', 'decidedDate-month': '3', 'decidedDate-year': '26', decidedTime: '15:00',
    });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Year must include 4 numbers');
    expect(boxes(short.body, 'decidedDate').year).toEqual({ value: '26', error: true });
  });

  it('three good boxes (a month by name too) record the date', async () => {
    const res = await client.post(`/referrals/${referralId}/decision`, {
      decision: 'strategy-discussion', reasons: 'Possible significant harm', 'decidedDate-day': '9', 'decidedDate-month': 'Mar', 'decidedDate-year': '2026', decidedTime: '11:00',
    });
    expect(res.statusCode, res.body.slice(0, 400)).toBe(302);
    const [row] = await db.select().from(referrals).where(eq(referrals.id, referralId));
    expect(row!.decision).toBe('strategy-discussion');
    expect(row!.decidedAt!.toISOString()).toBe('2026-03-09T11:00:00.000Z');
  });
});
