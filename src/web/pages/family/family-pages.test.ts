import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, cases, householdMembers, people, relationships } from '../../../db/schema/index.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { createOrganisation, createUser } from '../../../../test/support/factories.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';

describeEachEngine('households and relationships', (engine) => {
  let worker: WebClient;
  let chair: WebClient;
  let authorityId: string;
  const { db, signedIn } = signedInApp(engine, { at: '2026-03-02T10:00:00Z' });
  beforeAll(async () => {
    const orgId = (await createOrganisation(db())).id;
    authorityId = orgId;
    await createUser(db(), { roles: ['social-worker'], username: 'worker', organisationId: orgId });
    await createUser(db(), { roles: ['chair'], username: 'chair', organisationId: orgId });
    worker = await signedIn('worker');
    chair = await signedIn('chair');
  });

  async function person(kind: 'child' | 'adult', givenNames: string) {
    const [row] = await db().insert(people).values({ kind, givenNames, familyName: 'Householdson', dateOfBirth: kind === 'child' ? '2019-01-01' : '1990-01-01' }).returning();
    return row!;
  }

  it('creates a household for a child, adds an adult found by name, records parental responsibility, and audits each step against the child', async () => {
    const child = await person('child', 'Kappa');
    const mother = await person('adult', 'Lambda');
    // The child's case is the worker's own authority's (another authority's staff would get a 404).
    const [openCase] = await db().insert(cases).values({ childId: child.id, organisationId: authorityId, openedOn: '2026-02-01' }).returning();

    const page = await worker.get(`/people/${child.id}/family`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No household recorded.');
    const bad = await worker.post(`/people/${child.id}/households`, { name: '', fromDate: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a name for the household');
    expect(bad.body).toContain('Enter the date they moved in as a real date');
    const created = await worker.post(`/people/${child.id}/households`, { name: 'Householdson, Example Row', fromDate: '2026-01-01' });
    expect(created.statusCode).toBe(302);
    const householdUrl = created.headers.location as string;
    const householdId = householdUrl.split('/')[2]!;
    expect((await db().select().from(cases).where(eq(cases.id, openCase!.id)))[0]!.householdId).toBe(householdId);

    const search = await worker.get(`${householdUrl}?name=lamb`);
    expect(search.body).toContain('Lambda Householdson');
    expect(search.body).not.toMatch(/Add<span class="govuk-visually-hidden"> Kappa/);
    const added = await worker.post(`${householdUrl}/members`, { personId: mother.id, fromDate: '2026-01-01' });
    expect(added.statusCode).toBe(302);
    const twice = await worker.post(`${householdUrl}/members`, { personId: mother.id, fromDate: '2026-01-01' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('already lives in this household');

    const missing = await worker.post(`/people/${child.id}/relationships`, { personId: mother.id, type: 'mother' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Say whether they hold parental responsibility');
    expect(await db().$count(relationships)).toBe(0);
    await worker.get(`/people/${child.id}/family`);
    const saved = await worker.post(`/people/${child.id}/relationships`, { personId: mother.id, type: 'mother', parentalResponsibility: 'yes', livesWithChild: 'yes' });
    expect(saved.statusCode).toBe(302);
    const [rel] = await db().select().from(relationships).where(eq(relationships.childId, child.id));
    expect(rel).toMatchObject({ personId: mother.id, type: 'mother', parentalResponsibility: true, livesWithChild: true });

    const audited = await db().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.childId, child.id));
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['household-created', 'household-member-added', 'relationship-added', 'child-record-viewed']));

    // A chair may read the family but not change it.
    const seen = await chair.get(`/people/${child.id}/family`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain('Lambda Householdson');
    expect(seen.body).not.toContain('Save the relationship');
    expect((await chair.post(`/people/${child.id}/relationships`, { personId: mother.id, type: 'father', parentalResponsibility: 'no', livesWithChild: 'no' })).statusCode).toBe(403);
  });

  it('records a move out with a date not before the move in, and removes a mistaken relationship after confirmation', async () => {
    const child = await person('child', 'Mu');
    const adult = await person('adult', 'Nu');
    await worker.get(`/people/${child.id}/family`);
    const householdId = ((await worker.post(`/people/${child.id}/households`, { name: 'Nu household', fromDate: '2026-01-10' })).headers.location as string).split('/')[2]!;
    await worker.get(`/households/${householdId}`);
    await worker.post(`/households/${householdId}/members`, { personId: adult.id, fromDate: '2026-01-10' });
    const [member] = await db().select().from(householdMembers).where(and(eq(householdMembers.householdId, householdId), eq(householdMembers.personId, adult.id)));
    const leaveUrl = `/households/${householdId}/members/${member!.id}/leave`;
    expect((await worker.get(leaveUrl)).body).toContain('Date they left');
    const early = await worker.post(leaveUrl, { toDate: '2025-12-31' });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('cannot be before they moved in');
    expect((await worker.post(leaveUrl, { toDate: '2026-02-20' })).statusCode).toBe(302);
    const after = await worker.get(`/households/${householdId}`);
    expect(after.body).toContain('Lived here before');

    await db().insert(relationships).values({ childId: child.id, personId: adult.id, type: 'father', parentalResponsibility: false, livesWithChild: false });
    const [rel] = await db().select().from(relationships).where(eq(relationships.childId, child.id));
    const confirm = await worker.get(`/people/${child.id}/relationships/${rel!.id}/remove`);
    expect(confirm.body).toContain('Yes, remove the relationship');
    expect(await db().$count(relationships, eq(relationships.childId, child.id))).toBe(1);
    expect((await worker.post(`/people/${child.id}/relationships/${rel!.id}/remove`, {})).statusCode).toBe(302);
    expect(await db().$count(relationships, eq(relationships.childId, child.id))).toBe(0);
  });
});
