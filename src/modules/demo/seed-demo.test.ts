import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isNull, isNotNull } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { childProtectionPlans, conferences, people, referrals, section47Enquiries, strategyDiscussions, users } from '../../db/schema/index.js';
import { ROLE_IDS } from '../../policies/roles.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { seedDemo } from './seed-demo.js';

describeEachEngine('demo data', (engine) => {
  const suite = suiteDatabase(engine);
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-demo-'));
  });

  it('seeds one user per role, 20 synthetic children and families at every stage', async () => {
    const result = await seedDemo(suite.db(), { password: null, dataDir, now: new Date('2026-03-02T10:00:00Z'), pack: 'hertfordshire' });
    expect(result.seeded).toBe(true);
    const db = suite.db();
    expect((await db.select().from(users)).map((u) => u.username).sort()).toEqual([...ROLE_IDS].sort());
    const children = (await db.select().from(people)).filter((p) => p.kind === 'child');
    expect(children).toHaveLength(20);
    expect(children.every((c) => /^DEMO\d{4}$/.test(c.laChildId ?? ''))).toBe(true);
    expect(children.some((c) => c.dateOfBirth === null && c.expectedDeliveryDate !== null && c.sex === 'U')).toBe(true);
    expect((await db.select().from(referrals)).length).toBe(20);
    expect((await db.select().from(strategyDiscussions)).length).toBeGreaterThanOrEqual(8);
    expect((await db.select().from(section47Enquiries)).length).toBeGreaterThan(0);
    const confs = await db.select().from(conferences);
    expect(confs.some((c) => c.status === 'requested' && c.dueRuleId === 'TS1' && c.dueDate !== null)).toBe(true);
    expect(confs.some((c) => c.status === 'held')).toBe(true);
    expect((await db.select().from(childProtectionPlans).where(isNull(childProtectionPlans.endDate))).length).toBeGreaterThan(0);
    expect((await db.select().from(childProtectionPlans).where(isNotNull(childProtectionPlans.endDate))).length).toBeGreaterThan(0);
  });

  it('saves the random demo password to a file only its owner can read', () => {
    const file = path.join(dataDir, 'DEMO-PASSWORD');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8').trim().length).toBeGreaterThanOrEqual(12);
  });

  it('never seeds a database that already has users', async () => {
    const again = await seedDemo(suite.db(), { password: 'another-password', dataDir, now: new Date('2026-03-02T10:00:00Z') });
    expect(again.seeded).toBe(false);
    expect(await suite.db().$count(users)).toBe(ROLE_IDS.length);
  });
});
