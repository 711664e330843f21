import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { reportDisagreements, reportShares } from '../../db/schema/index.js';

/** A report's sharing with the family so far: each time it was shared, and each point the family disagreed with, in order. */
export async function loadReportSharing(db: Queryable, reportId: string) {
  const shares = await db.select().from(reportShares).where(eq(reportShares.reportId, reportId)).orderBy(asc(reportShares.sharedAt));
  const disagreements = await db.select().from(reportDisagreements).where(eq(reportDisagreements.reportId, reportId)).orderBy(asc(reportDisagreements.recordedAt));
  return { shares, disagreements };
}
