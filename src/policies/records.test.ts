import { describe, expect, it } from 'vitest';
import { mayApproveDisposal, mayHandleSubjectAccess, mayRecordSubjectAccess, mayReviewRetentionOf } from './records.js';
import type { Actor, RoleId } from './roles.js';

const actor = (id: string, roles: RoleId[], organisationId = 'org'): Actor => ({ id, username: id, displayName: id, organisationId, teamId: null, roles });

describe('RC7 records policies', () => {
  it('reviews retention only for the person’s own authority, as administrator or register officer', () => {
    expect(mayReviewRetentionOf(actor('a', ['administrator']), 'org')).toBe(true);
    expect(mayReviewRetentionOf(actor('r', ['register-officer']), 'org')).toBe(true);
    expect(mayReviewRetentionOf(actor('a', ['administrator'], 'other'), 'org')).toBe(false);
    expect(mayReviewRetentionOf(actor('s', ['service-manager']), 'org')).toBe(false);
  });

  it('a disposal is approved by a second, different person', () => {
    const disposal = { proposedBy: 'a', organisationId: 'org' };
    expect(mayApproveDisposal(actor('a', ['administrator']), disposal)).toBe(false);
    expect(mayApproveDisposal(actor('r', ['register-officer']), disposal)).toBe(true);
    expect(mayApproveDisposal(actor('r', ['register-officer'], 'other'), disposal)).toBe(false);
  });

  it('a subject access request is handled by the person responsible for it', () => {
    const request = { responsibleUserId: 'ig', organisationId: 'org' };
    expect(mayRecordSubjectAccess(actor('ig', ['auditor']))).toBe(true);
    expect(mayHandleSubjectAccess(actor('ig', ['auditor']), request)).toBe(true);
    expect(mayHandleSubjectAccess(actor('ig2', ['auditor']), request)).toBe(false);
    expect(mayHandleSubjectAccess(actor('ig', ['auditor'], 'other'), request)).toBe(false);
    expect(mayHandleSubjectAccess(actor('ig', ['administrator']), request)).toBe(false);
  });
});
