import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../../../test/support/database.js';
import { childOnAPlan } from '../../../../../test/support/escalation-factory.js';
import { createOrganisation, createUser } from '../../../../../test/support/factories.js';
import { signedInApp } from '../../../../../test/support/signed-in-app.js';
import { auditEvents, cases, people, retentionScheduleEntries } from '../../../../db/schema/index.js';
import { CONFIGURABLE_TYPES } from '../../../../domain/records/retention-schedule.js';

/** The form as the page fills it from the national defaults. */
function defaults(): Record<string, string> {
  const birthday = { years: '7', countFrom: 'eighteenth-birthday', atLeast: '6', withoutBirth: '25' };
  const closed: Record<string, string> = { 'section-47-unsubstantiated': '6', 'referral-no-further-action': '3', 'case-other': '6' };
  return Object.fromEntries(CONFIGURABLE_TYPES.flatMap((t) => {
    const p = closed[t] ? { years: closed[t], countFrom: 'case-closed', atLeast: '', withoutBirth: '' } : birthday;
    return [[`years-${t}`, p.years], [`countFrom-${t}`, p.countFrom], [`atLeast-${t}`, p.atLeast], [`withoutBirth-${t}`, p.withoutBirth]];
  }));
}

describeEachEngine('RC7 retention schedule page', (engine) => {
  const { db, signedIn } = signedInApp(engine, { at: '2026-03-10T10:00:00Z' });

  it('the administrator sees the defaults, is refused with field-level errors and every value kept, confirms a shorter period, and the review list counts on it at once', async () => {
    const orgId = (await createOrganisation(db(), { kind: 'local-authority' })).id;
    const adminUser = await createUser(db(), { roles: ['administrator'], username: 'rs-admin', organisationId: orgId });
    // A child who had a plan, born 2010, case closed 2020: due 2035 by default; due now if kept 2 years after closure.
    const f = await childOnAPlan(db(), orgId);
    await db().update(people).set({ dateOfBirth: '2010-01-01', givenNames: 'Shortened' }).where(eq(people.id, f.child.id));
    await db().update(cases).set({ closedOn: '2020-06-01' }).where(eq(cases.id, f.case.id));

    const admin = await signedIn('rs-admin');
    const page = await admin.get('/admin/retention-schedule');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Audio or video recordings of a conference');
    expect(page.body).toContain('Convene’s default: not yet set by this authority');
    expect((await admin.get('/records/retention')).body).not.toContain('Shortened Testington');

    const bad = await admin.post('/admin/retention-schedule', { ...defaults(), 'years-case-with-plan': 'seven', 'atLeast-case-other': '4', 'years-conference-record': '12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a whole number of years, like 7');
    expect(bad.body).toContain('value="seven"');
    expect(bad.body).toContain('value="12"');
    const floorRefused = await admin.post('/admin/retention-schedule', { ...defaults(), 'atLeast-case-other': '4' });
    expect(floorRefused.statusCode).toBe(400);
    expect(floorRefused.body).toContain('Leave this empty: the period already counts from the day the case closed');
    expect(await db().$count(retentionScheduleEntries, eq(retentionScheduleEntries.organisationId, orgId))).toBe(0);

    // Longer: saved at once.
    const longer = await admin.post('/admin/retention-schedule', { ...defaults(), 'years-conference-recording': '10' });
    expect(longer.statusCode).toBe(200);
    expect(longer.body).toContain('The retention schedule is saved: 1 record type changed.');

    // Shorter: asked to confirm, nothing saved until then.
    const shorter = { ...defaults(), 'years-conference-recording': '10', 'years-case-with-plan': '2', 'countFrom-case-with-plan': 'case-closed', 'atLeast-case-with-plan': '', 'withoutBirth-case-with-plan': '' };
    const check = await admin.post('/admin/retention-schedule', shorter);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Check the shorter retention periods');
    expect(check.body).toContain('A case in which the child had a child protection plan: 2 years after the day the case closed');
    expect((await db().select().from(retentionScheduleEntries).where(and(eq(retentionScheduleEntries.organisationId, orgId), eq(retentionScheduleEntries.recordType, 'case-with-plan'))))).toEqual([]);
    const saved = await admin.post('/admin/retention-schedule', { ...shorter, confirm: 'yes' });
    expect(saved.body).toContain('The retention schedule is saved');
    const [entry] = await db().select().from(retentionScheduleEntries).where(and(eq(retentionScheduleEntries.organisationId, orgId), eq(retentionScheduleEntries.recordType, 'case-with-plan')));
    expect(entry).toMatchObject({ years: 2, countFrom: 'case-closed', atLeastYearsAfterClosure: null, updatedBy: adminUser.id });
    const [audit] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, 'retention-schedule-changed'), eq(auditEvents.userId, adminUser.id))).orderBy(auditEvents.at).offset(1);
    expect(audit?.details).toMatchObject({ shortened: ['case-with-plan'], changes: [{ type: 'case-with-plan', old: { years: 7, countFrom: 'eighteenth-birthday', atLeastYearsAfterClosure: 6 }, new: { years: 2, countFrom: 'case-closed' } }] });
    expect((await admin.get('/admin/retention-schedule')).body).toContain('Set by this authority');

    const list = await admin.get('/records/retention');
    expect(list.body).toContain('Shortened Testington');
    expect(list.body).toContain('2 years after the case closed');
  });

  it('refuses the register officer and a social worker; another authority’s schedule is its own', async () => {
    const orgId = (await createOrganisation(db(), { kind: 'local-authority' })).id;
    await createUser(db(), { roles: ['register-officer'], username: 'rs-officer', organisationId: orgId });
    await createUser(db(), { roles: ['social-worker'], username: 'rs-worker', organisationId: orgId });
    await createUser(db(), { roles: ['administrator'], username: 'rs-other-admin', organisationId: orgId });
    for (const username of ['rs-officer', 'rs-worker']) {
      const client = await signedIn(username);
      expect((await client.get('/admin/retention-schedule')).statusCode).toBe(403);
      expect((await client.post('/admin/retention-schedule', defaults())).statusCode).toBe(403);
    }
    expect((await (await signedIn('rs-other-admin')).get('/admin/retention-schedule')).body).toContain('Convene’s default: not yet set by this authority');
  });
});
