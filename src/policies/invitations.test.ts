import { describe, it } from 'vitest';
import { expectRoles } from '../../test/support/policy-expectations.js';
import { mayAgreeObserver, mayManageInvitations, mayManageOutbox, mayPrintLetters, mayViewInvitations } from './invitations.js';

describe('invitation policies', () => {
  it('business support and the chair manage; social worker and team manager only view', () => {
    expectRoles(mayManageInvitations, { allowed: ['business-support', 'chair'], refused: ['social-worker'] });
    expectRoles(mayViewInvitations, { allowed: ['social-worker', 'team-manager'], refused: ['agency-practitioner', null] });
  });
  it('only the chair agrees observers; only the administrator runs the outbox', () => {
    expectRoles(mayAgreeObserver, { allowed: ['chair'], refused: ['business-support'] });
    expectRoles(mayManageOutbox, { allowed: ['administrator'], refused: ['business-support'] });
  });
  it('IN3: business support prints the posted letters; nobody else does', () => {
    expectRoles(mayPrintLetters, { allowed: ['business-support'], refused: ['chair', 'social-worker', 'administrator', 'agency-practitioner', null] });
  });
});
