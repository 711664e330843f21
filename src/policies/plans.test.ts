import { describe, expect, it } from 'vitest';
import { mayApproveVisitFrequency, mayEndPlan, mayKeepPlan, mayViewPlans } from './plans.js';
import type { Actor, RoleId } from './roles.js';

const as = (...roles: RoleId[]): Actor => ({ id: 'u', username: 'u', displayName: 'U', organisationId: 'o', teamId: null, roles });

describe('plan policies', () => {
  it('only a team manager approves a visit frequency change (CG3)', () => {
    expect(mayApproveVisitFrequency(as('team-manager'))).toBe(true);
    expect(mayApproveVisitFrequency(as('social-worker'))).toBe(false);
  });

  it('a service manager ends a plan without a conference; the chair confirms a pending ending (EN1, EN6)', () => {
    expect(mayEndPlan(as('service-manager'), 'service-manager')).toBe(true);
    expect(mayEndPlan(as('social-worker'), 'service-manager')).toBe(false);
    expect(mayEndPlan(as('chair'), 'chair')).toBe(true);
    expect(mayEndPlan(as('service-manager'), 'chair')).toBe(false);
  });

  it('administrators and auditors do not browse plans', () => {
    expect(mayViewPlans(as('administrator'))).toBe(false);
    expect(mayViewPlans(as('auditor'))).toBe(false);
    expect(mayKeepPlan(as('business-support'))).toBe(false);
    expect(mayViewPlans(null)).toBe(false);
  });
});
