import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { conferences, invitations, reports, users } from '../../db/schema/index.js';
import { submissionProblems } from '../../domain/reports/report-content.js';
import { seedDemo } from './seed-demo.js';
import { seedDemoReports } from './seed-reports.js';

describeEachEngine('demo reports', (engine) => {
  const suite = suiteDatabase(engine);
  beforeAll(async () => {
    await seedDemo(suite.db(), { password: 'demo-password-x', dataDir: '/tmp/convene-seed-reports-unused', now: new Date('2026-03-02T09:00:00Z') });
  });

  it('the demo books a review and invites the demo practitioner to it with a complete, submitted report, once', async () => {
    const db = suite.db();
    const [booked] = await db.select().from(conferences).where(and(eq(conferences.status, 'booked'), eq(conferences.kind, 'review')));
    expect(booked?.scheduledStart).toBeInstanceOf(Date);
    const [practitioner] = await db.select().from(users).where(eq(users.username, 'agency-practitioner'));
    const [invitation] = await db.select().from(invitations).where(and(eq(invitations.conferenceId, booked!.id), eq(invitations.userId, practitioner!.id)));
    expect(invitation?.reportPromised).toBe(true);
    const [report] = await db.select().from(reports).where(eq(reports.invitationId, invitation!.id));
    expect(report?.status).toBe('submitted');
    expect(submissionProblems('agency', 'review', { sections: report!.sections, confidential: null })).toEqual([]);
    expect(await seedDemoReports(db, new Date('2026-03-02T10:00:00Z'))).toBeNull();
  });
});
