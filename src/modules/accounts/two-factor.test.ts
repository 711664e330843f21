import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { users } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/factories.js';
import { suiteWithOrganisation } from '../../../test/support/suite-database.js';
import type { ActionContext } from '../shared/action-context.js';
import { enableTwoFactor, newTotpSecret, totpCodeAt, verifySecondFactor } from './two-factor.js';

const key = Buffer.alloc(32, 9);
const enrolledAt = new Date('2026-03-02T10:00:00Z');
const later = new Date('2026-03-02T10:05:00Z');
const at = (now: Date, address = '203.0.113.5'): ActionContext => ({ actor: null, requestId: null, address, now });
const otherThan = (code: string) => (code === '123456' ? '654321' : '123456');

describeEachEngine('second factor', (engine) => {
  const suite = suiteWithOrganisation(engine);

  async function enrolled(username: string) {
    const db = suite.db();
    const user = await createUser(db, { roles: ['chair'], username, organisationId: suite.orgId() });
    const secret = newTotpSecret();
    const codes = await enableTwoFactor(db, at(enrolledAt), user.id, secret, totpCodeAt(secret, enrolledAt), key);
    return { user, secret, codes };
  }
  const row = async (id: string) => (await suite.db().select().from(users).where(eq(users.id, id)))[0]!;

  it('stores the secret sealed (AES-256-GCM), never in plain text', async () => {
    const { user, secret } = await enrolled('tf-sealed');
    const stored = (await row(user.id)).totpSecret!;
    expect(stored.startsWith('enc:v1:')).toBe(true);
    expect(stored).not.toContain(secret);
    expect((await verifySecondFactor(suite.db(), at(later), user.id, totpCodeAt(secret, later), key)).outcome).toBe('accepted');
    // The wrong key cannot open it.
    await expect(verifySecondFactor(suite.db(), at(later), user.id, totpCodeAt(secret, later), Buffer.alloc(32, 1))).rejects.toThrow(/does not open/);
  });

  it('keeps a secret stored in plain text before sealing working, and seals it at its first use', async () => {
    const { user, secret } = await enrolled('tf-legacy');
    await suite.db().update(users).set({ totpSecret: secret }).where(eq(users.id, user.id));
    expect((await verifySecondFactor(suite.db(), at(later), user.id, totpCodeAt(secret, later), key)).outcome).toBe('accepted');
    const stored = (await row(user.id)).totpSecret!;
    expect(stored.startsWith('enc:v1:')).toBe(true);
  });

  it('refuses a code already used: the enrolment code, and a code used a moment ago, even in parallel', async () => {
    const db = suite.db();
    const { user, secret } = await enrolled('tf-replay');
    expect((await verifySecondFactor(db, at(enrolledAt), user.id, totpCodeAt(secret, enrolledAt), key)).outcome).toBe('wrong-credentials');
    const code = totpCodeAt(secret, later);
    const both = await Promise.all([
      verifySecondFactor(db, at(later), user.id, code, key),
      verifySecondFactor(db, at(later), user.id, code, key),
    ]);
    expect(both.filter((r) => r.outcome === 'accepted')).toHaveLength(1);
    const tenSecondsOn = new Date(later.getTime() + 10_000);
    expect((await verifySecondFactor(db, at(tenSecondsOn), user.id, code, key)).outcome).toBe('wrong-credentials');
  });

  it('uses a recovery code up exactly once, even when sent twice at the same moment', async () => {
    const db = suite.db();
    const { user, codes } = await enrolled('tf-recovery');
    const both = await Promise.all([verifySecondFactor(db, at(later), user.id, codes[0]!, key), verifySecondFactor(db, at(later), user.id, codes[0]!, key)]);
    expect(both.filter((r) => r.outcome === 'accepted')).toHaveLength(1);
    expect((await row(user.id)).recoveryCodes).toHaveLength(9);
  });

  it('40 wrong codes at once lock the account as wrong passwords do, and then the right code is refused', async () => {
    const db = suite.db();
    const { user, secret } = await enrolled('tf-guess');
    const wrong = otherThan(totpCodeAt(secret, later));
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => verifySecondFactor(db, at(later, `203.0.113.${100 + i}`), user.id, wrong, key)));
    expect(results.every((r) => r.outcome !== 'accepted')).toBe(true);
    const after = await row(user.id);
    // The old read-then-write counter left 1 after 60 parallel guesses. Now each guess that gets
    // past the lock check is counted atomically; how many arrive before the lock is timing, so
    // the test asks for at least the lockout threshold and no more than were sent.
    expect(after.failedSignIns).toBeGreaterThanOrEqual(5);
    expect(after.failedSignIns).toBeLessThanOrEqual(40);
    expect(after.lockedUntil!.getTime()).toBeGreaterThan(later.getTime());
    const right = await verifySecondFactor(db, at(later, '203.0.113.250'), user.id, totpCodeAt(secret, later), key);
    expect(right.outcome).toBe('account-locked');
  });

  it('counts wrong codes against the address too', async () => {
    const db = suite.db();
    const { user, secret } = await enrolled('tf-address');
    const wrong = otherThan(totpCodeAt(secret, later));
    for (let i = 0; i < 4; i += 1) await verifySecondFactor(db, at(later, '198.18.0.9'), user.id, wrong, key);
    // 16 more wrong codes at once, 4 for each of four other accounts: no account reaches its own
    // lock (5), so every one counts against the address, which reaches its limit (20) whatever the
    // interleaving. (One account taking all 16 raced its own lock against the address's count.)
    const others = [];
    for (let i = 2; i <= 6; i += 1) others.push(await enrolled(`tf-address-${i}`));
    const many = await Promise.all(others.slice(0, 4).flatMap((o) => Array.from({ length: 4 }, () => verifySecondFactor(db, at(later, '198.18.0.9'), o.user.id, 'abcdef', key))));
    expect(many.every((r) => r.outcome !== 'accepted' && r.outcome !== 'account-locked')).toBe(true);
    const fresh = others[4]!;
    const blocked = await verifySecondFactor(db, at(later, '198.18.0.9'), fresh.user.id, totpCodeAt(fresh.secret, later), key);
    expect(blocked.outcome).toBe('address-blocked');
    // The same right code from another address is accepted: the block is the address's, not the account's.
    expect((await verifySecondFactor(db, at(later, '203.0.113.77'), fresh.user.id, totpCodeAt(fresh.secret, later), key)).outcome).toBe('accepted');
  });
});
