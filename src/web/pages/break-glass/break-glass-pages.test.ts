import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, breakGlassGrants, cases, outboxMessages, people, users, visitFrequencyChanges } from '../../../db/schema/index.js';
import { planFixture } from '../../../modules/plans/plan-fixture.test-support.js';
import type { RoleId } from '../../../policies/roles.js';
import { toActor } from '../../../modules/accounts/load-actor.js';
import { queueForRole } from '../../../modules/work-queues/queue-for-role.js';
import { searchAudit } from '../../../modules/audit/search-audit.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { createOrganisation, createTeam, createUser } from '../../../../test/support/factories.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';

const REASON = 'Covering the duty desk today: the police called about a new concern for this child.';

/** Issue 19: need-to-know, the break-glass page, its alerts, and the home page's lists audited as disclosures. */
describeEachEngine('break-glass: no working relationship, a reason first', (engine) => {
  let f: Awaited<ReturnType<typeof planFixture>>;
  let outsider: Awaited<ReturnType<typeof createUser>>;
  let auditor: Awaited<ReturnType<typeof createUser>>;
  let childName: string;
  const { handle, signedIn: signInAs } = signedInApp(engine, { at: '2026-04-20T10:00:00Z', env: { CONVENE_PACK: 'national' } });
  // Signed in and landed on the home page, whose lists are themselves disclosures.
  const signedIn = async (username: string) => {
    const client = await signInAs(username);
    await client.get('/');
    return client;
  };
  beforeAll(async () => {
    const db = handle().db;
    f = await planFixture(db);
    const org = f.meeting.socialWorker.organisationId;
    const otherTeam = await createTeam(db, org, 'Safeguarding Team South');
    outsider = await createUser(db, { roles: ['social-worker'], organisationId: org, teamId: otherTeam.id, displayName: 'Olive Otherteam', username: `olive-${engine}` });
    auditor = await createUser(db, { roles: ['auditor'], organisationId: org, email: `ig-${engine}@example.gov.uk`, username: `ig-${engine}` });
    await db.update(users).set({ email: `tm-${engine}@example.gov.uk` }).where(eq(users.id, f.meeting.teamManager.id));
    const [child] = await db.select().from(people).where(eq(people.id, f.plan.childId));
    childName = child!.givenNames!;
  }, 120_000);

  it('a social worker of another team gets the break-glass page, not the record, and cannot write to it', async () => {
    const client = await signedIn(outsider.username);
    for (const url of [`/plans/${f.plan.id}`, `/people/${f.plan.childId}`, `/cases/${f.caseId}`]) {
      const res = await client.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.body).toContain('You have no working relationship with this child');
      expect(res.body).toContain(`action="/break-glass/${f.plan.childId}"`);
      expect(res.body, 'the page does not name the child').not.toContain(childName);
    }
    const before = await handle().db.select().from(people).where(eq(people.id, f.plan.childId));
    const posted = await client.post(`/people/${f.plan.childId}/edit`, { givenNames: 'Changed', familyName: 'Byoutsider' });
    expect(posted.statusCode).toBe(403);
    expect(await handle().db.select().from(people).where(eq(people.id, f.plan.childId))).toEqual(before);
    // The team's own worker and manager open it as before.
    expect((await (await signedIn(f.meeting.socialWorker.username)).get(`/plans/${f.plan.id}`)).statusCode).toBe(200);
    expect((await (await signedIn(f.meeting.teamManager.username)).get(`/people/${f.plan.childId}`)).statusCode).toBe(200);
  });

  it('the reason is required and long enough; what was typed is shown again', async () => {
    const client = await signedIn(outsider.username);
    const empty = await client.post(`/break-glass/${f.plan.childId}`, { reason: '', next: `/plans/${f.plan.id}` });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Say why you need to see this child’s record');
    const short = await client.post(`/break-glass/${f.plan.childId}`, { reason: 'Curious', next: `/plans/${f.plan.id}` });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Give the reason in at least 20 characters');
    expect(short.body).toContain('Curious');
    expect(await handle().db.$count(breakGlassGrants)).toBe(0);
  });

  it('with a reason: the record opens for this session only, the use is audited, the team manager and the auditor are told', async () => {
    const db = handle().db;
    const client = await signedIn(outsider.username);
    const granted = await client.post(`/break-glass/${f.plan.childId}`, { reason: REASON, next: `/plans/${f.plan.id}` });
    expect(granted.statusCode).toBe(302);
    expect(granted.headers.location).toBe(`/plans/${f.plan.id}`);
    expect((await client.get(`/plans/${f.plan.id}`)).statusCode).toBe(200);
    expect((await client.get(`/people/${f.plan.childId}`)).statusCode).toBe(200);
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'child-record-break-glass'), eq(auditEvents.childId, f.plan.childId)));
    expect(audit).toMatchObject({ userId: outsider.id, reason: REASON });
    const mail = await db.select().from(outboxMessages).where(eq(outboxMessages.relatedType, 'break-glass'));
    expect(mail.map((m) => m.toAddress).sort()).toEqual([`ig-${engine}@example.gov.uk`, `tm-${engine}@example.gov.uk`].sort());
    expect(mail.every((m) => !m.bodyText.includes(childName))).toBe(true);
    const tmHome = await (await signedIn(f.meeting.teamManager.username)).get('/');
    expect(tmHome.body).toContain('Break-glass access to check');
    expect(tmHome.body).toContain('Olive Otherteam opened');
    expect(tmHome.body).toContain('Covering the duty desk today');
    const igHome = await (await signedIn(auditor.username)).get('/');
    expect(igHome.body).toContain('Olive Otherteam opened a child’s record without a working relationship');
    // Signed in again: a new session, the glass is whole again.
    const again = await signedIn(outsider.username);
    expect((await again.get(`/plans/${f.plan.id}`)).statusCode).toBe(403);
  });

  it('roles with no reason to look, and other organisations, get no break-glass page and cannot grant themselves access', async () => {
    const db = handle().db;
    const health = await createOrganisation(db, { kind: 'health', name: `Elsewhere Health ${engine}` });
    const other = await createOrganisation(db, { kind: 'local-authority', name: `Otherborough ${engine}` });
    const practitioner = await createUser(db, { roles: ['agency-practitioner'], organisationId: health.id });
    const enquirer = await createUser(db, { roles: ['enquirer'], organisationId: f.meeting.socialWorker.organisationId });
    const foreignWorker = await createUser(db, { roles: ['social-worker'], organisationId: other.id });
    const grants = await db.$count(breakGlassGrants);
    for (const user of [practitioner, enquirer, foreignWorker]) {
      const client = await signedIn(user.username);
      expect([403, 404], user.roles.join()).toContain((await client.get(`/plans/${f.plan.id}`)).statusCode);
      expect((await client.get(`/plans/${f.plan.id}`)).body).not.toContain('/break-glass/');
      expect([403, 404]).toContain((await client.get(`/break-glass/${f.plan.childId}`)).statusCode);
      expect([403, 404]).toContain((await client.post(`/break-glass/${f.plan.childId}`, { reason: REASON })).statusCode);
    }
    expect(await db.$count(breakGlassGrants)).toBe(grants);
  });

  it('the children a home page lists are audited as a disclosure, in one row naming them all, which the child filter finds', async () => {
    const db = handle().db;
    const client = await signedIn(f.meeting.socialWorker.username);
    const home = await client.get('/');
    expect(home.body).toContain(childName);
    const shown = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'children-shown-in-list'), eq(auditEvents.userId, f.meeting.socialWorker.id)));
    // One page load, one row: no child twice in it, and the child on the page among them.
    const latest = shown.at(-1)!;
    expect(shown.filter((s) => s.requestId === latest.requestId)).toHaveLength(1);
    const children = (latest.details as { children: string[] }).children;
    expect(children).toContain(f.plan.childId);
    expect(new Set(children).size).toBe(children.length);
    expect(latest.details).toEqual({ list: 'home', children });
    expect(latest.childId).toBeNull();
    // The auditor asking about this child finds that page load, and not for a child it did not list.
    const found = await searchAudit(db, { childId: f.plan.childId, action: 'children-shown-in-list', page: 1 });
    expect(found.rows.map((r) => r.id)).toContain(latest.id);
    const stranger = await searchAudit(db, { childId: '00000000-0000-4000-8000-000000000000', action: 'children-shown-in-list', page: 1 });
    expect(stranger.total).toBe(0);
    // The auditor's page, filtered by the child, shows that row and how many children it names.
    const page = await (await signedIn(auditor.username)).get(`/audit?childId=${f.plan.childId}&action=children-shown-in-list`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`${children.length} ${children.length === 1 ? 'child' : 'children'} listed`);
  });

  it('every child a home page names is audited for that page load, whichever list names them', async () => {
    const db = handle().db;
    // A list that used to name the child without saying so: the team manager's visit frequency approvals.
    await db.insert(visitFrequencyChanges).values({
      planId: f.plan.id, childId: f.plan.childId, fromWeeks: 2, proposedWeeks: 4, reasons: 'Settled at home; the core group agrees.',
      requestedBy: f.meeting.socialWorker.id, requestedAt: new Date('2026-04-17T10:00:00Z'), status: 'pending',
    });
    const children = await db.selectDistinct({ id: people.id, givenNames: people.givenNames, familyName: people.familyName }).from(people).innerJoin(cases, eq(cases.childId, people.id));
    const shownTo = async (userId: string) => db.select().from(auditEvents).where(and(eq(auditEvents.action, 'children-shown-in-list'), eq(auditEvents.userId, userId)));
    for (const user of [f.meeting.socialWorker, f.meeting.teamManager, f.meeting.chair, f.meeting.minuteTaker]) {
      const client = await signedIn(user.username);
      const before = new Set((await shownTo(user.id)).map((r) => r.id));
      const body = (await client.get('/')).body;
      const audited = new Set((await shownTo(user.id)).filter((r) => !before.has(r.id)).flatMap((r) => (r.details as { children: string[] }).children));
      const named = children.filter((c) => body.includes(`${c.givenNames} ${c.familyName}`));
      if (user.id !== f.meeting.minuteTaker.id) expect(named.length, user.username).toBeGreaterThan(0);
      for (const c of named) expect([...audited], `${user.username} was shown ${c.givenNames} ${c.familyName}`).toContain(c.id);
      // Item by item, so one list cannot hide behind another naming the same child.
      for (const role of user.roles as RoleId[]) {
        const queue = await queueForRole(db, toActor(user), role, new Date('2026-04-20T10:00:00Z'), 'national');
        for (const [section, items] of Object.entries(queue)) {
          for (const item of items ?? []) {
            const text = `${item.title} ${item.detail ?? ''}`;
            for (const c of children.filter((child) => text.includes(`${child.givenNames} ${child.familyName}`))) {
              expect(item.childIds, `${role} ${section}: ${item.title}`).toContain(c.id);
            }
          }
        }
      }
    }
  });
});
