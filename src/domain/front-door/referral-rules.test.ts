import { describe, expect, it } from 'vitest';
import { REFERRAL_SOURCE_CODES, REFERRAL_SOURCE_GROUPS, referralSourceGroup, referralSourceLabel } from './referral-sources.js';
import { checkNextStep, checkReferrer, followUpFor, isProfessionalReferrer, nfaRefusal, type ReferrerFacts } from './referral-rules.js';

const named = (over: Partial<ReferrerFacts>): ReferrerFacts => ({
  sourceCode: '1A', referrerIsProfessional: false, anonymous: false, referrerName: 'Alpha Sampleford', ...over,
});

describe('census referral sources', () => {
  it('has the ten census groups, 1A to 10, each code once', () => {
    expect(REFERRAL_SOURCE_GROUPS.map((g) => g.group)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(REFERRAL_SOURCE_CODES).size).toBe(REFERRAL_SOURCE_CODES.length);
    expect(REFERRAL_SOURCE_CODES[0]).toBe('1A');
    expect(REFERRAL_SOURCE_CODES.at(-1)).toBe('10');
  });
  it('labels a code with its group', () => {
    expect(referralSourceLabel('3B')).toBe('Health: Health visitor (3B)');
    expect(referralSourceLabel('6')).toBe('Police (6)');
    expect(referralSourceGroup('5D')?.label).toBe('Local authority services');
    expect(referralSourceGroup('11')).toBeNull();
  });
});

describe('FD1 anonymity: professionals cannot refer anonymously', () => {
  it('refuses an anonymous referral from someone who says they are a professional', () => {
    const problems = checkReferrer({ sourceCode: '9', referrerIsProfessional: true, anonymous: true });
    expect(problems).toContainEqual({ field: 'anonymous', message: expect.stringMatching(/professional cannot refer anonymously/) });
  });
  it.each(['2A', '3A', '3E', '4', '5C', '6', '7'])('treats a referral from agency source %s as professional and refuses anonymity', (code) => {
    expect(isProfessionalReferrer({ sourceCode: code, referrerIsProfessional: false })).toBe(true);
    const problems = checkReferrer({ sourceCode: code, referrerIsProfessional: false, anonymous: true });
    expect(problems.map((p) => p.field)).toContain('anonymous');
  });
  it('accepts an anonymous member of the public with source 9', () => {
    expect(checkReferrer({ sourceCode: '9', referrerIsProfessional: false, anonymous: true })).toEqual([]);
  });
  it('keeps the census source and the anonymous flag consistent', () => {
    expect(checkReferrer({ sourceCode: '1B', referrerIsProfessional: false, anonymous: true }).map((p) => p.field)).toEqual(['sourceCode']);
    expect(checkReferrer(named({ sourceCode: '9' })).map((p) => p.field)).toEqual(['sourceCode']);
  });
  it('needs a name unless anonymous, and a professional’s organisation', () => {
    expect(checkReferrer(named({ referrerName: undefined })).map((p) => p.field)).toEqual(['referrerName']);
    expect(checkReferrer(named({ sourceCode: '2A' })).map((p) => p.field)).toEqual(['referrerOrganisation']);
    expect(checkReferrer(named({ sourceCode: '2A', referrerOrganisation: 'Sampleton Primary' }))).toEqual([]);
  });
  it('refuses an unknown source code', () => {
    expect(checkReferrer(named({ sourceCode: '12' }))).toEqual([{ field: 'sourceCode', message: 'Select where the referral came from' }]);
  });
});

describe('FD1 follow-up in writing', () => {
  it('acknowledges written referrals, and asks professionals who phone to confirm in writing', () => {
    expect(followUpFor('written', false)).toBe('acknowledgement');
    expect(followUpFor('email', true)).toBe('acknowledgement');
    expect(followUpFor('portal', false)).toBe('acknowledgement');
    expect(followUpFor('telephone', true)).toBe('written-confirmation');
    expect(followUpFor('telephone', false)).toBeNull();
    expect(followUpFor('in-person', true)).toBeNull();
  });
});

describe('FD1 no further action closes the episode (census ReferralNFA)', () => {
  it('refuses later work after a no-further-action referral, naming the child', () => {
    expect(nfaRefusal('no-further-action', 'section 47 enquiry', 'Alpha')).toMatch(/^Alpha’s referral was closed with no further action, so no section 47 enquiry can be recorded/);
    expect(nfaRefusal('strategy-discussion', 'section 47 enquiry')).toBeNull();
    expect(nfaRefusal(null, 'assessment')).toBeNull();
  });
  it('cannot close with no further action once work is recorded', () => {
    expect(checkNextStep('no-further-action', 1)).toHaveLength(1);
    expect(checkNextStep('no-further-action', 0)).toEqual([]);
    expect(checkNextStep('initial-assessment', 3)).toEqual([]);
  });
});
