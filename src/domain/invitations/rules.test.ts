import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { checkRemoval, contactProblem, observerCleared } from './editing.js';
import { observerStanding } from './observers.js';
import { checkResponse } from './responses.js';
import { isLate, observerRequestDue, reviewInvitationsDue } from './timing.js';

const calendar = bundledCalendar('england-and-wales');

describe('removing an invitee (IN1)', () => {
  it('needs a reason to leave out a parent, not a professional', () => {
    expect(checkRemoval({ inviteeKind: 'parent', state: 'suggested' }, '  ')?.message).toContain('reason this parent');
    expect(checkRemoval({ inviteeKind: 'parent', state: 'suggested' }, 'Exclusion agreed by the chair')).toBeNull();
    expect(checkRemoval({ inviteeKind: 'professional', state: 'confirmed' }, undefined)).toBeNull();
  });
});

describe('contact details before sending (IN3)', () => {
  it('wants an email for secure email and an address for post, nothing for by hand', () => {
    expect(contactProblem({ id: '1', name: 'GP', channel: 'secure-email', email: null, postalAddress: null })?.message).toContain('secure email');
    expect(contactProblem({ id: '1', name: 'Demi', channel: 'post', email: null, postalAddress: null })?.message).toContain('postal address');
    expect(contactProblem({ id: '1', name: 'Alpha', channel: 'hand', email: null, postalAddress: null })).toBeNull();
  });
});

describe('responses (IN4)', () => {
  it('needs the colleague’s name when a professional sends someone', () => {
    expect(checkResponse('professional', { response: 'delegate', reportPromised: true }).errors[0]?.field).toBe('delegateName');
    expect(checkResponse('professional', { response: 'delegate', delegateName: 'DC Other', reportPromised: true }).errors).toEqual([]);
  });
  it('prompts for a written report and a colleague when a professional sends apologies', () => {
    const r = checkResponse('professional', { response: 'apologies', reportPromised: false });
    expect(r.errors).toEqual([]);
    expect(r.prompts.join(' ')).toContain('written report');
    expect(r.prompts.join(' ')).toContain('colleague');
    expect(checkResponse('professional', { response: 'apologies', reportPromised: true }).prompts.join(' ')).not.toContain('written report');
    expect(checkResponse('parent', { response: 'apologies', reportPromised: false }).prompts).toEqual([]);
  });
});

describe('timing of invitations and observer requests (TS17, TS19)', () => {
  it('TS19: Nottinghamshire review invitations go at least 2 weeks before', () => {
    const t = reviewInvitationsDue('nottinghamshire', 'review', '2026-03-05', calendar);
    expect(t).toMatchObject({ kind: 'date', date: '2026-02-19' });
    expect(isLate(t, '2026-02-20')).toBe(true);
    expect(isLate(t, '2026-02-19')).toBe(false);
  });
  it('TS19: no date for an initial conference or another pack', () => {
    expect(reviewInvitationsDue('nottinghamshire', 'initial', '2026-03-05', calendar).kind).toBe('none');
    expect(reviewInvitationsDue('hertfordshire', 'review', '2026-03-05', calendar).kind).toBe('none');
  });
  it('TS17: 3 working days before in Hertfordshire (skipping the weekend); words only in Nottinghamshire', () => {
    expect(observerRequestDue('hertfordshire', 'initial', '2026-03-04', calendar)).toMatchObject({ kind: 'date', date: '2026-02-27' });
    const notts = observerRequestDue('nottinghamshire', 'initial', '2026-03-04', calendar);
    expect(notts.kind).toBe('advice');
    expect(isLate(notts, '2026-03-04')).toBe(false);
  });
});

describe('observers (IN9)', () => {
  const due = observerRequestDue('hertfordshire', 'initial', '2026-03-04', calendar);
  it('may observe only once the chair agreed and the family consented', () => {
    expect(observerStanding({ requestedOn: '2026-02-20', chairAgreed: false, familyConsent: null }, due)).toEqual({ status: 'awaiting-chair', late: false });
    expect(observerStanding({ requestedOn: '2026-02-20', chairAgreed: true, familyConsent: null }, due).status).toBe('awaiting-family');
    expect(observerStanding({ requestedOn: '2026-02-20', chairAgreed: true, familyConsent: 'given' }, due).status).toBe('may-observe');
    expect(observerStanding({ requestedOn: '2026-02-20', chairAgreed: true, familyConsent: 'refused' }, due).status).toBe('refused');
  });
  it('clears an observer for sending only with the chair’s agreement and the family’s consent', () => {
    const at = new Date('2026-02-24T10:00:00Z');
    expect(observerCleared({ inviteeKind: 'observer', chairAgreedAt: null, familyConsent: 'given' })).toBe(false);
    expect(observerCleared({ inviteeKind: 'observer', chairAgreedAt: at, familyConsent: null })).toBe(false);
    expect(observerCleared({ inviteeKind: 'observer', chairAgreedAt: at, familyConsent: 'given' })).toBe(true);
    expect(observerCleared({ inviteeKind: 'professional', chairAgreedAt: null, familyConsent: null })).toBe(true);
  });
  it('marks a request after the TS17 date as late', () => {
    expect(observerStanding({ requestedOn: '2026-03-02', chairAgreed: false, familyConsent: null }, due)).toEqual({ status: 'awaiting-chair', late: true });
  });
});
