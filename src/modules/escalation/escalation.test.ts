import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, complaints, conferences, conferenceStatusHistory, dissents, practiceConcerns } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { childOnAPlan } from '../../../test/support/escalation-factory.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { toActor } from '../accounts/load-actor.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { advanceComplaint, recordComplaint } from './complaints.js';
import { advanceDissent, raisePracticeConcern, recordDissent, resolvePracticeConcern } from './dissent-and-concerns.js';

describeEachEngine('complaints, dissent and practice concerns', (engine) => {
  const suite = suiteDatabase(engine);
  let as: Record<'chair' | 'serviceManager' | 'socialWorker' | 'teamManager', ActionContext>;
  let fixture: Awaited<ReturnType<typeof childOnAPlan>>;
  beforeAll(async () => {
    const org = await createOrganisation(suite.db());
    const ctx = async (role: 'chair' | 'service-manager' | 'social-worker' | 'team-manager') => ({
      actor: toActor(await createUser(suite.db(), { roles: [role], organisationId: org.id })),
      requestId: 't', address: '127.0.0.1', now: new Date('2026-03-02T10:00:00Z'),
    });
    as = { chair: await ctx('chair'), serviceManager: await ctx('service-manager'), socialWorker: await ctx('social-worker'), teamManager: await ctx('team-manager') };
    fixture = await childOnAPlan(suite.db(), org.id, { chairId: as.chair.actor!.id });
  });

  /** The mother's complaint about the fixture's conference, received the day it was held, recorded by its chair. */
  const mothersComplaint = (about: 'category' | 'process', details: string) => recordComplaint(suite.db(), as.chair, {
    conferenceId: fixture.conference.id, complainantName: 'Demi Testington', complainantRelationship: 'mother', about, details, receivedOn: '2026-03-02',
  });

  it('a parent’s complaint reaches a conference reconvened under a different chair (CO1)', async () => {
    const db = suite.db();
    const id = await mothersComplaint('category', 'The category does not reflect what happened.');
    await expect(advanceComplaint(db, as.chair, id, { step: 'uphold', note: 'skip', on: '2026-03-03', version: 1 })).rejects.toBeInstanceOf(ConflictError);
    await advanceComplaint(db, as.chair, id, { step: 'escalate', note: 'Not resolved informally', on: '2026-03-03', version: 1 });
    const stage = await advanceComplaint(db, as.serviceManager, id, { step: 'uphold', note: 'Panel upheld it', on: '2026-03-10', version: 2 });
    expect(stage).toBe('reconvened-conference');
    const [complaint] = await db.select().from(complaints).where(eq(complaints.id, id));
    expect(complaint?.history.map((h) => h.stage)).toEqual(['chair', 'complaints-procedure', 'reconvened-conference']);
    const [reconvened] = await db.select().from(conferences).where(eq(conferences.id, complaint!.reconvenedConferenceId!));
    expect(reconvened?.kind).toBe('reconvened');
    expect(reconvened?.status).toBe('requested');
    const [history] = await db.select().from(conferenceStatusHistory).where(eq(conferenceStatusHistory.conferenceId, reconvened!.id));
    expect(history?.details).toMatchObject({ mustNotBeChairedBy: as.chair.actor!.id });
    const audits = await db.select().from(auditEvents).where(eq(auditEvents.childId, fixture.child.id));
    expect(audits.map((a) => a.action)).toContain('complaint-advanced');
  });

  it('refuses a stale version of a complaint and a social worker moving it on', async () => {
    const db = suite.db();
    const id = await mothersComplaint('process', 'Not told in time.');
    await expect(advanceComplaint(db, as.socialWorker, id, { step: 'resolve', note: 'x', on: '2026-03-03', version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await advanceComplaint(db, as.chair, id, { step: 'resolve', note: 'Explained and accepted', on: '2026-03-03', version: 1 });
    await expect(advanceComplaint(db, as.chair, id, { step: 'escalate', note: 'again', on: '2026-03-04', version: 1 })).rejects.toBeInstanceOf(ConflictError);
  });

  it('professional dissent ends in the decision upheld or the review brought forward, decided by a service manager (CO2)', async () => {
    const db = suite.db();
    const id = await recordDissent(db, as.chair, {
      conferenceId: fixture.conference.id, childId: fixture.child.id, professionalName: 'Dr Demo', agency: 'Health',
      view: 'A plan is needed: the risk is higher than judged.', raisedWith: 'Designated doctor', raisedOn: '2026-03-02',
    });
    await advanceDissent(db, as.teamManager, id, { step: 'alert-service-manager', note: 'Alerted', version: 1 });
    await expect(advanceDissent(db, as.teamManager, id, { step: 'bring-review-forward', note: 'no', version: 2 })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await advanceDissent(db, as.serviceManager, id, { step: 'bring-review-forward', note: 'Review within 2 weeks', version: 2 })).toBe('review-brought-forward');
    const [row] = await db.select().from(dissents).where(eq(dissents.id, id));
    expect(row?.decidedBy).toBe(as.serviceManager.actor!.id);
  });

  it('a chair’s practice concern is tracked to resolution (CO3)', async () => {
    const db = suite.db();
    await expect(raisePracticeConcern(db, as.socialWorker, { raisedWith: 'x', agency: 'x', concern: 'x', raisedOn: '2026-03-02' })).rejects.toBeInstanceOf(ForbiddenError);
    const id = await raisePracticeConcern(db, as.chair, {
      conferenceId: fixture.conference.id, raisedWith: 'Team manager, Safeguarding North', agency: "Children's social care",
      concern: 'Report not shared with the family before the conference.', raisedOn: '2026-03-02',
    });
    await expect(resolvePracticeConcern(db, as.teamManager, id, { resolution: 'early', resolvedOn: '2026-03-01' })).rejects.toBeInstanceOf(ConflictError);
    await resolvePracticeConcern(db, as.teamManager, id, { resolution: 'Reminder given; checklist added.', resolvedOn: '2026-03-09' });
    const [row] = await db.select().from(practiceConcerns).where(eq(practiceConcerns.id, id));
    expect(row?.resolvedOn).toBe('2026-03-09');
    await expect(resolvePracticeConcern(db, as.teamManager, id, { resolution: 'again', resolvedOn: '2026-03-10' })).rejects.toBeInstanceOf(ConflictError);
  });
});
