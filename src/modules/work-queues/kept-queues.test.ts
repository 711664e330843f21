import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { childProtectionPlans } from '../../db/schema/index.js';
import { describeEachEngine, POSTGRES_ADMIN_URL } from '../../../test/support/database.js';
import { childOnAPlan } from '../../../test/support/escalation-factory.js';
import { createUser } from '../../../test/support/factories.js';
import { suiteWithOrganisation } from '../../../test/support/suite-database.js';
import { toActor } from '../accounts/load-actor.js';
import { rowsOf } from '../shared/rows-of.js';
import { keptQueuesFor } from './kept-queues.js';
import { queueForRole } from './queue-for-role.js';

const NOW = new Date('2026-03-02T10:00:20Z');
const plansIn = (queue: Awaited<ReturnType<typeof queueForRole>> | undefined) => (queue?.['core-groups'] ?? []).map((i) => i.href).sort();

describeEachEngine('work queues kept between loads of a home page', (engine) => {
  const suite = suiteWithOrganisation(engine);

  async function workerWithAPlan() {
    const db = suite.db();
    const worker = await createUser(db, { roles: ['social-worker'], organisationId: suite.orgId() });
    const fixture = await childOnAPlan(db, suite.orgId());
    await db.update(childProtectionPlans).set({ leadSocialWorkerId: worker.id }).where(eq(childProtectionPlans.id, fixture.plan.id));
    return { worker: toActor(worker), plan: fixture.plan };
  }

  it('a second load in the same minute with nothing changed is the kept list, and the same list a fresh reading gives', async () => {
    const db = suite.db();
    const { worker, plan } = await workerWithAPlan();
    const first = (await keptQueuesFor(db, worker, NOW, 'national')).get('social-worker');
    const second = (await keptQueuesFor(db, worker, new Date(NOW.getTime() + 30_000), 'national')).get('social-worker');
    expect(second).toBe(first);
    expect(plansIn(first)).toEqual([`/plans/${plan.id}`]);
    expect(second).toEqual(await queueForRole(db, worker, 'social-worker', NOW, 'national'));
  });

  it('a change written in SQL, by no action of this process, shows on the next load', async () => {
    const db = suite.db();
    const { worker, plan } = await workerWithAPlan();
    expect(plansIn((await keptQueuesFor(db, worker, NOW, 'national')).get('social-worker'))).toEqual([`/plans/${plan.id}`]);
    const other = await createUser(db, { roles: ['social-worker'], organisationId: suite.orgId() });
    await db.execute(sql`update child_protection_plans set lead_social_worker_id = ${other.id} where id = ${plan.id}`);
    expect(plansIn((await keptQueuesFor(db, worker, NOW, 'national')).get('social-worker'))).toEqual([]);
    expect(plansIn((await keptQueuesFor(db, toActor(other), NOW, 'national')).get('social-worker'))).toEqual([`/plans/${plan.id}`]);
  });

  it('the next minute is worked out afresh, and two people (or one person with other roles) never share a list', async () => {
    const db = suite.db();
    const { worker } = await workerWithAPlan();
    const first = (await keptQueuesFor(db, worker, NOW, 'national')).get('social-worker');
    expect((await keptQueuesFor(db, worker, new Date(NOW.getTime() + 40_000), 'national')).get('social-worker')).not.toBe(first);
    const asManagerToo = { ...worker, roles: ['social-worker', 'team-manager'] as const };
    const both = await keptQueuesFor(db, asManagerToo, new Date(NOW.getTime() + 40_000), 'national');
    expect([...both.keys()]).toEqual(['social-worker', 'team-manager']);
    expect(both.get('social-worker')).not.toBe(first);
  });

  it('many loads at once share one working-out', async () => {
    const db = suite.db();
    const { worker } = await workerWithAPlan();
    const at = new Date(NOW.getTime() + 120_000);
    const loads = await Promise.all(Array.from({ length: 20 }, () => keptQueuesFor(db, worker, at, 'national')));
    expect(new Set(loads.map((l) => l.get('social-worker'))).size).toBe(1);
  });

  if (engine === 'postgres') {
    it('a change another instance commits, on its own connection, shows on this instance’s next load', async () => {
      const db = suite.db();
      const { worker, plan } = await workerWithAPlan();
      expect(plansIn((await keptQueuesFor(db, worker, NOW, 'national')).get('social-worker'))).toEqual([`/plans/${plan.id}`]);
      const [{ name }] = rowsOf<{ name: string }>(await db.execute(sql`select current_database() as name`)) as [{ name: string }];
      const url = new URL(POSTGRES_ADMIN_URL);
      url.pathname = `/${name}`;
      const instance = await openDatabase({ url: url.toString() });
      try {
        await instance.db.update(childProtectionPlans).set({ endDate: '2026-03-01' }).where(eq(childProtectionPlans.id, plan.id));
      } finally {
        await instance.close();
      }
      expect(plansIn((await keptQueuesFor(db, worker, NOW, 'national')).get('social-worker'))).toEqual([]);
    });
  }
});
