import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { childProtectionPlans, conferences, invitations, outboxMessages, people, transferNotices } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { childOnAPlan } from '../../../test/support/escalation-factory.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { toActor } from '../accounts/load-actor.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { mayEndPlanAfterMove, recordReceivingConference, recordTransferIn, recordTransferOut } from './transfers.js';

const otherLa = { otherAuthority: 'Sampleshire Council (demo)', otherContactName: 'Demo Originating Worker', otherContactEmail: 'worker@sampleshire.example' };

describeEachEngine('moves between authorities', (engine) => {
  const suite = suiteDatabase(engine);
  let officer: ActionContext;
  let orgId: string;
  beforeAll(async () => {
    orgId = (await createOrganisation(suite.db())).id;
    officer = { actor: toActor(await createUser(suite.db(), { roles: ['register-officer'], organisationId: orgId })), requestId: 't', address: '127.0.0.1', now: new Date('2026-03-02T10:00:00Z') };
  });

  it('a transfer-in conference is due 15 working days after notice, with a temporary plan and the originating social worker invited (TR1, TS2)', async () => {
    const db = suite.db();
    const [child] = await db.insert(people).values({ kind: 'child', givenNames: 'Bravo', familyName: 'Movedin', dateOfBirth: '2018-02-02', sex: 'M' }).returning();
    const { conferenceId, transferId } = await recordTransferIn(db, officer, {
      ...otherLa, childId: child!.id, otherPlanCategory: 'EMO', noticeReceivedOn: '2026-03-02', movedOn: '2026-02-27', pack: 'national',
    });
    const [conference] = await db.select().from(conferences).where(eq(conferences.id, conferenceId));
    expect(conference).toMatchObject({ kind: 'transfer-in', status: 'requested', dueRuleId: 'TS2', dueDate: '2026-03-23' });
    const invited = await db.select().from(invitations).where(eq(invitations.conferenceId, conferenceId));
    expect(invited[0]).toMatchObject({ name: otherLa.otherContactName, role: 'Originating lead social worker', state: 'confirmed' });
    const [transfer] = await db.select().from(transferNotices).where(eq(transferNotices.id, transferId));
    expect(transfer?.temporaryPlanId).toBeTruthy();
  });

  it('census C08: a child already on one of our plans is refused a transfer in, whose temporary plan would overlap it', async () => {
    const db = suite.db();
    const fixture = await childOnAPlan(db, orgId);
    const refused = await recordTransferIn(db, officer, {
      ...otherLa, childId: fixture.child.id, otherPlanCategory: 'NEG', noticeReceivedOn: '2026-03-02', movedOn: '2026-02-27', pack: 'national',
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).errors[0]).toMatchObject({ field: 'childId', message: expect.stringContaining('overlaps the plan that started 3 November 2025, which is still open') });
    expect((refused as ValidationError).errors[0]?.message).toContain('Census check C08');
    expect(await db.select().from(childProtectionPlans).where(eq(childProtectionPlans.childId, fixture.child.id))).toHaveLength(1);
    await db.update(childProtectionPlans).set({ endDate: '2026-02-20' }).where(eq(childProtectionPlans.id, fixture.plan.id));
    await recordTransferIn(db, officer, { ...otherLa, childId: fixture.child.id, otherPlanCategory: 'NEG', noticeReceivedOn: '2026-03-02', movedOn: '2026-02-27', pack: 'national' });
  });

  it('a move out notifies the receiving authority and our plan may end only after their conference (TR2)', async () => {
    const db = suite.db();
    const fixture = await childOnAPlan(db, orgId);
    const social = { ...officer, actor: toActor(await createUser(db, { roles: ['enquirer'], organisationId: orgId })) };
    await expect(recordTransferOut(db, social, { ...otherLa, planId: fixture.plan.id, movedOn: '2026-02-20' })).rejects.toBeInstanceOf(ForbiddenError);
    const id = await recordTransferOut(db, officer, { ...otherLa, planId: fixture.plan.id, movedOn: '2026-02-20' });
    const messages = await db.select().from(outboxMessages).where(eq(outboxMessages.relatedId, id));
    expect(messages[0]?.toAddress).toBe(otherLa.otherContactEmail);
    let [transfer] = await db.select().from(transferNotices).where(eq(transferNotices.id, id));
    expect(mayEndPlanAfterMove(transfer!)).toBe(false);
    await recordReceivingConference(db, officer, id, { theirConferenceOn: '2026-03-10', theirDecision: 'Plan made by the receiving authority' });
    [transfer] = await db.select().from(transferNotices).where(eq(transferNotices.id, id));
    expect(mayEndPlanAfterMove(transfer!)).toBe(true);
    await expect(recordReceivingConference(db, officer, id, { theirConferenceOn: '2026-03-10', theirDecision: 'again' })).rejects.toBeInstanceOf(ConflictError);
  });
});
