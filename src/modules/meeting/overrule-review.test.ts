import { and, eq, inArray } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { expect, it } from 'vitest';
import { conferenceChildren, conferences, meetingDecisions, outboxMessages } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/factories.js';
import { concludedMeeting, contextFor, createMeetingFixture, planDecision, sameView, VIEWS_AGAINST_A_PLAN } from '../../../test/support/meeting-factory.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { toActor } from '../accounts/load-actor.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { queueForRole } from '../work-queues/queue-for-role.js';
import { recordOverruleReview } from './overrule-review.js';
import { requestDueReviews } from '../plans/request-due-reviews.js';

describeEachEngine('TS21: after the chair overrules', (engine) => {
  const { db } = suiteDatabase(engine);

  it('the senior managers are emailed and asked on their list; a further conference they ask for waits for booking by the 4-week date, overdue when missed (TS21)', async () => {
    const f = await createMeetingFixture(db(), { pack: 'pan-dorset' });
    const sm = await createUser(db(), { roles: ['service-manager'], organisationId: f.socialWorker.organisationId, displayName: 'Sasha Servicehead', email: `sasha-${engine}@example.gov.uk` });
    const bs = await createUser(db(), { roles: ['business-support'], organisationId: f.socialWorker.organisationId });
    const { decision, chair } = await overruled(f);
    const notices = await db().select().from(outboxMessages).where(and(eq(outboxMessages.relatedType, 'overrule-notice'), eq(outboxMessages.relatedId, decision.id)));
    expect(notices.map((n) => n.toName)).toEqual(['Sasha Servicehead']);
    expect(notices[0]!.bodyText).toContain('The proposed decision leaves Alpha unprotected');

    const smQueue = await queueForRole(db(), toActor(sm), 'service-manager', new Date('2026-03-03T10:00:00Z'), 'pan-dorset');
    const item = smQueue.overrules!.find((i) => i.href === `/overrules/${decision.id}`);
    expect(item).toMatchObject({ title: 'The chair overruled the conference: Alpha Testington', dueDate: '2026-03-30' });

    // Not the chair's, nor business support's, to record.
    await expect(recordOverruleReview(db(), chair, decision.id, { outcome: 'further-conference', reasons: 'x' })).rejects.toThrow(ForbiddenError);
    const smContext = contextFor(sm, new Date('2026-03-05T10:00:00Z'));
    await expect(recordOverruleReview(db(), smContext, decision.id, { outcome: 'further-conference', reasons: ' ' })).rejects.toThrow(ValidationError);
    const furtherId = await recordOverruleReview(db(), smContext, decision.id, { outcome: 'further-conference', reasons: 'Health and police managers disagree with the chair' });
    await expect(recordOverruleReview(db(), smContext, decision.id, { outcome: 'no-further-conference', reasons: 'x' })).rejects.toThrow(ConflictError);

    const [further] = await db().select().from(conferences).where(eq(conferences.id, furtherId!));
    expect(further).toMatchObject({ kind: 'review', status: 'requested', dueRuleId: 'TS21', dueDate: '2026-03-30', dueFromDate: '2026-03-02', pack: 'pan-dorset' });
    const children = await db().select().from(conferenceChildren).where(eq(conferenceChildren.conferenceId, furtherId!));
    expect(children.map((c) => [c.childId, c.role])).toEqual([[f.alphaId, 'subject']]);
    expect((await queueForRole(db(), toActor(sm), 'service-manager', new Date('2026-03-05T10:00:00Z'), 'pan-dorset')).overrules!.map((i) => i.href)).not.toContain(`/overrules/${decision.id}`);

    const onTime = (await queueForRole(db(), toActor(bs), 'business-support', new Date('2026-03-05T10:00:00Z'), 'pan-dorset'))['to-book']!.find((i) => i.href === `/conferences/${furtherId}`);
    expect(onTime).toMatchObject({ dueDate: '2026-03-30', state: 'due later' });
    expect(onTime!.explanation).toContain('overrule');
    const late = (await queueForRole(db(), toActor(bs), 'business-support', new Date('2026-04-01T10:00:00Z'), 'pan-dorset'))['to-book']!.find((i) => i.href === `/conferences/${furtherId}`);
    expect(late!.state).toBe('overdue by 2 working days');
  });

  /** A conference the chair overruled for Alpha, concluded: the decision, and the chair who made it. */
  async function overruled(f: Awaited<ReturnType<typeof createMeetingFixture>>) {
    const { chair } = await concludedMeeting(db(), f, {
      views: VIEWS_AGAINST_A_PLAN,
      decision: { ...planDecision(f, { categories: ['NEG'] }), overrule: true, overruleReasons: 'The proposed decision leaves Alpha unprotected' },
    });
    const [decision] = await db().select().from(meetingDecisions).where(eq(meetingDecisions.conferenceId, f.conferenceId));
    return { decision: decision!, chair };
  }

  /** Conferences being arranged with Alpha as a subject. */
  async function arrangingFor(childId: string) {
    return db().select({ id: conferences.id, dueDate: conferences.dueDate, dueRuleId: conferences.dueRuleId }).from(conferenceChildren)
      .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
      .where(and(eq(conferenceChildren.childId, childId), eq(conferenceChildren.role, 'subject'), inArray(conferences.status, ['requested', 'booked', 'invitations-sent'])));
  }

  it('the further conference after an overrule is the only request for the plan: the daily review request does not add a second while it is outstanding (TS21)', async () => {
    const f = await createMeetingFixture(db(), { pack: 'pan-dorset' });
    const sm = await createUser(db(), { roles: ['service-manager'], organisationId: f.socialWorker.organisationId, email: `sm3-${engine}@example.gov.uk` });
    const bs = await createUser(db(), { roles: ['business-support'], organisationId: f.socialWorker.organisationId });
    const { decision } = await overruled(f);
    const furtherId = await recordOverruleReview(db(), contextFor(sm, new Date('2026-03-05T10:00:00Z')), decision.id, { outcome: 'further-conference', reasons: 'Agency managers disagree with the chair' });
    // The further conference is not booked for months; the review-request job runs every day.
    for (let day = Temporal.PlainDate.from('2026-03-05'); Temporal.PlainDate.compare(day, '2026-07-31') <= 0; day = day.add({ days: 1 })) {
      await requestDueReviews(db(), new Date(`${day.toString()}T05:00:00Z`), 'pan-dorset');
    }
    const arranging = await arrangingFor(f.alphaId);
    expect(arranging).toEqual([{ id: furtherId, dueDate: '2026-03-30', dueRuleId: 'TS21' }]);
    const toBook = (await queueForRole(db(), toActor(bs), 'business-support', new Date('2026-07-31T10:00:00Z'), 'pan-dorset'))['to-book']!;
    const alphas = new Set((await db().select({ id: conferenceChildren.conferenceId }).from(conferenceChildren).where(eq(conferenceChildren.childId, f.alphaId))).map((r) => `/conferences/${r.id}`));
    expect(toBook.filter((i) => alphas.has(i.href)).map((i) => i.href)).toEqual([`/conferences/${furtherId}`]);
  });

  it('a further conference asked for after the routine review was requested brings that review forward instead of adding a second (TS21)', async () => {
    const f = await createMeetingFixture(db(), { pack: 'pan-dorset' });
    const sm = await createUser(db(), { roles: ['service-manager'], organisationId: f.socialWorker.organisationId, email: `sm4-${engine}@example.gov.uk` });
    const bs = await createUser(db(), { roles: ['business-support'], organisationId: f.socialWorker.organisationId });
    const { decision } = await overruled(f);
    // The senior managers are late: the routine first review has been requested meanwhile.
    let routine: string | undefined;
    for (let day = Temporal.PlainDate.from('2026-03-03'); !routine && Temporal.PlainDate.compare(day, '2026-06-30') <= 0; day = day.add({ days: 1 })) {
      routine = (await requestDueReviews(db(), new Date(`${day.toString()}T05:00:00Z`), 'pan-dorset')).requested.find((r) => r.planId === decision.planId)?.conferenceId;
    }
    expect(routine).toBeDefined();
    const furtherId = await recordOverruleReview(db(), contextFor(sm, new Date('2026-05-20T10:00:00Z')), decision.id, { outcome: 'further-conference', reasons: 'Agency managers disagree with the chair' });
    expect(furtherId).toBe(routine);
    const arranging = await arrangingFor(f.alphaId);
    expect(arranging).toEqual([{ id: routine, dueDate: '2026-03-30', dueRuleId: 'TS21' }]);
    const [row] = await db().select().from(meetingDecisions).where(eq(meetingDecisions.id, decision.id));
    expect(row!.furtherConferenceId).toBe(routine);
    // And the job, run on over the next days, adds nothing while it is outstanding.
    for (let day = Temporal.PlainDate.from('2026-05-20'); Temporal.PlainDate.compare(day, '2026-06-30') <= 0; day = day.add({ days: 1 })) {
      await requestDueReviews(db(), new Date(`${day.toString()}T05:00:00Z`), 'pan-dorset');
    }
    expect((await arrangingFor(f.alphaId)).map((c) => c.id)).toEqual([routine]);
    const alphas = new Set((await db().select({ id: conferenceChildren.conferenceId }).from(conferenceChildren).where(eq(conferenceChildren.childId, f.alphaId))).map((r) => `/conferences/${r.id}`));
    const toBook = (await queueForRole(db(), toActor(bs), 'business-support', new Date('2026-06-30T10:00:00Z'), 'pan-dorset'))['to-book']!.filter((i) => alphas.has(i.href));
    expect(toBook).toHaveLength(1);
    expect(toBook[0]).toMatchObject({ href: `/conferences/${routine}`, dueDate: '2026-03-30' });
  });

  it('no notice and nothing to review where the chair did not overrule', async () => {
    const f = await createMeetingFixture(db(), { pack: 'pan-dorset' });
    await createUser(db(), { roles: ['service-manager'], organisationId: f.socialWorker.organisationId, email: `sm2-${engine}@example.gov.uk` });
    await concludedMeeting(db(), f, {
      views: sameView(['Sam Sampleford', 'Hana Exampleton', 'Pat Placeholder', 'PC Petra Placeholder'], { planNeeded: true, categories: ['NEG'], reasons: 'As discussed' }),
      decision: planDecision(f, { categories: ['NEG'] }),
    });
    expect(await db().select().from(outboxMessages).where(and(eq(outboxMessages.relatedType, 'overrule-notice'), eq(outboxMessages.conferenceId, f.conferenceId)))).toHaveLength(0);
  });
});
