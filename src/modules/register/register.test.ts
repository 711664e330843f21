import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import {
  auditEvents, cases, childProtectionPlans, conferenceChildren, conferences, meetingDecisions, people, transferNotices,
} from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { childOnAPlan } from '../../../test/support/escalation-factory.js';
import { createOrganisation, createTeam, createUser } from '../../../test/support/factories.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import type { RegisterFilter } from '../../domain/register/register-view.js';
import { toActor } from '../accounts/load-actor.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError } from '../shared/errors.js';
import { exportRegisterCsv, loadRegister, loadRegisterHistory } from './load-register.js';
import { recordPlacement } from './record-placement.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const base: RegisterFilter = { asOf: '2026-03-02', sort: 'name', page: 1 };

describeEachEngine('the register of children with a plan (RG1)', (engine) => {
  const { db } = suiteDatabase(engine);
  let officer: ActionContext;
  let orgId: string;
  let teamId: string;
  let ours: Awaited<ReturnType<typeof childOnAPlan>>;
  let unbornId: string;

  beforeAll(async () => {
    orgId = (await createOrganisation(db())).id;
    teamId = (await createTeam(db(), orgId, 'Northern assessment team')).id;
    const worker = await createUser(db(), { roles: ['social-worker'], organisationId: orgId, teamId, displayName: 'Demo Lead Worker' });
    officer = { actor: toActor(await createUser(db(), { roles: ['register-officer'], organisationId: orgId })), requestId: 't', address: '127.0.0.1', now: NOW };
    ours = await childOnAPlan(db(), orgId);
    await db().update(childProtectionPlans).set({ leadSocialWorkerId: worker.id, initialCategories: ['NEG'], latestCategories: ['EMO'] }).where(eq(childProtectionPlans.id, ours.plan.id));
    await db().update(cases).set({ legalStatus: 'Interim care order' }).where(eq(cases.id, ours.case.id));
    // An unborn child on a pre-birth plan.
    const [unborn] = await db().insert(people).values({ kind: 'child', givenNames: '', familyName: 'Prebirthson', expectedDeliveryDate: '2026-05-01' }).returning();
    unbornId = unborn!.id;
    const [unbornCase] = await db().insert(cases).values({ childId: unbornId, organisationId: orgId, openedOn: '2026-01-05' }).returning();
    await db().insert(childProtectionPlans).values({ caseId: unbornCase!.id, childId: unbornId, startDate: '2026-02-02', initialCategories: ['NEG'], latestCategories: ['NEG'] });
    // A plan that ended last month, and another authority's child who must never appear here.
    const ended = await childOnAPlan(db(), orgId);
    await db().update(childProtectionPlans).set({ endDate: '2026-02-10', endReason: 'death' }).where(eq(childProtectionPlans.id, ended.plan.id));
    const elsewhere = (await createOrganisation(db(), { name: 'Elsewhere Council (demo)' })).id;
    await childOnAPlan(db(), elsewhere);
  });

  it('lists every child on a plan today in the area, unborn included, with category, lead worker and team, next review and legal status; each child shown is audited', async () => {
    const view = await loadRegister(db(), officer, base, 'national');
    expect(view.total).toBe(2);
    const row = view.rows.find((r) => r.childId === ours.child.id)!;
    expect(row).toMatchObject({
      initialCategories: ['NEG'], latestCategories: ['EMO'], planStart: '2025-11-03', leadSocialWorker: 'Demo Lead Worker', team: 'Northern assessment team',
      responsibleAuthority: null, legalStatus: 'Interim care order', ageBand: '5-9',
    });
    expect(row.nextReviewDue).toBe('2026-02-03'); // TS5: three months after the ICPC on 3 November
    expect(view.rows.find((r) => r.childId === unbornId)).toMatchObject({ ageBand: 'unborn', name: 'Prebirthson' });
    const audited = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'register-viewed'), eq(auditEvents.childId, ours.child.id)));
    expect(audited.length).toBeGreaterThan(0);
  });

  it('filters by category, team, age band, responsible authority and a past date', async () => {
    const ids = async (f: Partial<RegisterFilter>) => (await loadRegister(db(), officer, { ...base, ...f }, 'national')).rows.map((r) => r.childId).sort();
    expect(await ids({ category: 'EMO' })).toEqual([ours.child.id]);
    expect(await ids({ category: 'NEG' })).toEqual([unbornId]);
    expect(await ids({ teamId })).toEqual([ours.child.id]);
    expect(await ids({ ageBand: 'unborn' })).toEqual([unbornId]);
    expect(await ids({ ageBand: '0-4' })).toEqual([]);
    expect(await ids({ responsible: 'other' })).toEqual([]);
    // On 1 February the ended plan was open and the unborn child's plan had not started.
    const february = await ids({ asOf: '2026-02-01' });
    expect(february).toHaveLength(2);
    expect(february).not.toContain(unbornId);
  });

  it('counts "today" on the London clock: at 00:30 on 1 July (23:30 UTC on 30 June) a placement that day is not in the future', async () => {
    const [child] = await db().insert(people).values({ kind: 'child', givenNames: 'Midnight', familyName: 'Summerton', dateOfBirth: '2016-03-01' }).returning();
    const justAfterMidnight = { ...officer, now: new Date('2026-06-30T23:30:00Z') };
    const input = {
      childId: child!.id, responsibleAuthority: 'Sampleshire Council (demo)', otherContactName: 'Demo Their Worker', otherContactEmail: 'worker@sampleshire.example',
      categories: ['NEG'], planStartedOn: '2026-06-01', placedOn: '2026-07-01', legalStatus: '',
    };
    await expect(recordPlacement(db(), justAfterMidnight, { ...input, placedOn: '2026-07-02' })).rejects.toMatchObject({ errors: [expect.objectContaining({ field: 'placedOn' })] });
    await expect(recordPlacement(db(), justAfterMidnight, input)).resolves.toMatchObject({ planId: expect.any(String) });
  });

  it('records a child placed here on another authority’s plan, who then appears with that authority responsible', async () => {
    const [child] = await db().insert(people).values({ kind: 'child', givenNames: 'Placed', familyName: 'Fosterling', dateOfBirth: '2015-06-01' }).returning();
    const input = {
      childId: child!.id, responsibleAuthority: 'Sampleshire Council (demo)', otherContactName: 'Demo Their Worker', otherContactEmail: 'worker@sampleshire.example',
      categories: ['PHY'], planStartedOn: '2025-12-01', placedOn: '2026-02-20', legalStatus: 'Section 20 accommodation',
    };
    await expect(recordPlacement(db(), officer, { ...input, categories: [], placedOn: '2026-02-30' })).rejects.toMatchObject({
      errors: expect.arrayContaining([expect.objectContaining({ field: 'categories' }), expect.objectContaining({ field: 'placedOn' })]),
    });
    const social = { ...officer, actor: toActor(await createUser(db(), { roles: ['social-worker'], organisationId: orgId })) };
    await expect(recordPlacement(db(), social, input)).rejects.toBeInstanceOf(ForbiddenError);
    await recordPlacement(db(), officer, input);
    await expect(recordPlacement(db(), officer, input)).rejects.toBeInstanceOf(ValidationError);
    const view = await loadRegister(db(), officer, { ...base, responsible: 'other' }, 'national');
    expect(view.rows).toHaveLength(1);
    expect(view.rows[0]).toMatchObject({ childId: child!.id, responsibleAuthority: 'Sampleshire Council (demo)', nextReviewDue: null, legalStatus: 'Section 20 accommodation', ageBand: '10-15' });
    const [notice] = await db().select().from(transferNotices).where(eq(transferNotices.childId, child!.id));
    expect(notice).toMatchObject({ direction: 'placed-in', otherAuthority: 'Sampleshire Council (demo)' });
  });

  it('exports the filtered register as CSV, audited per child with who exported what and the filter', async () => {
    const { csv, count } = await exportRegisterCsv(db(), officer, { ...base, category: 'EMO' }, 'national');
    expect(count).toBe(1);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain('Responsible authority');
    expect(lines[1]).toContain('Alpha Testington');
    expect(lines[1]).toContain('Interim care order');
    const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'register-exported'), eq(auditEvents.childId, ours.child.id)));
    expect(event).toMatchObject({ userId: officer.actor!.id, details: { filter: { category: 'EMO', asOf: '2026-03-02', sort: 'name' }, count: 1 } });
  });

  it('history lists ended plans with date and reason, and conferences that made no plan', async () => {
    const cin = await childOnAPlan(db(), orgId);
    await db().delete(childProtectionPlans).where(eq(childProtectionPlans.id, cin.plan.id));
    const [cc] = await db().select().from(conferenceChildren).where(eq(conferenceChildren.conferenceId, cin.conference.id));
    await db().insert(meetingDecisions).values({ conferenceId: cin.conference.id, childId: cin.child.id, conferenceChildId: cc!.id, outcome: 'no-plan-cin', quorate: true, decidedAt: NOW, updatedAt: NOW });
    await db().update(conferences).set({ heldOn: '2026-01-20' }).where(eq(conferences.id, cin.conference.id));
    const history = await loadRegisterHistory(db(), officer);
    expect(history.ended).toEqual([expect.objectContaining({ endDate: '2026-02-10', reason: expect.stringMatching(/died|death/i) })]);
    expect(history.noPlan).toEqual([expect.objectContaining({ childId: cin.child.id, heldOn: '2026-01-20' })]);
  });

  it('is refused to an enquirer or a social worker: the register is the designated manager’s', async () => {
    for (const role of ['enquirer', 'social-worker'] as const) {
      const other = { ...officer, actor: toActor(await createUser(db(), { roles: [role], organisationId: orgId })) };
      await expect(loadRegister(db(), other, base, 'national')).rejects.toBeInstanceOf(ForbiddenError);
      await expect(exportRegisterCsv(db(), other, base, 'national')).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
