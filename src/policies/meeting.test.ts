import { describe, expect, it } from 'vitest';
import { mayChairConference, mayDistributeConferenceDocuments, mayDraftRecord, mayFollowMeeting, mayReachMeetingScreen, mayReadConferenceOutcome, mayRunMeeting } from './meeting.js';
import { ROLE_IDS, type Actor, type RoleId } from './roles.js';

function actor(id: string, ...roles: RoleId[]): Actor {
  return { id, username: id, displayName: id, organisationId: 'o', teamId: null, roles };
}

describe('meeting policies', () => {
  it.each(ROLE_IDS)('only the chair and business support run the meeting (%s)', (role) => {
    expect(mayRunMeeting(actor('u', role))).toBe(role === 'chair' || role === 'business-support');
    expect(mayDraftRecord(actor('u', role))).toBe(role === 'chair' || role === 'business-support');
    expect(mayDistributeConferenceDocuments(actor('u', role))).toBe(role === 'chair' || role === 'business-support');
  });
  it.each(ROLE_IDS)('only the chair decides (%s)', (role) => {
    expect(mayChairConference(actor('u', role), { chairId: null })).toBe(role === 'chair');
  });
  it("only the conference's own chair decides once one is assigned", () => {
    expect(mayChairConference(actor('c1', 'chair'), { chairId: 'c1' })).toBe(true);
    expect(mayChairConference(actor('c2', 'chair'), { chairId: 'c1' })).toBe(false);
    expect(mayChairConference(actor('c1', 'business-support'), { chairId: 'c1' })).toBe(false);
  });
  it('managers read the outcome; practitioners and the signed-out do not', () => {
    expect(mayReadConferenceOutcome(actor('u', 'service-manager'))).toBe(true);
    expect(mayReadConferenceOutcome(actor('u', 'agency-practitioner'))).toBe(false);
    expect(mayRunMeeting(null)).toBe(false);
    expect(mayChairConference(null, { chairId: null })).toBe(false);
  });

  it('a social worker follows the meeting of their own allocated child only, read only', () => {
    const children = [{ socialWorkerId: 'sam' }, { socialWorkerId: 'kim' }];
    expect(mayFollowMeeting(actor('sam', 'social-worker'), children)).toBe(true);
    expect(mayFollowMeeting(actor('pat', 'social-worker'), children)).toBe(false);
    expect(mayFollowMeeting(actor('sam', 'agency-practitioner'), children)).toBe(false);
    expect(mayFollowMeeting(actor('any', 'chair'), children)).toBe(true);
    expect(mayFollowMeeting(null, children)).toBe(false);
    expect(mayReachMeetingScreen(actor('pat', 'social-worker'))).toBe(true);
    expect(mayReachMeetingScreen(actor('pat', 'team-manager'))).toBe(false);
    expect(mayRunMeeting(actor('sam', 'social-worker'))).toBe(false);
  });
});
