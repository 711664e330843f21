import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents, familyParticipation } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/factories.js';
import { contextFor, createMeetingFixture } from '../../../test/support/meeting-factory.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { queueForRole } from '../work-queues/queue-for-role.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { loadChildVoice, saveChildRequest, saveParentAdvocacy } from './requests-and-advocacy.js';

const NOW = new Date('2026-03-10T10:00:00Z');

describeEachEngine('IN10: a child’s request not acted on; an advocate for a parent', (engine) => {
  const suite = suiteDatabase(engine);

  async function setUp() {
    const db = suite.db();
    const m = await createMeetingFixture(db);
    const stranger = await createUser(db, { roles: ['social-worker'], organisationId: m.socialWorker.organisationId });
    const as = (u: Parameters<typeof contextFor>[0]) => contextFor(u, NOW);
    const items = async () => ((await queueForRole(db, as(m.socialWorker).actor!, 'social-worker', NOW, 'hertfordshire'))['child-voice'] ?? [])
      .filter((i) => i.href.startsWith(`/conferences/${m.conferenceId}/`));
    return { db, m, stranger, as, items };
  }

  it('keeps a child’s request not followed on the social worker’s list until the reasons are shared with the child', async () => {
    const { db, m, stranger, as, items } = await setUp();
    const input = { request: 'To go home to her dad now.', reasons: 'Her dad’s home is not yet safe: the plan first needs the work with him done.', sharedWithChildOn: null, sharedHow: '', version: 0 };
    await expect(saveChildRequest(db, as(stranger), m.conferenceId, m.alphaId, null, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveChildRequest(db, as(m.socialWorker), m.conferenceId, m.alphaId, null, { ...input, reasons: '' })).rejects.toMatchObject({ errors: [{ field: 'reasons' }] });
    const id = await saveChildRequest(db, as(m.socialWorker), m.conferenceId, m.alphaId, null, input);
    expect((await items()).map((i) => i.href)).toEqual([`/conferences/${m.conferenceId}/child-voice/requests/${id}`]);

    const shared = { ...input, sharedWithChildOn: '2026-03-09', sharedHow: 'Explained at school with her teacher; she drew how she felt.', version: 1 };
    await expect(saveChildRequest(db, as(m.chair), m.conferenceId, m.alphaId, id, { ...shared, sharedHow: '' })).rejects.toMatchObject({ errors: [{ field: 'sharedHow' }] });
    await saveChildRequest(db, as(m.chair), m.conferenceId, m.alphaId, id, shared);
    expect(await items()).toEqual([]);
    await expect(saveChildRequest(db, as(m.socialWorker), m.conferenceId, m.alphaId, id, shared)).rejects.toBeInstanceOf(ConflictError);
    const audit = await db.select({ a: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.recordId, id), eq(auditEvents.childId, m.alphaId)));
    expect(audit.map((a) => a.a).sort()).toEqual(['child-request-not-followed-recorded', 'child-request-reasons-shared']);
    expect((await loadChildVoice(db, as(m.teamManager), m.conferenceId)).requests[0]).toMatchObject({ sharedWithChildOn: '2026-03-09' });
  });

  it('asks for an advocate to be considered for a parent with a learning disability, then for the referral to be followed up', async () => {
    const { db, m, as, items } = await setUp();
    await db.insert(familyParticipation).values({ conferenceId: m.conferenceId, invitationId: m.invitationIds.mother, learningDisability: true, updatedAt: NOW });
    const href = `/conferences/${m.conferenceId}/child-voice/advocacy/${m.invitationIds.mother}`;
    expect((await items()).map((i) => [i.href, i.title])).toEqual([[href, 'Consider an advocate for Demi Testington']]);

    const input = { learningDisability: true, mentalHealthNeed: false, decision: 'referred', reasons: '', followUp: '', followedUpOn: null, version: 0 };
    await expect(saveParentAdvocacy(db, as(m.socialWorker), m.conferenceId, m.invitationIds.socialWorker, input)).rejects.toMatchObject({ name: 'NotFoundError' });
    await saveParentAdvocacy(db, as(m.socialWorker), m.conferenceId, m.invitationIds.mother, input);
    expect((await items()).map((i) => [i.href, i.title])).toEqual([[href, 'Follow up the advocate referral for Demi Testington']]);

    await expect(saveParentAdvocacy(db, as(m.socialWorker), m.conferenceId, m.invitationIds.mother, { ...input, followedUpOn: '2026-03-09', version: 1 }))
      .rejects.toMatchObject({ errors: [{ field: 'followUp' }] });
    await saveParentAdvocacy(db, as(m.socialWorker), m.conferenceId, m.invitationIds.mother, { ...input, followedUpOn: '2026-03-09', followUp: 'Advocate from Sampleshire Advocacy allocated; will attend.', version: 1 });
    expect(await items()).toEqual([]);

    // A father with a mental health need recorded only here is followed the same way.
    await saveParentAdvocacy(db, as(m.socialWorker), m.conferenceId, m.invitationIds.father, { ...input, learningDisability: false, mentalHealthNeed: true });
    expect((await items()).map((i) => i.title)).toEqual(['Follow up the advocate referral for Fred Testington']);
    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'parent-advocacy-followed-up'), eq(auditEvents.childId, m.alphaId)));
    expect(audits).toHaveLength(1);
  });

  it('still asks for an advocate to be considered for one parent once the other parent’s is recorded', async () => {
    const { db, m, as, items } = await setUp();
    for (const invitationId of [m.invitationIds.mother, m.invitationIds.father]) {
      await db.insert(familyParticipation).values({ conferenceId: m.conferenceId, invitationId, learningDisability: true, updatedAt: NOW });
    }
    await saveParentAdvocacy(db, as(m.socialWorker), m.conferenceId, m.invitationIds.mother, {
      learningDisability: true, mentalHealthNeed: false, decision: 'referred', reasons: '', followUp: '', followedUpOn: null, version: 0,
    });
    expect((await items()).map((i) => i.title).sort()).toEqual(['Consider an advocate for Fred Testington', 'Follow up the advocate referral for Demi Testington']);
  });
});
