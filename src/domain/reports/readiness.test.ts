import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { meetingRules } from '../conference/meeting-rules.js';
import type { ExpectedChild, ExpectedInvitee } from './expected.js';
import { expectedReports } from './expected.js';
import { readiness, type ProgressedReport } from './readiness.js';

const calendar = bundledCalendar('england-and-wales');
const children: ExpectedChild[] = [
  { childId: 'alpha', name: 'Alpha Testington', role: 'subject', childType: 'initial' },
  { childId: 'beta', name: 'Beta Testington', role: 'household', childType: null },
];
const invitee = (id: string, extra: Partial<ExpectedInvitee>): ExpectedInvitee => ({
  invitationId: id, name: id, role: 'Role', organisationName: null, inviteeKind: 'professional', state: 'sent', userId: null, agency: 'other', response: null, ...extra,
});
const invitees: ExpectedInvitee[] = [
  invitee('sw', { agency: 'childrens-social-care', response: 'attending-in-person', userId: 'u-sw' }),
  invitee('hv', { agency: 'health-visiting', response: 'attending-in-person', userId: 'u-hv' }),
  invitee('school', { agency: 'education', response: null }),
  invitee('police', { agency: 'police', response: 'apologies' }),
  invitee('removed', { agency: 'housing', state: 'removed' }),
  invitee('mum', { inviteeKind: 'parent', agency: null, response: 'attending-in-person' }),
];

describe('expected reports', () => {
  it('one social work report per subject child and one report per invited agency, not social care, not removed, not family', () => {
    const expected = expectedReports({ conferenceIsInitial: true, children, invitees });
    expect(expected.map((e) => e.key)).toEqual(['social-work:alpha', 'agency:hv', 'agency:school', 'agency:police']);
  });
});

describe('readiness for the chair', () => {
  const base = {
    pack: 'hertfordshire' as const,
    conferenceIsInitial: true,
    conferenceStart: Temporal.PlainDateTime.from('2026-03-12T10:00'),
    now: Temporal.PlainDateTime.from('2026-03-11T12:00'),
    calendar,
    familyNeedsTime: false,
    children,
    invitees,
    quorumRules: meetingRules('hertfordshire').quorum,
  };
  const written: ProgressedReport[] = [
    { id: 'r1', kind: 'agency', childId: null, invitationId: null, authorId: 'u-hv', submittedAt: Temporal.PlainDateTime.from('2026-03-05T09:00'), sharedAt: Temporal.PlainDateTime.from('2026-03-06T09:00') },
    { id: 'r2', kind: 'social-work', childId: 'alpha', invitationId: null, authorId: 'u-sw', submittedAt: Temporal.PlainDateTime.from('2026-03-05T09:00'), sharedAt: null },
  ];
  it('gives each expected report its state and matches agency reports by their author', () => {
    const r = readiness({ ...base, written });
    const states = Object.fromEntries(r.rows.map((row) => [row.expected.key, row.state]));
    expect(states).toEqual({ 'social-work:alpha': 'late', 'agency:hv': 'shared', 'agency:school': 'awaited', 'agency:police': 'awaited' });
    expect(r.counts.late).toBe(1);
    expect(r.rows.find((row) => row.expected.key === 'agency:hv')?.report?.id).toBe('r1');
  });
  it('shows missing reports once the chair date has passed', () => {
    const r = readiness({ ...base, written, now: Temporal.PlainDateTime.from('2026-03-12T08:00') });
    expect(r.rows.find((row) => row.expected.key === 'agency:school')?.state).toBe('missing');
  });
  it('forecasts quorum per subject child from the answers (CF1, CF2 in hertfordshire: police at an initial)', () => {
    const r = readiness({ ...base, written });
    expect(r.forecasts).toHaveLength(1);
    const f = r.forecasts[0]!;
    expect(f.confirmed.quorate).toBe(false);
    expect(f.confirmed.countingAgencies).toBe(1);
    expect(f.ifAllCome.countingAgencies).toBe(2);
    expect(f.ifAllCome.shortfall.join(' ')).toContain('Police');
    const policeComing = invitees.map((i) => (i.invitationId === 'police' ? { ...i, response: 'attending-virtual' } : i));
    expect(readiness({ ...base, written, invitees: policeComing }).forecasts[0]?.ifAllCome.quorate).toBe(true);
  });
  it('lists who is attending from the invitation answers', () => {
    const r = readiness({ ...base, written });
    expect(r.attendance.map((a) => [a.invitee.invitationId, a.answer])).toEqual([
      ['sw', 'attending'], ['hv', 'attending'], ['school', 'no-answer'], ['police', 'apologies'], ['mum', 'attending'],
    ]);
  });
});
