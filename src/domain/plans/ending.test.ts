import { describe, expect, it } from 'vitest';
import { endingProblems, endingRoutes, reviewEndingProblems, type EndingInput } from './ending.js';
import { endingRecipients } from './ending-notice.js';

const facts = { today: '2026-06-10', planStartedOn: '2026-03-02', eighteenthBirthday: '2026-06-01', lookedAfter: false, endingPending: false };
const input: EndingInput = { route: 'eighteenth-birthday', endedOn: '2026-06-10', reason: 'Turned 18', continuingSupport: 'early-help' };
const available = (pack: Parameters<typeof endingRoutes>[0], f = facts) => endingRoutes(pack, f).filter((r) => r.available).map((r) => r.route);

describe('EN1 routes to end a plan without a review', () => {
  it('18th birthday, death and leaving the UK are open to the service manager', () => {
    expect(available('national')).toEqual(['eighteenth-birthday', 'death', 'left-uk', 'moved-authority']);
    expect(endingProblems('national', facts, input)).toEqual([]);
  });

  it('refuses the 18th birthday route before the birthday', () => {
    const young = { ...facts, eighteenthBirthday: '2027-01-01' };
    expect(available('national', young)).not.toContain('eighteenth-birthday');
    expect(endingProblems('national', young, input)).toEqual([{ field: 'route', message: expect.stringContaining('2027-01-01') }]);
  });

  it('a move ends the plan only after the new authority has held its conference', () => {
    const moved: EndingInput = { ...input, route: 'moved-authority', receivingAuthority: 'Exampleshire', receivingConferenceOn: '2026-06-12' };
    expect(endingProblems('national', facts, moved)).toEqual([{ field: 'receivingConferenceOn', message: expect.any(String) }]);
    expect(endingProblems('national', facts, { ...moved, receivingConferenceOn: '2026-06-05' })).toEqual([]);
  });

  it('requires the reason, a date after the start, and what support continues (EN5)', () => {
    const problems = endingProblems('national', facts, { ...input, route: 'death', endedOn: '2026-03-01', reason: ' ', continuingSupport: null });
    expect(problems.map((p) => p.field)).toEqual(['endedOn', 'reason', 'continuingSupport']);
  });
});

describe('EN2 looked-after child by written consultation', () => {
  const lac = { ...facts, lookedAfter: true };
  const consulted = [
    { name: 'Chris Chairington', role: 'Chair', response: 'agreed' as const },
    { name: 'Hana Exampleton', role: 'Health visitor', response: 'objected' as const },
  ];
  const route: EndingInput = { ...input, route: 'looked-after-consultation', noPlanToReturn: true, consultation: consulted, secondManagerName: 'Sam Second' };

  it('is not a route in national or pan-dorset, only a review decides', () => {
    expect(available('national', lac)).not.toContain('looked-after-consultation');
    expect(available('pan-dorset', lac)).not.toContain('looked-after-consultation');
  });

  it('hertfordshire: nobody consulted may object, and two service managers agree', () => {
    expect(endingProblems('hertfordshire', lac, route).map((p) => p.message)).toEqual([expect.stringContaining('without objection')]);
    const allAgree = consulted.map((c) => ({ ...c, response: 'agreed' as const }));
    expect(endingProblems('hertfordshire', lac, { ...route, consultation: allAgree })).toEqual([]);
    expect(endingProblems('hertfordshire', lac, { ...route, consultation: allAgree, secondManagerName: '' })[0]?.field).toBe('secondManagerName');
  });

  it('nottinghamshire: at least one other agency agrees', () => {
    expect(endingProblems('nottinghamshire', lac, route)).toEqual([]);
    const none = consulted.map((c) => ({ ...c, response: 'no-reply' as const }));
    expect(endingProblems('nottinghamshire', lac, { ...route, consultation: none })[0]?.message).toMatch(/At least 1 other agency/);
  });

  it('needs the child to be looked after with no plan to return', () => {
    expect(available('hertfordshire', facts)).not.toContain('looked-after-consultation');
    expect(endingProblems('nottinghamshire', lac, { ...route, noPlanToReturn: false })[0]?.field).toBe('noPlanToReturn');
  });
});

describe('EN3 and EN6 pan-dorset conditions', () => {
  it('EN3: a first review ends a plan only in an exceptional circumstance, with the child heard and the core assessment done', () => {
    const ok = { firstReview: true, exception: 'transfer-in-risk-reduced' as const, childViewAscertained: true, coreAssessmentComplete: true };
    expect(reviewEndingProblems('pan-dorset', ok)).toEqual([]);
    expect(reviewEndingProblems('pan-dorset', { ...ok, exception: null })).toHaveLength(1);
    expect(reviewEndingProblems('pan-dorset', { ...ok, childViewAscertained: false, coreAssessmentComplete: false })).toHaveLength(2);
    expect(reviewEndingProblems('national', { ...ok, exception: null, childViewAscertained: false })).toEqual([]);
  });

  it('EN6: an ending waiting for an absent professional is confirmed only once agreed in writing', () => {
    expect(available('pan-dorset')).not.toContain('absent-professional-agreed');
    const pending = { ...facts, endingPending: true };
    expect(available('pan-dorset', pending)).toContain('absent-professional-agreed');
    const confirm: EndingInput = { ...input, route: 'absent-professional-agreed' };
    expect(endingProblems('pan-dorset', pending, confirm)[0]?.field).toBe('agreementReceivedOn');
    expect(endingProblems('pan-dorset', pending, { ...confirm, agreementReceivedOn: '2026-06-09' })).toEqual([]);
  });
});

describe('EN4 who is told that the plan ended', () => {
  const people = {
    initialInvitees: [
      { name: 'Demi Testington', role: 'Mother', email: 'demi@example.org', postalAddress: null },
      { name: 'Fred Testington', role: 'Father', email: null, postalAddress: '1 Example Road' },
      { name: 'Nobody Known', role: 'Uncle', email: null, postalAddress: null },
    ],
    latestInvitees: [
      { name: 'Demi Testington', role: 'Mother', email: 'DEMI@example.org', postalAddress: null },
      { name: 'Ivy Iro', role: 'IRO', email: 'ivy@example.gov.uk', postalAddress: null },
    ],
    gp: { name: 'Dr Example', practice: 'Sampletown Surgery, 2 High Street' },
    leadSocialWorker: { name: 'Sam Sampleford', email: 'sam@example.gov.uk' },
  };
  const names = (r: ReturnType<typeof endingRecipients>) => r.recipients.map((x) => x.name);

  it('national: the initial conference invitees and the lead social worker, by email or post', () => {
    const result = endingRecipients('national', 'death', people);
    expect(names(result)).toEqual(['Demi Testington', 'Fred Testington', 'Sam Sampleford']);
    expect(result.recipients[1]?.channel).toBe('post');
    expect(result.unreachable).toEqual(['Nobody Known (Uncle)']);
  });

  it('hertfordshire looked-after route adds the latest conference invitees, once each', () => {
    expect(names(endingRecipients('hertfordshire', 'looked-after-consultation', people))).toEqual(['Demi Testington', 'Fred Testington', 'Ivy Iro', 'Sam Sampleford']);
    expect(names(endingRecipients('hertfordshire', 'death', people))).not.toContain('Ivy Iro');
  });

  it('nottinghamshire adds the GP', () => {
    expect(names(endingRecipients('nottinghamshire', 'eighteenth-birthday', people))).toContain('Dr Example');
    expect(names(endingRecipients('national', 'eighteenth-birthday', people))).not.toContain('Dr Example');
  });
});
