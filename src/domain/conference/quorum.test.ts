import { describe, expect, it } from 'vitest';
import type { AgencyId } from './agencies.js';
import { MEETING_PARTS } from './meeting-parts.js';
import { meetingRules } from './meeting-rules.js';
import { quorumForChild, type QuorumAttendee } from './quorum.js';

const ALPHA = 'child-alpha';
const BETA = 'child-beta';

function pro(agency: AgencyId, contact: string[] = [ALPHA], extra: Partial<QuorumAttendee> = {}): QuorumAttendee {
  return {
    id: `${agency}-${Math.random()}`,
    name: `${agency} person`,
    kind: 'professional',
    agency,
    status: 'present',
    partsAttended: [...MEETING_PARTS],
    excludedParts: [],
    directContactChildIds: contact,
    ...extra,
  };
}

const national = meetingRules('national').quorum;
const herts = meetingRules('hertfordshire').quorum;
const dorset = meetingRules('pan-dorset').quorum;

describe('quorum per subject child (CF1)', () => {
  const cases: { name: string; attendees: QuorumAttendee[]; quorate: boolean; counting: number }[] = [
    { name: 'social care and two agencies with direct contact', attendees: [pro('childrens-social-care', []), pro('health-visiting'), pro('education')], quorate: true, counting: 2 },
    { name: 'no social care', attendees: [pro('police'), pro('health-visiting'), pro('education')], quorate: false, counting: 3 },
    { name: 'only one other agency', attendees: [pro('childrens-social-care'), pro('health-visiting')], quorate: false, counting: 1 },
    { name: 'two people of one agency count once', attendees: [pro('childrens-social-care'), pro('education'), pro('education')], quorate: false, counting: 1 },
    { name: 'an agency without direct contact with the child does not count', attendees: [pro('childrens-social-care'), pro('education'), pro('housing', [BETA])], quorate: false, counting: 1 },
    { name: 'apologies do not count, even with a report', attendees: [pro('childrens-social-care'), pro('education'), pro('gp', [ALPHA], { status: 'apologies' })], quorate: false, counting: 1 },
    {
      name: 'someone who left before the decision does not count',
      attendees: [pro('childrens-social-care'), pro('education'), pro('gp', [ALPHA], { partsAttended: ['opening', 'information'] })],
      quorate: false,
      counting: 1,
    },
    { name: 'someone not yet marked present does not count', attendees: [pro('childrens-social-care'), pro('education'), pro('gp', [ALPHA], { status: 'expected' })], quorate: false, counting: 1 },
    {
      name: 'observers, the chair and family members never count',
      attendees: [
        pro('childrens-social-care'),
        pro('education'),
        pro('police', [ALPHA], { kind: 'observer' }),
        pro('gp', [ALPHA], { kind: 'chair' }),
        pro('other', [ALPHA], { kind: 'parent' }),
      ],
      quorate: false,
      counting: 1,
    },
    { name: 'three other agencies', attendees: [pro('childrens-social-care'), pro('education'), pro('gp'), pro('police')], quorate: true, counting: 3 },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { attendees, quorate, counting }) => {
    const q = quorumForChild({ childId: ALPHA, childType: 'review' }, attendees, national);
    expect(q.quorate).toBe(quorate);
    expect(q.countingAgencies).toBe(counting);
    expect(q.shortfall.length === 0).toBe(quorate);
  });

  it('is worked out for each child separately', () => {
    const attendees = [pro('childrens-social-care'), pro('education', [ALPHA, BETA]), pro('gp', [ALPHA]), pro('housing', [BETA])];
    expect(quorumForChild({ childId: ALPHA, childType: 'review' }, attendees, national).quorate).toBe(true);
    expect(quorumForChild({ childId: BETA, childType: 'review' }, attendees, national).quorate).toBe(true);
    const withoutHousing = attendees.slice(0, 3);
    expect(quorumForChild({ childId: BETA, childType: 'review' }, withoutHousing, national).quorate).toBe(false);
  });

  it('says why each agency counts or not', () => {
    const q = quorumForChild({ childId: ALPHA, childType: 'review' }, [pro('childrens-social-care'), pro('education'), pro('housing', [BETA])], national);
    const housing = q.agencies.find((a) => a.agency === 'housing');
    expect(housing?.counts).toBe(false);
    expect(housing?.why).toContain('direct contact with this child is not recorded');
    expect(q.shortfall.join(' ')).toContain('1 more agency');
  });

  it('pan-dorset has the same minimum for each child', () => {
    const q = quorumForChild({ childId: ALPHA, childType: 'initial' }, [pro('childrens-social-care'), pro('education'), pro('gp')], dorset);
    expect(q.quorate).toBe(true);
  });
});

describe('police at every Hertfordshire initial conference (CF2)', () => {
  const base = [pro('childrens-social-care'), pro('education'), pro('gp')];
  it('an initial conference without police is not quorate in Hertfordshire', () => {
    const q = quorumForChild({ childId: ALPHA, childType: 'initial' }, base, herts);
    expect(q.quorate).toBe(false);
    expect(q.shortfall.join(' ')).toContain('Police must be present at an initial conference');
  });
  it('police present (even without direct contact) satisfy it', () => {
    const q = quorumForChild({ childId: ALPHA, childType: 'initial' }, [...base, pro('police', [])], herts);
    expect(q.quorate).toBe(true);
  });
  it('police who left before the decision do not satisfy it', () => {
    const q = quorumForChild({ childId: ALPHA, childType: 'initial' }, [...base, pro('police', [], { partsAttended: ['opening'] })], herts);
    expect(q.quorate).toBe(false);
  });
  it('does not apply to a child whose conference is a review', () => {
    expect(quorumForChild({ childId: ALPHA, childType: 'review' }, base, herts).quorate).toBe(true);
  });
  it('does not apply in packs that do not require it', () => {
    for (const pack of ['national', 'pan-dorset', 'nottinghamshire', 'newcastle', 'staffordshire'] as const) {
      expect(quorumForChild({ childId: ALPHA, childType: 'initial' }, base, meetingRules(pack).quorum).quorate).toBe(true);
    }
  });
});
