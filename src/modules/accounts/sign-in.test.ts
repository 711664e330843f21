import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { argon2id } from 'hash-wasm';
import { expect, it } from 'vitest';
import { addressThrottles, users } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { createUser, TEST_PASSWORD } from '../../../test/support/factories.js';
import { suiteWithOrganisation } from '../../../test/support/suite-database.js';
import type { ActionContext } from '../shared/action-context.js';
import { signIn } from './sign-in.js';

/** A deliberately cheap argon2id hash of the test password: 60 verifications on a shared CI
 *  machine must not take minutes (the parameters are read from the hash itself). */
const cheapHash = () =>
  argon2id({ password: TEST_PASSWORD, salt: randomBytes(16), parallelism: 1, iterations: 1, memorySize: 64, hashLength: 32, outputType: 'encoded' });

const now = new Date('2026-03-02T10:00:00Z');
const from = (address: string): ActionContext => ({ actor: null, requestId: null, address, now });

describeEachEngine('sign-in counters under parallel guessing', (engine) => {
  const suite = suiteWithOrganisation(engine);

  it('60 wrong passwords at once from 60 addresses lock the account, count every guess that gets past the lock, and then refuse the right password', async () => {
    const db = suite.db();
    const victim = await createUser(db, { roles: ['social-worker'], username: 'parallel-victim', organisationId: suite.orgId() });
    await db.update(users).set({ passwordHash: await cheapHash() }).where(eq(users.id, victim.id));
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signIn(db, from(`10.0.0.${i}`), { username: 'parallel-victim', password: `guess ${i}` })),
    );
    expect(results.every((r) => r.outcome !== 'signed-in')).toBe(true);
    const [row] = await db.select().from(users).where(eq(users.id, victim.id));
    // The old read-then-write counter left 1. Guesses that reach the lock check after the lock
    // are refused uncounted, so how many count beyond the threshold is timing: at least 5, at most 60.
    expect(row?.failedSignIns).toBeGreaterThanOrEqual(5);
    expect(row?.failedSignIns).toBeLessThanOrEqual(60);
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(now.getTime());
    expect(results.filter((r) => r.outcome === 'account-locked').length).toBeGreaterThanOrEqual(56);

    const right = await signIn(db, from('10.0.1.1'), { username: 'parallel-victim', password: TEST_PASSWORD });
    expect(right.outcome).toBe('account-locked');
  }, 120_000);

  it('60 wrong passwords at once from one address count the failures for that address and block it', async () => {
    const db = suite.db();
    const user = await createUser(db, { roles: ['chair'], username: 'parallel-address', organisationId: suite.orgId() });
    await db.update(users).set({ passwordHash: await cheapHash() }).where(eq(users.id, user.id));
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => signIn(db, from('192.0.2.7'), { username: 'parallel-address', password: `wrong ${i}` })),
    );
    const [throttle] = await db.select().from(addressThrottles).where(eq(addressThrottles.address, '192.0.2.7'));
    // Every refused guess counts against the address, those refused because the account had locked too.
    expect(throttle?.failures).toBe(60);
    expect(throttle?.blockedUntil?.getTime()).toBeGreaterThan(now.getTime());
    const right = await signIn(db, from('192.0.2.7'), { username: 'parallel-address', password: TEST_PASSWORD });
    expect(right.outcome).toBe('address-blocked');
  }, 120_000);

  it('an unknown username locks after 5 failures exactly as a real account does (no enumeration)', async () => {
    const db = suite.db();
    await createUser(db, { roles: ['chair'], username: 'real-person', organisationId: suite.orgId() });
    const outcomes = async (username: string, base: number) => {
      const seen: string[] = [];
      for (let i = 0; i < 6; i += 1) seen.push((await signIn(db, from(`198.51.100.${base + i}`), { username, password: 'wrong' })).outcome);
      return seen;
    };
    const real = await outcomes('real-person', 0);
    const unknown = await outcomes('no-such-person', 10);
    expect(real).toEqual(['wrong-credentials', 'wrong-credentials', 'wrong-credentials', 'wrong-credentials', 'account-locked', 'account-locked']);
    expect(unknown).toEqual(real);
  }, 120_000);
});
