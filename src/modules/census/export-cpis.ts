import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { childProtectionPlans, people } from '../../db/schema/index.js';
import { cpisFeed, type CpisFeed } from '../../domain/records/cpis-feed.js';
import { recordAudit } from '../audit/record-audit.js';
import { theAuthority } from '../enquiry/the-authority.js';
import type { ActionContext } from '../shared/action-context.js';
import { ValidationError } from '../shared/errors.js';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The CP-IS feed for a window of days: our plans (not those of children placed here by another
 * authority, which that authority sends) that started or ended in it. Audited as a disclosure of
 * each child sent.
 */
export async function exportCpis(db: Database, context: ActionContext, window: { from: string; to: string }): Promise<CpisFeed & { from: string; to: string }> {
  const errors = [];
  if (!ISO.test(window.from) || Number.isNaN(Date.parse(window.from))) errors.push({ field: 'from', message: 'Enter the first day as a real date, like 2026-11-01' });
  if (!ISO.test(window.to) || Number.isNaN(Date.parse(window.to))) errors.push({ field: 'to', message: 'Enter the last day as a real date, like 2026-11-30' });
  if (!errors.length && window.to < window.from) errors.push({ field: 'to', message: 'The last day must be on or after the first day' });
  if (errors.length) throw new ValidationError(errors);
  const authority = await theAuthority(db);
  const rows = await db.select({ plan: childProtectionPlans, child: people }).from(childProtectionPlans).innerJoin(people, eq(childProtectionPlans.childId, people.id))
    .where(and(isNull(childProtectionPlans.responsibleAuthority), or(
      and(gte(childProtectionPlans.startDate, window.from), lte(childProtectionPlans.startDate, window.to)),
      and(gte(childProtectionPlans.endDate, window.from), lte(childProtectionPlans.endDate, window.to)),
    )));
  const feed = cpisFeed(rows.map(({ plan, child }) => ({
    personId: child.id, nhsNumber: child.nhsNumber, givenNames: child.givenNames, familyName: child.familyName,
    dateOfBirth: child.dateOfBirth, expectedDateOfBirth: child.expectedDeliveryDate, planStart: plan.startDate, planEnd: plan.endDate,
  })), window, { name: authority.name, contact: authority.phone ?? '' });
  await db.transaction(async (tx) => {
    await recordAudit(tx, context, { action: 'cpis-exported', recordType: 'cpis', details: { ...window, rows: feed.rows.length, missingNhsNumber: feed.missingNhsNumber.length } });
    const sent = new Set(rows.filter(({ child }) => feed.rows.some((r) => r.givenNames === child.givenNames && r.familyName === child.familyName)).map(({ child }) => child.id));
    for (const childId of sent) await recordAudit(tx, context, { action: 'child-sent-to-cpis', recordType: 'cpis', childId, details: window });
  });
  return { ...feed, ...window };
}
