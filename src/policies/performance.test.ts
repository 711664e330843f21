import { describe, expect, it } from 'vitest';
import { mayViewPerformance, performanceFilter, performanceScope } from './performance.js';
import type { Actor, RoleId } from './roles.js';

const actor = (roles: RoleId[], teamId: string | null = 'team-a'): Actor => ({ id: `u-${roles.join('-')}`, username: 'x', displayName: 'X', organisationId: 'o', teamId, roles });

describe('performance indicators: who sees which figures', () => {
  it.each([
    [['service-manager'], true],
    [['register-officer'], true],
    [['team-manager'], true],
    [['chair'], true],
    [['social-worker'], false],
    [['business-support'], false],
    [['agency-practitioner'], false],
    [['enquirer'], false],
    [['administrator'], false],
    [['auditor'], false],
  ] as [RoleId[], boolean][])('%j may view: %s', (roles, allowed) => {
    expect(mayViewPerformance(actor(roles))).toBe(allowed);
  });

  it('nobody signed in sees nothing, and a team manager without a team has no scope', () => {
    expect(mayViewPerformance(null)).toBe(false);
    expect(performanceScope(actor(['team-manager'], null))).toBeNull();
  });

  it.each([
    ['a service manager asks for any team', ['service-manager'], { teamId: 'team-b' }, { teamId: 'team-b' }],
    ['a service manager asks for the whole authority', ['service-manager'], {}, {}],
    ['a team manager is narrowed to their own team', ['team-manager'], {}, { teamId: 'team-a' }],
    ['a team manager may not see another team', ['team-manager'], { teamId: 'team-b' }, null],
    ['a chair sees their own conferences', ['chair'], {}, { chairId: 'u-chair' }],
    ['a chair may not see another chair', ['chair'], { chairId: 'someone' }, null],
    ['a social worker sees nothing', ['social-worker'], {}, null],
  ] as [string, RoleId[], object, object | null][])('%s', (_name, roles, requested, expected) => {
    expect(performanceFilter(actor(roles), requested)).toEqual(expected);
  });
});
