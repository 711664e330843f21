import { describe, expect, it } from 'vitest';
import { mayShareSection47Outcome } from './children.js';
import { mayRecordInformationSharing } from './meeting.js';
import { ROLE_IDS, type Actor, type RoleId } from './roles.js';

const actor = (id: string, ...roles: RoleId[]): Actor => ({ id, username: id, displayName: id, organisationId: 'o', teamId: null, roles });

describe('who shares with the family, by their relationship to the record', () => {
  it('FD6: the case’s social worker or team manager, or a service manager; nobody else', () => {
    const c = { socialWorkerId: 'sw', teamManagerId: 'tm' };
    expect(mayShareSection47Outcome(actor('sw', 'social-worker'), c)).toBe(true);
    expect(mayShareSection47Outcome(actor('tm', 'team-manager'), c)).toBe(true);
    expect(mayShareSection47Outcome(actor('sm', 'service-manager'), c)).toBe(true);
    expect(mayShareSection47Outcome(actor('other', 'social-worker'), c)).toBe(false);
    expect(mayShareSection47Outcome(actor('other', 'team-manager'), c)).toBe(false);
    expect(mayShareSection47Outcome(actor('sw', 'business-support'), c)).toBe(false);
    for (const role of ROLE_IDS.filter((r) => !['social-worker', 'team-manager', 'service-manager'].includes(r))) expect(mayShareSection47Outcome(actor('sw', role), c)).toBe(false);
    expect(mayShareSection47Outcome(null, c)).toBe(false);
  });

  it('RC6: this conference’s chair or its own minute taker; nobody else', () => {
    const conference = { chairId: 'ch', minuteTakerId: 'mt' };
    expect(mayRecordInformationSharing(actor('ch', 'chair'), conference)).toBe(true);
    expect(mayRecordInformationSharing(actor('mt', 'business-support'), conference)).toBe(true);
    expect(mayRecordInformationSharing(actor('other', 'chair'), conference)).toBe(false);
    expect(mayRecordInformationSharing(actor('other', 'business-support'), conference)).toBe(false);
    expect(mayRecordInformationSharing(actor('ch', 'social-worker'), conference)).toBe(false);
    expect(mayRecordInformationSharing(null, conference)).toBe(false);
  });
});
