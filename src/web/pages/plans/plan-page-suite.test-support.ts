import { beforeAll } from 'vitest';
import { planFixture } from '../../../modules/plans/plan-fixture.test-support.js';
import type { Engine } from '../../../../test/support/database.js';
import { signedInApp, type SignedInApp, type SignedInAppOptions } from '../../../../test/support/signed-in-app.js';

export type PlanFixture = Awaited<ReturnType<typeof planFixture>>;

/**
 * What a plan page test needs around its tests: the signed-in app (at 20 April 2026 unless `app`
 * says otherwise) and the plan fixture made in its database before them. Call it first in the describe.
 */
export function planPageSuite(
  engine: Engine, options: { app?: SignedInAppOptions; plan?: Parameters<typeof planFixture>[1] } = {},
): SignedInApp & { f(): PlanFixture } {
  const app = signedInApp(engine, { at: '2026-04-20T10:00:00Z', ...options.app });
  let fixture: PlanFixture | undefined;
  beforeAll(async () => {
    fixture = await planFixture(app.db(), options.plan);
  });
  return {
    ...app,
    f: () => {
      if (!fixture) throw new Error('The plan fixture is used before its beforeAll ran');
      return fixture;
    },
  };
}
