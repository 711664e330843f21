import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { addresses, auditEvents, childProtectionPlans, childrensCentreLists, conferenceChildren, meetingDecisions, outboxMessages, people, riskNotificationRecipients } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { childOnAPlan } from '../../../test/support/escalation-factory.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { toActor } from '../accounts/load-actor.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { queueForRole } from '../work-queues/queue-for-role.js';
import { generateCentreList, reviewCentreList, saveCentre, sendCentreList } from './centre-lists.js';
import { recordRiskNotification, sendRiskNotification } from './risk-notifications.js';

const NOW = new Date('2026-03-02T10:00:00Z');

describeEachEngine('the register officer’s notifications and lists (RG5, RG6)', (engine) => {
  const { db } = suiteDatabase(engine);
  let officer: ActionContext;
  let orgId: string;
  let worker: Awaited<ReturnType<typeof createUser>>;
  beforeAll(async () => {
    orgId = (await createOrganisation(db())).id;
    worker = await createUser(db(), { roles: ['social-worker'], organisationId: orgId, displayName: 'Demo Lead Worker', email: 'lead@authority.example' });
    officer = { actor: toActor(await createUser(db(), { roles: ['register-officer'], organisationId: orgId })), requestId: 't', address: '127.0.0.1', now: NOW };
  });

  it('RG5: a risk notification waits in the register officer’s queue, then linked to the household goes to the lead social worker by email and work queue', async () => {
    const f = await childOnAPlan(db(), orgId);
    await db().update(childProtectionPlans).set({ leadSocialWorkerId: worker.id }).where(eq(childProtectionPlans.id, f.plan.id));
    const input = { personName: 'Demo Risky Adult', personDateOfBirth: '1980-01-01', source: 'Probation service (demo)', receivedOn: '2026-03-01', concern: 'Released on licence; intends to live at the address.' };
    await expect(recordRiskNotification(db(), officer, { ...input, personName: '', receivedOn: '2026-03-05' })).rejects.toBeInstanceOf(ValidationError);
    await expect(recordRiskNotification(db(), officer, { ...input, receivedOn: '2026-03-05' })).rejects.toMatchObject({ errors: [{ field: 'receivedOn' }] });
    await expect(recordRiskNotification(db(), officer, { ...input, concern: 'a\u0000b' })).rejects.toMatchObject({ errors: [{ field: 'concern' }] });
    const social = { ...officer, actor: toActor(worker) };
    await expect(recordRiskNotification(db(), social, input)).rejects.toBeInstanceOf(ForbiddenError);

    const { id } = await recordRiskNotification(db(), officer, input);
    let queue = await queueForRole(db(), officer.actor!, 'register-officer', NOW, 'national');
    expect(queue['risk-notifications']?.map((i) => i.href)).toEqual([`/register/risk-notifications/${id}`]);

    const { told } = await sendRiskNotification(db(), officer, id, { householdId: f.household.id, version: '1' });
    expect(told).toBe(1);
    await expect(sendRiskNotification(db(), officer, id, { householdId: f.household.id, version: '2' })).rejects.toBeInstanceOf(ConflictError);
    const [recipient] = await db().select().from(riskNotificationRecipients).where(eq(riskNotificationRecipients.notificationId, id));
    expect(recipient).toMatchObject({ childId: f.child.id, socialWorkerId: worker.id });
    const [message] = await db().select().from(outboxMessages).where(eq(outboxMessages.relatedId, id));
    expect(message).toMatchObject({ toAddress: 'lead@authority.example' });
    expect(message!.bodyText).toContain('Demo Risky Adult');
    queue = await queueForRole(db(), officer.actor!, 'register-officer', NOW, 'national');
    expect(queue['risk-notifications']).toEqual([]);
    const workerQueue = await queueForRole(db(), toActor(worker), 'social-worker', NOW, 'national');
    expect(workerQueue['risk-notifications']?.[0]).toMatchObject({ title: 'Risk notification: Alpha Testington', href: `/plans/${f.plan.id}` });
    const audited = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'risk-notification-sent'), eq(auditEvents.childId, f.child.id)));
    expect(audited).toHaveLength(1);
  });

  it('RG6: the quarterly list names an under-5 whose parents agreed (DC8) and counts the others; generated, reviewed, sent through the outbox and kept', async () => {
    const agreed = await childOnAPlan(db(), orgId);
    const refused = await childOnAPlan(db(), orgId);
    const older = await childOnAPlan(db(), orgId);
    const elsewhere = await childOnAPlan(db(), orgId);
    for (const [f, dob, postcode, dc8] of [[agreed, '2023-01-01', 'ZZ1 2AB', 'told'], [refused, '2024-06-01', 'zz1 9xy', 'not-told'], [older, '2019-05-01', 'ZZ1 3CD', 'told'], [elsewhere, '2023-02-02', 'ZZ7 1AA', 'told']] as const) {
      await db().update(people).set({ dateOfBirth: dob, givenNames: `Child${dc8}${dob.slice(0, 4)}` }).where(eq(people.id, f.child.id));
      await db().insert(addresses).values({ personId: f.child.id, line1: '1 Demo Street', town: 'Demoton', postcode, fromDate: '2025-01-01' });
      const [cc] = await db().select().from(conferenceChildren).where(eq(conferenceChildren.conferenceId, f.conference.id));
      await db().insert(meetingDecisions).values({ conferenceId: f.conference.id, childId: f.child.id, conferenceChildId: cc!.id, outcome: 'plan', quorate: true, childrensCentre: dc8, decidedAt: NOW, updatedAt: NOW });
    }
    await expect(saveCentre(db(), officer, { name: 'Demo Centre', secureEmail: 'centre@demo.example', postcodeDistricts: 'ZZ1 2AB' })).rejects.toBeInstanceOf(ValidationError);
    const centreId = await saveCentre(db(), officer, { name: 'Demo Centre', secureEmail: 'centre@demo.example', postcodeDistricts: 'zz1, ZZ2' });
    let queue = await queueForRole(db(), officer.actor!, 'register-officer', NOW, 'national');
    expect(queue['centre-lists']?.[0]).toMatchObject({ title: '2026-Q1 list for Demo Centre: to generate' });

    const listId = await generateCentreList(db(), officer, centreId);
    let [list] = await db().select().from(childrensCentreLists).where(eq(childrensCentreLists.id, listId));
    expect(list!.named.map((n) => n.childId)).toEqual([agreed.child.id]);
    expect(list!.unnamedCount).toBe(1);
    expect(list!.quarter).toBe('2026-Q1');
    await expect(sendCentreList(db(), officer, listId, list!.version)).rejects.toBeInstanceOf(ConflictError); // not reviewed yet
    await reviewCentreList(db(), officer, listId, list!.version);
    [list] = await db().select().from(childrensCentreLists).where(eq(childrensCentreLists.id, listId));
    await sendCentreList(db(), officer, listId, list!.version);
    [list] = await db().select().from(childrensCentreLists).where(eq(childrensCentreLists.id, listId));
    expect(list).toMatchObject({ status: 'sent', sentBy: officer.actor!.id });
    const [message] = await db().select().from(outboxMessages).where(eq(outboxMessages.id, list!.outboxMessageId!));
    expect(message!.toAddress).toBe('centre@demo.example');
    expect(message!.bodyText).toContain('Childtold2023');
    expect(message!.bodyText).not.toContain('Childnot-told2024');
    expect(message!.bodyText).toContain('did not agree to be named: 1');
    await expect(generateCentreList(db(), officer, centreId)).rejects.toBeInstanceOf(ConflictError);
    queue = await queueForRole(db(), officer.actor!, 'register-officer', NOW, 'national');
    expect(queue['centre-lists']).toEqual([]);
    const disclosed = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'disclosed-to-childrens-centre'), eq(auditEvents.childId, agreed.child.id)));
    expect(disclosed).toHaveLength(1);
  });
});
