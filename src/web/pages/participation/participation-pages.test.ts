import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp, TestClock } from '../../../../test/support/app.js';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { TEST_PASSWORD } from '../../../../test/support/factories.js';
import { createMeetingFixture, type MeetingFixture } from '../../../../test/support/meeting-factory.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { auditEvents, childParticipation, exclusionRequests, familyParticipation } from '../../../db/schema/index.js';
import { pdfText } from '../../../documents/pdf-text.js';

const assessment = {
  assessment_understanding: 'Understands at her level',
  assessment_wishExpressed: 'Says she does not want to come',
  assessment_parentsViews: 'Mother agrees',
  assessment_benefit: 'Little benefit in attending',
  assessment_conflictRisk: 'Father may blame her',
};

describeEachEngine('participation and exclusion pages', (engine) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  // Thursday 26 February 2026: the conference (Monday 2 March) is 4 days away, so requests are in time (TS18).
  const clock = new TestClock(new Date('2026-02-26T10:00:00Z'));
  const db = () => database.handle.db;
  let f: MeetingFixture;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await testApp(database.handle, { clock });
    f = await createMeetingFixture(db(), { pack: 'newcastle' });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  async function signedIn(username: string, page: string) {
    const client = new WebClient(app);
    expect((await client.signIn(username, TEST_PASSWORD)).statusCode).toBe(302);
    expect((await client.get(page)).statusCode).toBe(200);
    return client;
  }

  it('IN5: a declared wish not to attend is respected, and the views reach the conference another way', async () => {
    const worker = await signedIn(f.socialWorker.username, `/conferences/${f.conferenceId}/participation`);
    const url = `/conferences/${f.conferenceId}/participation/children/${f.alphaId}`;
    const base = { ...assessment, wish: 'not-attend', advocacyOfferedOn: '2026-02-10', advocacyConsent: 'given', version: '0' };
    const wrong = await worker.post(url, { ...base, attendance: 'part', viewsRoutes: ['writing'] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('that wish is respected');
    const noRoute = await worker.post(url, { ...base, attendance: 'none' });
    expect(noRoute.statusCode).toBe(400);
    expect(noRoute.body).toContain('views will reach the conference');
    const ok = await worker.post(url, { ...base, attendance: 'none', viewsRoutes: ['advocate', 'drawings'] });
    expect(ok.statusCode).toBe(302);
    const [row] = await db().select().from(childParticipation).where(eq(childParticipation.childId, f.alphaId));
    expect(row).toMatchObject({ wish: 'not-attend', attendance: 'none', viewsRoutes: ['advocate', 'drawings'], advocacyConsent: 'given', advocacyOfferedOn: '2026-02-10' });
    const audit = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'child-participation-saved'), eq(auditEvents.childId, f.alphaId)));
    expect(audit).toHaveLength(1);
  });

  it('IN7: refuses a family member as interpreter with a message; IN8 and EX4: saves preparation and the supporter', async () => {
    const worker = await signedIn(f.socialWorker.username, `/conferences/${f.conferenceId}/participation`);
    const url = `/conferences/${f.conferenceId}/participation/family/${f.invitationIds.father}`;
    const refused = await worker.post(url, { interpreterNeeded: 'yes', interpreterName: 'Demi Testington', interpreterRelationship: 'professional', interpreterAccredited: 'yes', version: '0' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('A family member cannot interpret at a conference');
    expect(await db().select().from(familyParticipation)).toHaveLength(0);
    const ok = await worker.post(url, {
      firstLanguage: 'Polish', interpreterNeeded: 'yes', interpreterName: 'Ira Interpreter', interpreterRelationship: 'professional', interpreterAccredited: 'yes',
      needsTranslation: 'yes', supporterName: 'Sam Supporter', preparation: ['purpose-explained', 'leaflets-given', 'report-shared'], version: '0',
    });
    expect(ok.statusCode).toBe(302);
    const [row] = await db().select().from(familyParticipation).where(eq(familyParticipation.invitationId, f.invitationIds.father));
    expect(row).toMatchObject({ interpreterName: 'Ira Interpreter', interpreterAccredited: true, needsTranslation: true, supporterName: 'Sam Supporter', preparation: ['purpose-explained', 'leaflets-given', 'report-shared'] });
  });

  it('TS16: once a parent needs translation, reports reach the family 7 days before (newcastle)', async () => {
    const worker = await signedIn(f.socialWorker.username, `/conferences/${f.conferenceId}/reports`);
    expect(worker.lastBody).toContain('23 February 2026 (TS16)');
    expect(worker.lastBody).toContain('7 days: a parent needs time or translation');
  });

  it('EX1: refuses a prosecution alone as a ground, and writes nothing', async () => {
    const worker = await signedIn(f.socialWorker.username, `/conferences/${f.conferenceId}/exclusions`);
    const res = await worker.post(`/conferences/${f.conferenceId}/exclusions`, { invitationId: f.invitationIds.father, reasons: ['prosecution'], evidence: 'Charged with assault', scope: 'whole' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('A prosecution or police investigation alone is not a ground');
    expect(await db().select().from(exclusionRequests)).toHaveLength(0);
  });

  it('EX2, EX3, EX4 and TS18: the chair decides with reasons and period; the letter and the supporter rule follow', async () => {
    const worker = await signedIn(f.socialWorker.username, `/conferences/${f.conferenceId}/exclusions`);
    const asked = await worker.post(`/conferences/${f.conferenceId}/exclusions`, { invitationId: f.invitationIds.father, reasons: ['disruptive-behaviour', 'prosecution'], evidence: 'Threatened the health visitor on 20 February', scope: 'part' });
    expect(asked.statusCode).toBe(302);
    const [request] = await db().select().from(exclusionRequests);
    expect(request).toMatchObject({ grounds: ['disruptive-behaviour'], inTime: true, status: 'pending' });

    expect((await worker.post(`/exclusions/${request!.id}/decision`, { conferenceId: f.conferenceId, version: '1', decision: 'excluded', reasons: 'x', period: 'y' })).statusCode).toBe(403);

    const chair = await signedIn(f.chair.username, `/conferences/${f.conferenceId}/exclusions`);
    const bad = await chair.post(`/exclusions/${request!.id}/decision`, { conferenceId: f.conferenceId, version: '1', decision: 'excluded', reasons: '', period: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Give the reasons for the decision');
    const ok = await chair.post(`/exclusions/${request!.id}/decision`, { conferenceId: f.conferenceId, version: '1', decision: 'excluded', reasons: 'Threats to staff', period: 'Reports and information sharing', legalAdviceTaken: 'yes' });
    expect(ok.statusCode).toBe(302);
    const [decided] = await db().select().from(exclusionRequests).where(eq(exclusionRequests.id, request!.id));
    expect(decided).toMatchObject({ status: 'excluded', period: 'Reports and information sharing', legalAdviceTaken: true, supporterName: 'Sam Supporter', decidedBy: f.chair.id });
    const page = await chair.get(`/conferences/${f.conferenceId}/exclusions`);
    expect(page.body).toContain('Sam Supporter, their supporter, leaves with them.');
    const again = await chair.post(`/exclusions/${request!.id}/decision`, { conferenceId: f.conferenceId, version: '2', decision: 'refused', reasons: 'Changed my mind', period: '' });
    expect(again.statusCode).toBe(409);

    const letter = await worker.get(`/exclusions/${request!.id}/letter.pdf`);
    expect(letter.statusCode).toBe(200);
    const text = pdfText(letter.rawPayload);
    for (const part of ['Fred Testington', 'How to give your views', 'What you will receive', 'social work report', 'complain', 'Sam Supporter']) expect(text).toContain(part);
  });

  it('TS18: a request made later than 3 days before is still taken, and shown as late', async () => {
    clock.current = new Date('2026-02-28T10:00:00Z');
    try {
      const worker = await signedIn(f.socialWorker.username, `/conferences/${f.conferenceId}/exclusions`);
      const res = await worker.post(`/conferences/${f.conferenceId}/exclusions`, { invitationId: f.invitationIds.mother, reasons: ['family-conflict'], evidence: 'Domestic abuse between the parents', scope: 'part' });
      expect(res.statusCode).toBe(302);
      const rows = await db().select().from(exclusionRequests).where(eq(exclusionRequests.invitationId, f.invitationIds.mother));
      expect(rows[0]?.inTime).toBe(false);
      expect((await worker.get(`/conferences/${f.conferenceId}/exclusions`)).body).toContain('later than 3 days before the conference');
    } finally {
      clock.current = new Date('2026-02-26T10:00:00Z');
    }
  });
});
