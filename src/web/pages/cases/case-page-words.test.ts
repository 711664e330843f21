import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/database.js';
import { TEST_PASSWORD } from '../../../../test/support/factories.js';
import { createMeetingFixture } from '../../../../test/support/meeting-factory.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { cases, childProtectionPlans, conferences, people } from '../../../db/schema/index.js';
import { CATEGORY_CODES } from '../../../domain/conference/categories.js';
import { ETHNICITY_CODES, PRIMARY_NEED_LABELS, SEX_LABELS } from '../../../domain/records/census-codes.js';

/** The words a person reads: the page without its markup, scripts and attributes. */
function visibleText(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');
}

const CODES = [...Object.keys(SEX_LABELS), ...Object.keys(PRIMARY_NEED_LABELS), ...CATEGORY_CODES, ...Object.keys(ETHNICITY_CODES)];

// Issue 14, "Plain words": the case page speaks English, not census codes or file names.
describeEachEngine('the case page in plain words', (engine) => {
  const { db, app } = signedInApp(engine, { at: '2026-03-02T09:00:00Z' });


  it('shows codes by their meaning, citations by the procedure’s title, one deadline per review, in sentences', async () => {
    // A child on a plan (neglect) whose review conference is already arranged.
    const f = await createMeetingFixture(db(), { kind: 'review', childType: 'review' });
    await db().update(conferences).set({ status: 'booked', dueRuleId: 'TS6', dueFromDate: '2025-12-01', heldOn: null }).where(eq(conferences.id, f.conferenceId));
    await db().update(people).set({ sex: 'F', ethnicity: 'WBRI' }).where(eq(people.id, f.alphaId));
    const [caseRow] = await db().update(cases).set({ primaryNeedCode: 'N1' }).where(eq(cases.childId, f.alphaId)).returning();
    await db().insert(childProtectionPlans).values({ caseId: caseRow!.id, childId: f.alphaId, startDate: '2025-09-01', initialCategories: ['NEG'], latestCategories: ['NEG'] });
    await db().insert(conferences).values({ householdId: (await db().select().from(conferences).where(eq(conferences.id, f.conferenceId)))[0]!.householdId, kind: 'initial', status: 'held', pack: 'pan-dorset', heldOn: '2025-09-01' });

    const worker = new WebClient(app());
    expect((await worker.signIn(f.socialWorker.username, TEST_PASSWORD)).statusCode).toBe(302);
    const page = await worker.get(`/cases/${caseRow!.id}`);
    expect(page.statusCode).toBe(200);
    const text = visibleText(page.body);

    expect(page.body).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    for (const code of CODES) expect(text, `the bare code ${code}`).not.toMatch(new RegExp(`(^|[\\s(:,])${code}([\\s).,;:]|$)`));
    expect(text).toContain('Female');
    expect(text).toContain('Abuse or neglect');
    expect(text).toContain('White British');
    expect(text).toContain('Category: neglect.');

    const deadlinesHtml = page.body.slice(page.body.indexOf('>Deadlines</h2>'), page.body.indexOf('>Household</h2>'));
    const titles = [...deadlinesHtml.matchAll(/<li[^>]*>\s*(?:<a[^>]*>|<strong>)([^<]+)</g)].map((m) => m[1]!.trim());
    expect(titles.filter((t) => /review/i.test(t))).toEqual(['Hold the review child protection conference']);
    const deadlines = visibleText(deadlinesHtml);
    expect(deadlines).not.toMatch(/(\w+): \1:/);
    // The rule by what it says, its code only inside a small link to the rule.
    expect(deadlinesHtml).toMatch(/<a class="govuk-link" href="\/rules\/TS6">[^<]*[a-z][^<]* \(TS6\)<\/a>/);
    expect(deadlines).not.toMatch(/conference held due/);
    expect(await db().select().from(childProtectionPlans).where(and(eq(childProtectionPlans.childId, f.alphaId)))).toHaveLength(1);
  });
});
