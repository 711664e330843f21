import { describe, expect, it } from 'vitest';
import { mayChangeOwnAdminStatus, mayManageOwnAccount, mayManageUsers } from './accounts.js';
import { mayReadAudit } from './audit.js';
import { ROLE_IDS, type Actor, type RoleId } from './roles.js';

function actor(...roles: RoleId[]): Actor {
  return { id: 'u1', username: 'x', displayName: 'X', organisationId: 'o', teamId: null, roles };
}

describe('account policies', () => {
  it.each(ROLE_IDS)('only administrators manage users (%s)', (role) => {
    expect(mayManageUsers(actor(role))).toBe(role === 'administrator');
  });
  it('nobody signed out manages anything', () => {
    expect(mayManageUsers(null)).toBe(false);
    expect(mayManageOwnAccount(null)).toBe(false);
    expect(mayReadAudit(null)).toBe(false);
  });
  it('an administrator cannot change their own administrator status', () => {
    expect(mayChangeOwnAdminStatus(actor('administrator'), 'u1')).toBe(false);
    expect(mayChangeOwnAdminStatus(actor('administrator'), 'u2')).toBe(true);
  });
  it.each(ROLE_IDS)('only auditors read the audit trail (%s)', (role) => {
    expect(mayReadAudit(actor(role))).toBe(role === 'auditor');
  });
});
