import { describe, expect, it } from 'vitest';
import type { Actor, RoleId } from './roles.js';
import { mayAgreeObserver, mayManageInvitations, mayManageOutbox, mayPrintLetters, mayViewInvitations } from './invitations.js';

const as = (...roles: RoleId[]): Actor => ({ id: 'u', username: 'u', displayName: 'U', organisationId: 'o', teamId: null, roles });

describe('invitation policies', () => {
  it('business support and the chair manage; social worker and team manager only view', () => {
    expect(mayManageInvitations(as('business-support'))).toBe(true);
    expect(mayManageInvitations(as('chair'))).toBe(true);
    expect(mayManageInvitations(as('social-worker'))).toBe(false);
    expect(mayViewInvitations(as('social-worker'))).toBe(true);
    expect(mayViewInvitations(as('team-manager'))).toBe(true);
    expect(mayViewInvitations(as('agency-practitioner'))).toBe(false);
    expect(mayViewInvitations(null)).toBe(false);
  });
  it('only the chair agrees observers; only the administrator runs the outbox', () => {
    expect(mayAgreeObserver(as('chair'))).toBe(true);
    expect(mayAgreeObserver(as('business-support'))).toBe(false);
    expect(mayManageOutbox(as('administrator'))).toBe(true);
    expect(mayManageOutbox(as('business-support'))).toBe(false);
  });
  it('IN3: business support prints the posted letters; nobody else does', () => {
    expect(mayPrintLetters(as('business-support'))).toBe(true);
    for (const role of ['chair', 'social-worker', 'administrator', 'agency-practitioner'] as RoleId[]) expect(mayPrintLetters(as(role))).toBe(false);
    expect(mayPrintLetters(null)).toBe(false);
  });
});
