import { describe, expect, it } from 'vitest';
import type { AdultFacts, CaseFacts, ChildFacts } from './case-facts.js';
import { suggestInvitees } from './checklist.js';

const child = (over: Partial<ChildFacts> & { personId: string; name: string }): ChildFacts => ({
  role: 'subject', dateOfBirth: '2019-05-04', expectedDeliveryDate: null, gpName: null, gpPractice: 'Sampleton Surgery', disabilities: [], lookedAfter: false, iro: null, ...over,
});
const adult = (over: Partial<AdultFacts> & { personId: string; name: string }): AdultFacts => ({ gpName: null, gpPractice: null, postalAddress: '1 Example Row, ZZ1 1AA', relationships: [], ...over });

function facts(over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    pack: 'hertfordshire', conferenceKind: 'initial', onDate: '2026-03-02',
    children: [child({ personId: 'alpha', name: 'Alpha Testington' })],
    adults: [
      adult({ personId: 'demi', name: 'Demi Testington', gpPractice: 'Mockbury Practice', relationships: [{ childId: 'alpha', type: 'mother', parentalResponsibility: true, livesWithChild: true }] }),
      adult({ personId: 'fred', name: 'Fred Testington', postalAddress: null, relationships: [{ childId: 'alpha', type: 'father', parentalResponsibility: true, livesWithChild: false }] }),
    ],
    socialWorker: { userId: 'sw', name: 'Sam Sampleford', email: 'sam@la.example' },
    teamManager: { userId: 'tm', name: 'Tara Teamlead', email: 'tara@la.example' },
    policeInEnquiries: true, socialHousing: false, circumstances: {},
    ...over,
  };
}

const roles = (f: CaseFacts) => suggestInvitees(f).map((s) => s.role);
const find = (f: CaseFacts, role: string) => suggestInvitees(f).find((s) => s.role === role);

