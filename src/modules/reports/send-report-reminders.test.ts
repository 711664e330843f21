import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/database.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { conferences, invitations, outboxMessages, reports } from '../../db/schema/index.js';
import { sendReportReminders } from './send-report-reminders.js';

describeEachEngine('report reminders', (engine) => {
  const suite = suiteDatabase(engine);

  it('reminds each invited professional whose report is not in, once, in the 2 working days before it is due (TS14); not authority staff, not those who submitted', async () => {
    const db = suite.db();
    const org = await createOrganisation(db);
    const worker = await createUser(db, { roles: ['social-worker'], organisationId: org.id });
    // Conference Thursday 12 March 2026 at 10:00; national TS14 is 1 working day before: Wednesday 11 March.
    const [conference] = await db.insert(conferences).values({ kind: 'initial', status: 'invitations-sent', pack: 'national', scheduledStart: new Date('2026-03-12T10:00:00Z') }).returning();
    const invite = async (name: string, extra: Partial<typeof invitations.$inferInsert> = {}) =>
      (await db.insert(invitations).values({ conferenceId: conference!.id, inviteeKind: 'professional', name, role: 'Practitioner', email: `${name.split(' ')[0]!.toLowerCase()}@agency.example`, state: 'sent', ...extra }).returning())[0]!;
    const hana = await invite('Hana Exampleton');
    const pat = await invite('Pat Placeholder');
    await invite('Sam Sampleford', { userId: worker.id });
    await invite('Hal Housington', { response: 'apologies', reportPromised: false });
    await db.insert(reports).values({ conferenceId: conference!.id, kind: 'agency', authorId: worker.id, invitationId: pat.id, status: 'submitted', sections: [], createdAt: new Date(), updatedAt: new Date() });

    expect((await sendReportReminders(db, new Date('2026-03-06T09:00:00Z'))).reminded).toEqual([]); // Friday: 3 working days before
    const monday = await sendReportReminders(db, new Date('2026-03-09T09:00:00Z'));
    expect(monday.reminded).toEqual([hana.id]);
    expect((await sendReportReminders(db, new Date('2026-03-10T09:00:00Z'))).reminded).toEqual([]); // once only
    const [mail] = await db.select().from(outboxMessages).where(eq(outboxMessages.relatedId, hana.id));
    expect(mail).toMatchObject({ channel: 'email', toAddress: 'hana@agency.example', relatedType: 'report-reminder', status: 'queued' });
    expect(mail!.bodyText).toContain('due to the chair by 11 March 2026');
  });
});
