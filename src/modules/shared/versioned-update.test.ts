import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { people } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { ConflictError } from './errors.js';
import { bumpVersion, saveVersioned, updateAtVersion } from './versioned-update.js';

const lost = () => new ConflictError('This record changed while you were looking at it: check it again.');

describeEachEngine('one optimistic-concurrency write for versioned records', (engine) => {
  const suite = suiteDatabase(engine);

  const aChild = async (familyName: string) => {
    const [row] = await suite.db().insert(people).values({ kind: 'child', familyName }).returning();
    return row!;
  };
  const stored = async (id: string) => (await suite.db().select().from(people).where(eq(people.id, id)))[0]!;

  it('an update at the version seen applies the changes, moves the version on and returns the id and new version', async () => {
    const child = await aChild('Testington');
    const row = await updateAtVersion(suite.db(), people, child, { givenNames: 'Alpha' }, lost);
    expect(row).toEqual({ id: child.id, version: child.version + 1 });
    expect(await stored(child.id)).toMatchObject({ givenNames: 'Alpha', version: child.version + 1 });
  });

  it("a stale version throws the caller's own error and writes nothing", async () => {
    const child = await aChild('Stalewood');
    await updateAtVersion(suite.db(), people, child, { givenNames: 'First' }, lost);
    const attempt = updateAtVersion(suite.db(), people, child, { givenNames: 'Second' }, lost);
    await expect(attempt).rejects.toThrow(new ConflictError('This record changed while you were looking at it: check it again.'));
    expect(await stored(child.id)).toMatchObject({ givenNames: 'First', version: child.version + 1 });
  });

  it('a row found by another key is checked and bumped the same way', async () => {
    const child = await aChild('Keyed');
    const seen = { where: eq(people.familyName, 'Keyed'), version: child.version };
    expect(await updateAtVersion(suite.db(), people, seen, { givenNames: 'K' }, lost)).toEqual({ id: child.id, version: child.version + 1 });
    await expect(updateAtVersion(suite.db(), people, seen, { givenNames: 'L' }, lost)).rejects.toBeInstanceOf(ConflictError);
  });

  it('a further condition that no longer holds is lost like a stale version', async () => {
    const child = await aChild('Kindly');
    await expect(updateAtVersion(suite.db(), people, child, { givenNames: 'X' }, lost, eq(people.kind, 'adult'))).rejects.toBeInstanceOf(ConflictError);
    expect(await stored(child.id)).toMatchObject({ givenNames: '', version: child.version });
  });

  it('twenty saves at the same version at once: exactly one wins, the rest are told', async () => {
    const child = await aChild('Racer');
    const db = suite.db();
    const savers = Array.from({ length: 20 }, (_, i) => `Saver ${i}`);
    const results = await Promise.allSettled(savers.map((givenNames) => db.transaction((tx) => updateAtVersion(tx, people, child, { givenNames }, lost))));
    const won = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.reason).toBeInstanceOf(ConflictError);
    const after = await stored(child.id);
    expect(after.version).toBe(child.version + 1);
    expect(after.givenNames).toBe(savers[results.indexOf(won[0]!)]);
  });

  it('saveVersioned inserts when there is nothing yet and changes at the version seen after', async () => {
    const db = suite.db();
    const id = await saveVersioned(db, people, null, { givenNames: 'New' }, { kind: 'child', familyName: 'Newby', givenNames: 'New' }, lost);
    const made = await stored(id);
    expect(made).toMatchObject({ familyName: 'Newby', version: 1 });
    expect(await saveVersioned(db, people, made, { givenNames: 'Changed' }, { kind: 'child', familyName: 'Unused' }, lost)).toBe(id);
    expect(await stored(id)).toMatchObject({ givenNames: 'Changed', version: 2 });
    await expect(saveVersioned(db, people, made, { givenNames: 'Late' }, { kind: 'child', familyName: 'Unused' }, lost)).rejects.toBeInstanceOf(ConflictError);
  });

  it('bumpVersion moves the version on without a check, for steps already made safe', async () => {
    const child = await aChild('Systemic');
    const [row] = await bumpVersion(suite.db(), people, eq(people.id, child.id), { familyName: 'Systematic' });
    expect(row).toEqual({ id: child.id, version: child.version + 1 });
    expect(await stored(child.id)).toMatchObject({ familyName: 'Systematic', version: child.version + 1 });
  });
});
