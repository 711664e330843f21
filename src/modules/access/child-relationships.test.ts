import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/database.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { contextFor, createMeetingFixture, type MeetingFixture } from '../../../test/support/meeting-factory.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { auditEvents, cases, households, people, relationships } from '../../db/schema/index.js';
import { auditChildReads } from '../audit/child-access.js';
import { NotFoundError } from '../shared/errors.js';
import { BreakGlassRequired, childRelationship, childRelationships } from './child-record-access.js';
import { statementsOf } from '../../../test/support/statements.js';

// Issue 16: a page about several children checks the person's relationship to each in one statement,
// with the same facts as one check per child.
describeEachEngine('the relationships to several children in one statement', (engine) => {
  const suite = suiteDatabase(engine);
  let f: MeetingFixture;
  let strangerChildId: string;
  let motherId: string;
  let otherWorker: Awaited<ReturnType<typeof createUser>>;
  let elsewhere: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    const db = suite.db();
    f = await createMeetingFixture(db);
    const [alphaCase] = await db.select().from(cases).where(eq(cases.childId, f.alphaId));
    otherWorker = await createUser(db, { roles: ['social-worker'], organisationId: alphaCase!.organisationId, displayName: 'Olive Otherworker' });
    elsewhere = await createUser(db, { roles: ['social-worker'], organisationId: (await createOrganisation(db, { kind: 'local-authority' })).id });
    // A child of the same authority the fixture's staff have nothing to do with, and Alpha's mother.
    const [household] = await db.insert(households).values({ name: 'Strangers' }).returning();
    const [stranger, mother] = await db.insert(people).values([
      { kind: 'child', givenNames: 'Gamma', familyName: 'Stranger', dateOfBirth: '2018-02-02' },
      { kind: 'adult', givenNames: 'Demi', familyName: 'Testington', dateOfBirth: '1990-01-01' },
    ]).returning();
    await db.insert(cases).values({ childId: stranger!.id, householdId: household!.id, organisationId: alphaCase!.organisationId, socialWorkerId: otherWorker.id, openedOn: '2026-01-05' });
    await db.insert(relationships).values({ childId: f.alphaId, personId: mother!.id, type: 'mother' });
    strangerChildId = stranger!.id;
    motherId = mother!.id;
  });

  it('gives each person the facts of their own check, for every kind of actor', async () => {
    const db = suite.db();
    const ids = [f.alphaId, f.betaId, strangerChildId, motherId, '00000000-0000-4000-8000-000000000000'];
    for (const user of [f.socialWorker, f.teamManager, f.chair, f.minuteTaker, otherWorker, elsewhere]) {
      const { actor } = contextFor(user);
      const { result, count } = await statementsOf(db, () => childRelationships(db, actor!, [...ids, f.alphaId]));
      expect(count).toBe(1);
      expect([...result.keys()]).toEqual(ids);
      for (const id of ids) expect(result.get(id), `${user.displayName} about ${id}`).toEqual(await childRelationship(db, actor!, id));
    }
    // The facts differ between the people and the actors: the comparison above is not of empty answers.
    const worker = await childRelationships(db, contextFor(f.socialWorker).actor!, ids);
    expect(worker.get(f.alphaId)).toMatchObject({ allocated: true, actorInAuthority: true });
    expect(worker.get(motherId)).toMatchObject({ allocated: true });
    expect(worker.get(strangerChildId)).toMatchObject({ allocated: false, actorInAuthority: true });
    expect((await childRelationships(db, contextFor(f.chair).actor!, ids)).get(f.betaId)).toMatchObject({ chairsConference: true, allocated: false });
    expect(await childRelationships(db, contextFor(f.chair).actor!, [])).toEqual(new Map());
  });

  it('audits the reads of the children open to the person and refuses with the first that is not, in one check', async () => {
    const db = suite.db();
    const record = { recordType: 'conference', recordId: f.conferenceId };
    const viewed = async (userId: string) => (await db.select({ childId: auditEvents.childId }).from(auditEvents)
      .where(and(eq(auditEvents.userId, userId), eq(auditEvents.action, 'child-record-viewed'), inArray(auditEvents.childId, [f.alphaId, f.betaId, strangerChildId])))).map((r) => r.childId).sort();

    const { count } = await statementsOf(db, () => auditChildReads(db, contextFor(f.socialWorker), [f.alphaId, f.betaId], record));
    // The check of both children and the audit rows' INSERT (through its own client on PostgreSQL).
    expect(count).toBeLessThanOrEqual(2);
    expect(await viewed(f.socialWorker.id)).toEqual([f.alphaId, f.betaId].sort());

    await expect(auditChildReads(db, contextFor(f.socialWorker), [f.alphaId, strangerChildId, f.betaId], record)).rejects.toBeInstanceOf(BreakGlassRequired);
    expect(await viewed(f.socialWorker.id)).toEqual([f.alphaId, f.alphaId, f.betaId, f.betaId].sort());
    await expect(auditChildReads(db, contextFor(elsewhere), [f.alphaId, f.betaId], record)).rejects.toBeInstanceOf(NotFoundError);
    expect(await viewed(elsewhere.id)).toEqual([]);
  });
});
