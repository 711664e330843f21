import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../../test/support/database.js';
import { childOnAPlan } from '../../../../test/support/escalation-factory.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { auditEvents, cases, childInNeedPlans, childProtectionPlans } from '../../../db/schema/index.js';
import { exportCensus } from '../../../modules/census/export-census.js';
import { systemContext } from '../../../modules/shared/action-context.js';

describeEachEngine('recording a child in need plan on a case', (engine) => {
  const { db, signedIn, orgId } = signedInApp(engine, { at: '2026-03-02T10:00:00Z', staff: { worker: ['social-worker'], manager: ['team-manager'], officer: ['register-officer'] } });

  it('a social worker starts and ends one, refused dates the census would refuse, with what they typed kept; closing the case ends one still running', async () => {
    const fixture = await childOnAPlan(db(), orgId());
    const caseId = fixture.case.id;
    const worker = await signedIn('worker');
    const form = await worker.get(`/cases/${caseId}/cin-plan`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Record the start of the plan');

    const notADate = await worker.post(`/cases/${caseId}/cin-plan/start`, { startDate: '2026-02-30' });
    expect(notADate.statusCode).toBe(400);
    expect(notADate.body).toContain('Enter the date the child in need plan started as a real date');
    // The child protection plan (from 3 November 2025) is still open: C19.
    const duringPlan = await worker.post(`/cases/${caseId}/cin-plan/start`, { startDate: '2026-01-12' });
    expect(duringPlan.statusCode).toBe(400);
    expect(duringPlan.body).toContain('overlaps the child protection plan that started 3 November 2025, which is still open');
    expect(duringPlan.body).toContain('Census check C19');
    expect(duringPlan.body).toMatch(/name="startDate-day"[^>]*value="12"/);
    expect(await db().$count(childInNeedPlans)).toBe(0);

    await db().update(childProtectionPlans).set({ endDate: '2026-01-15', endReason: 'review-conference-decision' }).where(eq(childProtectionPlans.id, fixture.plan.id));
    const beforeReferral = await worker.post(`/cases/${caseId}/cin-plan/start`, { startDate: '2025-09-01' });
    expect(beforeReferral.body).toContain('Census check C18');
    const ahead = await worker.post(`/cases/${caseId}/cin-plan/start`, { startDate: '2026-03-03' });
    expect(ahead.body).toContain('cannot be in the future');
    const runsIntoPlan = await worker.post(`/cases/${caseId}/cin-plan/start`, { startDate: '2026-01-14' });
    expect(runsIntoPlan.body).toContain('Census check C19');

    // Stepped down on the day the plan ended: a handover, not an overlap.
    const started = await worker.post(`/cases/${caseId}/cin-plan/start`, { startDate: '2026-01-15' });
    expect(started.statusCode).toBe(302);
    const shown = await worker.get(started.headers.location as string);
    expect(shown.body).toContain('The start of the child in need plan is recorded.');
    expect(shown.body).toContain('Running since 15 January 2026');

    const endForm = await worker.get(`/cases/${caseId}/cin-plan`);
    const version = /name="version" value="(\d+)"/.exec(endForm.body)![1]!;
    const sameDay = await worker.post(`/cases/${caseId}/cin-plan/end`, { endDate: '2026-01-15', version });
    expect(sameDay.statusCode).toBe(400);
    expect(sameDay.body).toContain('it must end after the day it starts');
    const ended = await worker.post(`/cases/${caseId}/cin-plan/end`, { endDate: '2026-02-20', version });
    expect(ended.statusCode).toBe(302);
    const casePage = (await worker.get(`/cases/${caseId}`)).body;
    expect(casePage).toContain('15 January 2026 to 20 February 2026');
    expect(casePage).toContain('Child in need plan ended');

    const again = await worker.post(`/cases/${caseId}/cin-plan/start`, { startDate: '2026-02-19' });
    expect(again.body).toContain('overlaps the child in need plan that started 15 January 2026');
    expect((await worker.post(`/cases/${caseId}/cin-plan/start`, { startDate: '2026-02-23' })).statusCode).toBe(302);

    const officer = await signedIn('officer');
    expect((await officer.get(`/cases/${caseId}/cin-plan`)).statusCode).toBe(403);
    expect((await officer.post(`/cases/${caseId}/cin-plan/start`, { startDate: '2026-02-23' })).statusCode).toBe(403);

    const manager = await signedIn('manager');
    const close = await manager.get(`/cases/${caseId}/close`);
    const caseVersion = /name="version" value="(\d+)"/.exec(close.body)![1]!;
    expect((await manager.post(`/cases/${caseId}/close`, { closedOn: '2026-03-02', closureReason: 'RC7', confirm: 'yes', version: caseVersion })).statusCode).toBe(302);
    const plans = await db().select().from(childInNeedPlans).where(eq(childInNeedPlans.caseId, caseId)).orderBy(childInNeedPlans.startDate);
    expect(plans.map((p) => [p.startDate, p.endDate, p.startedBy, p.endedBy])).toEqual([
      ['2026-01-15', '2026-02-20', 'recorded', 'recorded'],
      ['2026-02-23', '2026-03-02', 'recorded', 'case-closed'],
    ]);
    const audited = await db().select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.childId, fixture.child.id), eq(auditEvents.recordType, 'child-in-need-plan')));
    expect(audited.map((a) => a.action).sort()).toEqual(['cin-plan-ended', 'cin-plan-ended', 'cin-plan-started', 'cin-plan-started']);
    expect((await db().select().from(cases).where(eq(cases.id, caseId)))[0]?.closedOn).toBe('2026-03-02');

    // The census return carries the dates, in the episode, and finds nothing wrong with them.
    const census = await exportCensus(db(), systemContext(new Date('2026-04-02T09:00:00Z')), { referenceDate: '2026-03-31', laCode: '999', version: 'test' });
    expect(census.xml).toContain('<CINPlanStartDate>2026-01-15</CINPlanStartDate>');
    expect(census.xml).toContain('<CINPlanEndDate>2026-03-02</CINPlanEndDate>');
    expect(census.failures.filter((f) => f.personId === fixture.child.id && ['C12', 'C18', 'C19'].includes(f.rule))).toEqual([]);
  });
});
