import { count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, childProtectionPlans, people, personMatchKeys, relationships } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { blockingKeys } from '../../domain/matching/keys.js';
import { importPeople } from '../enquiry/import-people.js';
import { keySourceOf } from '../enquiry/match-keys.js';
import { findCandidates, parseEnquiryQuery } from '../enquiry/search-people.js';
import { systemContext } from '../shared/action-context.js';
import { bulkLoadPeople, type BulkLoadSummary } from './bulk-load.js';
import { syntheticPeople, syntheticRecords } from './synthetic-population.js';

const now = new Date('2026-03-02T10:00:00Z');
const TODAY = '2026-03-02';
const COUNT = 400;
const population = (seed: number) => syntheticPeople({ count: COUNT, seed, today: TODAY });

describeEachEngine('demo generate: the bulk load', (engine) => {
  const suite = suiteDatabase(engine);
  const indexes = async () =>
    ((await suite.db().execute(sql`
      select indexdef from pg_indexes where tablename in ('people', 'addresses', 'person_match_keys', 'relationships') order by indexdef`)) as unknown as { rows: { indexdef: string }[] }).rows.map((r) => r.indexdef);
  const foreignKeys = async () =>
    ((await suite.db().execute(sql`
      select conname from pg_constraint where contype = 'f' and conrelid in ('addresses'::regclass, 'person_match_keys'::regclass, 'relationships'::regclass) order by conname`)) as unknown as { rows: { conname: string }[] }).rows.map((r) => r.conname);
  let before: { indexes: string[]; foreignKeys: string[] };
  let loaded: BulkLoadSummary;

  beforeAll(async () => {
    before = { indexes: await indexes(), foreignKeys: await foreignKeys() };
    // Dropping and rebuilding the indexes is what a million-person load does: force it on a small one.
    loaded = await bulkLoadPeople(suite.handle(), systemContext(now), population(7), { expected: COUNT, rebuildIndexes: true });
  });

  it('loads every person with their keys, parents and plans, and builds the indexes and foreign keys again', async () => {
    const expected = [...population(7)];
    expect(loaded).toMatchObject({ people: COUNT, alreadyLoaded: false, rebuiltIndexes: true });
    expect(loaded.plansStarted).toBe(expected.filter((p) => p.child && p.onPlan).length);
    const [{ n } = { n: 0 }] = await suite.db().select({ n: count() }).from(people);
    expect(n).toBe(COUNT);
    expect(await indexes()).toEqual(before.indexes);
    expect(await foreignKeys()).toEqual(before.foreignKeys);
    const plans = await suite.db().select().from(childProtectionPlans).where(isNull(childProtectionPlans.endDate));
    expect(plans).toHaveLength(loaded.plansStarted);
    const [event] = await suite.db().select().from(auditEvents).where(eq(auditEvents.action, 'people-generated'));
    expect(event!.details).toMatchObject({ people: COUNT, plansStarted: loaded.plansStarted });
  });

  it('files each person under the keys the matcher gives them, and each child under their parents', async () => {
    const child = [...population(7)].find((p) => p.child && p.parents.length === 2 && p.previousPostcode)!;
    const [row] = await suite.db().select().from(people).where(eq(people.externalRef, child.personId));
    const keys = (await suite.db().select({ key: personMatchKeys.key }).from(personMatchKeys).where(eq(personMatchKeys.personId, row!.id))).map((k) => k.key).sort();
    expect(keys).toEqual(blockingKeys(keySourceOf(row!, [child.postcode, child.previousPostcode!])));
    const parents = await suite.db().select({ type: relationships.type, ref: people.externalRef }).from(relationships).innerJoin(people, eq(people.id, relationships.personId)).where(eq(relationships.childId, row!.id));
    expect(parents.map((p) => ({ type: p.type, ref: p.ref })).sort((a, b) => a.ref!.localeCompare(b.ref!))).toEqual(
      child.parents.map((p) => ({ type: p.relation, ref: p.personId })).sort((a, b) => a.ref.localeCompare(b.ref)),
    );
    // The enquiry finds the child through a parent's name alone when the child's family name is wrong.
    const mother = [...population(7)].find((p) => p.personId === child.parents[0]!.personId)!;
    const found = await findCandidates(suite.db(), parseEnquiryQuery({ given: child.givenNames.split(' ')[0], family: 'Zzyzx', parents: [{ given: mother.givenNames, family: mother.familyName }] }, TODAY));
    expect(found.map((c) => c.externalRef)).toContain(child.personId);
  });

  it('leaves a population already there alone, and the importer finds every row of it unchanged', async () => {
    const again = await bulkLoadPeople(suite.handle(), systemContext(now), population(7), { expected: COUNT });
    expect(again).toMatchObject({ alreadyLoaded: true, people: 0 });
    const summary = await importPeople(suite.db(), systemContext(now), syntheticRecords({ count: COUNT, seed: 7, today: TODAY }));
    expect(summary).toMatchObject({ rows: COUNT, created: 0, updated: 0, unchanged: COUNT, skipped: [] });
  });

  it('adds a second population beside the first without rebuilding, all or nothing', async () => {
    const second = await bulkLoadPeople(suite.handle(), systemContext(now), population(8), { expected: COUNT });
    expect(second).toMatchObject({ people: COUNT, rebuiltIndexes: false });
    const refs = [...population(8)].slice(0, 3).map((p) => p.personId);
    expect(await suite.db().select({ id: people.id }).from(people).where(inArray(people.externalRef, refs))).toHaveLength(3);
    // A person the importer would refuse stops the whole load: nothing of it stays.
    const broken = [...population(9)];
    broken[COUNT - 1] = { ...broken[COUNT - 1]!, dateOfBirth: '2030-01-01' };
    await expect(bulkLoadPeople(suite.handle(), systemContext(now), broken, { expected: COUNT })).rejects.toThrow(/dateOfBirth is in the future/);
    const [{ n } = { n: 0 }] = await suite.db().select({ n: count() }).from(people);
    expect(n).toBe(2 * COUNT);
  });
});
