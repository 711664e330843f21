import { describe, expect, it } from 'vitest';
import { mayShareSection47Outcome } from './children.js';
import { mayRecordInformationSharing } from './meeting.js';
import { ROLE_IDS, type Actor, type RoleId } from './roles.js';

const actor = (id: string, ...roles: RoleId[]): Actor => ({ id, username: id, displayName: id, organisationId: 'o', teamId: null, roles });

/** Someone asking, by their id and one role; null: nobody signed in. */
type Asker = [id: string, role: RoleId] | null;

/**
 * A policy's answers for people whose relationship to the record is their id: yes to each asker in
 * `allowed`, no to each in `refused`. Each answer is still its own expectation, named by the asker.
 */
function expectAnswers(policy: (actor: Actor | null) => boolean, answers: { allowed: Asker[]; refused: Asker[] }): void {
  const ask = (asker: Asker) => policy(asker === null ? null : actor(asker[0], asker[1]));
  const named = (asker: Asker) => (asker === null ? 'nobody signed in' : asker.join(' as '));
  for (const asker of answers.allowed) expect(ask(asker), named(asker)).toBe(true);
  for (const asker of answers.refused) expect(ask(asker), named(asker)).toBe(false);
}

describe('who shares with the family, by their relationship to the record', () => {
  it('FD6: the case’s social worker or team manager, or a service manager; nobody else', () => {
    const c = { socialWorkerId: 'sw', teamManagerId: 'tm' };
    const otherRoles = ROLE_IDS.filter((r) => !['social-worker', 'team-manager', 'service-manager'].includes(r)).map((role): Asker => ['sw', role]);
    expectAnswers((asker) => mayShareSection47Outcome(asker, c), {
      allowed: [['sw', 'social-worker'], ['tm', 'team-manager'], ['sm', 'service-manager']],
      refused: [['other', 'social-worker'], ['other', 'team-manager'], ['sw', 'business-support'], ...otherRoles, null],
    });
  });

  it('RC6: this conference’s chair or its own minute taker; nobody else', () => {
    const conference = { chairId: 'ch', minuteTakerId: 'mt' };
    expectAnswers((asker) => mayRecordInformationSharing(asker, conference), {
      allowed: [['ch', 'chair'], ['mt', 'business-support']],
      refused: [['other', 'chair'], ['other', 'business-support'], ['ch', 'social-worker'], null],
    });
  });
});