describe('invitation checklist (IN1, IN2)', () => {
  it('IN1: invites every parent with parental responsibility, the absent parent too, each with the reason', () => {
    const list = suggestInvitees(facts());
    const mother = list.find((s) => s.personId === 'demi');
    const father = list.find((s) => s.personId === 'fred');
    expect(mother).toMatchObject({ inviteeKind: 'parent', role: 'Mother', channel: 'post' });
    expect(mother?.because).toContain('parental responsibility for Alpha Testington');
    expect(father).toMatchObject({ inviteeKind: 'parent', role: 'Father', channel: 'hand' });
    expect(father?.because).toContain('does not live with them');
  });

  it('IN1: suggests a birth father without parental responsibility, and a carer living with the child as family', () => {
    const f = facts({
      adults: [
        adult({ personId: 'bf', name: 'Bert Father', relationships: [{ childId: 'alpha', type: 'father', parentalResponsibility: false, livesWithChild: false }] }),
        adult({ personId: 'sp', name: 'Stef Stepford', relationships: [{ childId: 'alpha', type: 'step-parent', parentalResponsibility: false, livesWithChild: true }] }),
        adult({ personId: 'gran', name: 'Gran Elsewhere', relationships: [{ childId: 'alpha', type: 'grandparent', parentalResponsibility: false, livesWithChild: false }] }),
      ],
    });
    const list = suggestInvitees(f);
    expect(list.find((s) => s.personId === 'bf')?.because).toContain('best efforts');
    expect(list.find((s) => s.personId === 'sp')).toMatchObject({ inviteeKind: 'family-member', role: 'Step-parent' });
    expect(list.find((s) => s.personId === 'gran')).toBeUndefined();
  });

  it('IN1: suggests the child from 12, not younger, and the social worker and team manager always', () => {
    expect(suggestInvitees(facts()).some((s) => s.inviteeKind === 'child')).toBe(false);
    const teen = facts({ children: [child({ personId: 'alpha', name: 'Alpha Testington', dateOfBirth: '2013-01-01' })] });
    expect(suggestInvitees(teen).find((s) => s.inviteeKind === 'child')?.because).toContain('is 13');
    expect(roles(facts())).toEqual(expect.arrayContaining(['Social worker', 'Team manager']));
    expect(find(facts({ pack: 'nottinghamshire' }), 'Team manager')?.because).toContain('Nottinghamshire');
  });

  it('IN2: police at every initial; at a review only for an investigation, domestic abuse or neglect', () => {
    expect(roles(facts())).toContain('Police');
    expect(find(facts(), 'Police')?.because).toContain('took part in the enquiries');
    expect(roles(facts({ conferenceKind: 'review' }))).not.toContain('Police');
    expect(find(facts({ conferenceKind: 'review', circumstances: { domesticAbuse: true } }), 'Police')?.because).toContain('domestic abuse');
  });

  it('IN2: health visitor for an under-5, school nurse and school for a school-age child', () => {
    const two = facts({ children: [child({ personId: 'a', name: 'Alpha', dateOfBirth: '2023-01-01' }), child({ personId: 'b', name: 'Beta', dateOfBirth: '2016-01-01' })] });
    expect(find(two, 'Health visitor')?.because).toContain('Alpha');
    expect(find(two, 'School nurse')?.because).toContain('Beta');
    expect(find(two, 'School designated safeguarding lead')?.because).toContain('Beta');
    const baby = facts({ children: [child({ personId: 'a', name: 'Alpha', dateOfBirth: '2025-06-01' })] });
    expect(roles(baby)).not.toContain('School nurse');
  });

  it('IN2: one GP per practice, naming each child and parent it covers', () => {
    const list = suggestInvitees(facts({ children: [child({ personId: 'alpha', name: 'Alpha Testington', gpPractice: 'Mockbury Practice' })] }));
    const gps = list.filter((s) => s.agency === 'gp');
    expect(gps).toHaveLength(1);
    expect(gps[0]?.because).toContain('Alpha Testington, Demi Testington');
    expect(gps[0]?.organisationName).toBe('Mockbury Practice');
    const split = suggestInvitees(facts());
    expect(split.filter((s) => s.agency === 'gp').map((s) => s.role)).toEqual(['GP (Sampleton Surgery)', 'GP (Mockbury Practice)']);
    expect(find(facts({ pack: 'nottinghamshire' }), 'GP (Sampleton Surgery)')?.because).toContain('receives its summary');
  });

  it('UB2/IN2: midwives and the midwifery manager for an unborn child', () => {
    const f = facts({ conferenceKind: 'pre-birth', children: [child({ personId: 'u', name: 'Unborn Testington', dateOfBirth: null, expectedDeliveryDate: '2026-07-01' })] });
    expect(roles(f)).toEqual(expect.arrayContaining(['Community midwife', 'Hospital midwife', 'Midwifery manager']));
    expect(roles(facts())).not.toContain('Community midwife');
  });

  it('IN2: housing only for social housing; legal only when the team manager asks', () => {
    expect(roles(facts())).not.toContain('Housing officer');
    expect(roles(facts({ socialHousing: true }))).toContain('Housing officer');
    expect(roles(facts())).not.toContain('Local authority solicitor');
    expect(roles(facts({ circumstances: { legalAdviceRequestedByTeamManager: true } }))).toContain('Local authority solicitor');
  });

  it('IN2: the out-of-hours team on any of its three conditions, and not on two referrals', () => {
    expect(roles(facts({ circumstances: { outOfHoursReferralsLastSixMonths: 2 } }))).not.toContain('Out-of-hours social worker');
    expect(find(facts({ circumstances: { outOfHoursReferralsLastSixMonths: 3 } }), 'Out-of-hours social worker')?.because).toContain('3 of their referrals');
    expect(find(facts({ circumstances: { incidentBeganOutOfHours: true } }), 'Out-of-hours social worker')?.because).toContain('began out of hours');
    expect(find(facts({ circumstances: { protectionViaOutOfHours: true } }), 'Out-of-hours social worker')?.because).toContain('police protection');
  });

  it('IN2: a paediatrician for an injury, a report, a dispute, a disability or growth concern', () => {
    expect(roles(facts())).not.toContain('Community paediatrician');
    expect(find(facts({ circumstances: { newInjury: true } }), 'Community paediatrician')?.because).toContain('new physical injury');
    expect(find(facts({ children: [child({ personId: 'a', name: 'Alpha', disabilities: ['LD'] })] }), 'Community paediatrician')?.because).toContain('disability');
    expect(roles(facts({ circumstances: { growthOrDevelopmentConcern: true } }))).toContain('Community paediatrician');
  });

  it("IN2: children's centre for an under-5 it works with; the Guardian as observer in proceedings; the IRO for a looked-after child", () => {
    const baby = [child({ personId: 'a', name: 'Alpha', dateOfBirth: '2024-01-01' })];
    expect(roles(facts({ children: baby, circumstances: { childrensCentreWorkingIntensively: true } }))).toContain("Children's centre worker");
    expect(roles(facts({ circumstances: { childrensCentreWorkingIntensively: true } }))).not.toContain("Children's centre worker");
    expect(find(facts({ circumstances: { proceedingsLive: true } }), "Children's Guardian")?.inviteeKind).toBe('observer');
    const lac = facts({ children: [child({ personId: 'a', name: 'Alpha', lookedAfter: true, iro: { userId: 'iro', name: 'Ira Reviewer', email: null } })] });
    expect(find(lac, 'Independent reviewing officer')).toMatchObject({ userId: 'iro', name: 'Ira Reviewer' });
  });

  it('IN2: foster carers and adult services where involved', () => {
    const f = facts({ circumstances: { fosterCarers: true, involvedServices: ['probation', 'substance-misuse'] } });
    expect(roles(f)).toEqual(expect.arrayContaining(['Foster carer', 'Supervising social worker (fostering)', 'Probation officer', 'Substance misuse worker']));
    expect(roles(f)).not.toContain('Adult mental health practitioner');
  });

  it('gives every suggestion a reason, and no two the same identity', () => {
    const all = suggestInvitees(facts({ socialHousing: true, circumstances: { newInjury: true, proceedingsLive: true, fosterCarers: true } }));
    for (const s of all) expect(s.because.length).toBeGreaterThan(10);
    const keys = all.map((s) => s.personId ?? s.userId ?? s.role);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
